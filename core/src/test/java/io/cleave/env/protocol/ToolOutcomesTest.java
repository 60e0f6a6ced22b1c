package io.cleave.env.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.CalcTool;
import org.junit.jupiter.api.Test;

/** Time-outs and errors counted from the results a real environment appended. */
class ToolOutcomesTest {

    /** Sleeps the milliseconds it is given. */
    private static final class NapTool implements Tool {
        @Override
        public String name() {
            return "nap";
        }

        @Override
        public String run(String argument) throws ToolException {
            try {
                Thread.sleep(Long.parseLong(argument));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "rested";
        }
    }

    @Test
    void countsTimeOutsApartFromOtherErrors() {
        try (ToolEnvironment env = new ToolEnvironment(ToolSet.of(new CalcTool(), new NapTool()),
                new EnvLimits(6, 200, 300, 4_096))) {
            StringBuilder text = new StringBuilder();
            for (String call : new String[] {"<calc>1+1</calc>", "<nap>5000</nap>", "<calc>1/0</calc>",
                "<nap>1</nap>", "<nap>4000</nap>", "<calc>2*</calc>"}) {
                text.append(call);
                text.append(env.step(text.toString()).text());
            }
            text.append("<answer>2</answer>");
            ParsedTrajectory parsed = env.protocol().parser().parse(text.toString());
            assertEquals(6, parsed.calls().size(), text.toString());
            assertEquals(new ToolOutcomes(2, 2), ToolOutcomes.of(parsed), text.toString());
        }
    }
}
