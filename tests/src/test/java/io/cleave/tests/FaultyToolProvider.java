package io.cleave.tests;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolProvider;
import io.cleave.env.util.Options;
import java.util.List;
import java.util.Set;

/**
 * Test tool {@code faulty}, registered through {@code META-INF/services}: on an argument with an even hash it sleeps
 * until interrupted (a hung tool), on any other it throws (a crashing tool). Option {@code tag} sets the tag it
 * answers to (default {@code faulty}), so a policy trained to call {@code <calc>} calls it.
 */
public final class FaultyToolProvider implements ToolProvider {

    /** The registry name. */
    public static final String NAME = "faulty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Tool create(Options options) {
        options.requireKnown(Set.of("tag"), List.of(), "tool " + NAME);
        return new Faulty(options.getString("tag", NAME));
    }

    /** Whether {@code argument} makes the tool hang (else it throws). */
    static boolean hangsOn(String argument) {
        return Math.floorMod(argument.hashCode(), 2) == 0;
    }

    private record Faulty(String name) implements Tool {
        @Override
        public String run(String argument) {
            if (hangsOn(argument)) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "woke up";
            }
            throw new IllegalStateException("crash");
        }
    }
}
