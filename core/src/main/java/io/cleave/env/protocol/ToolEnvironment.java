package io.cleave.env.protocol;

import io.cleave.env.protocol.StepResult.Status;
import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.ToolSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tool calls for trajectories under {@link EnvLimits} and returns the exact {@code <result>...</result>} text
 * to append. Every problem (limit, unknown tool, malformed call, tool error, time-out) becomes an
 * {@code <result>error: ...</result>}, never an exception.
 *
 * <p>Stateless per trajectory: the call count and length are read from the trajectory text itself, so one
 * environment serves many threads and branched trajectories (a fork carries its own history). Tools run on a
 * pool of at most {@link #MAX_TOOL_THREADS} daemon threads; a call past the time-out is interrupted and abandoned (a
 * tool that ignores interrupts keeps its thread until it returns). While every thread is held by such abandoned
 * calls, new calls fail at once with an error result instead of starting more threads, so a hung tool can neither
 * block a rollout nor leak threads without bound. Result content has {@code <} and {@code >} replaced by {@code (} and
 * {@code )} so that it never contains tags, and is cut to {@link EnvLimits#maxResultChars()} characters ending
 * with {@link #TRUNCATION_MARKER}.
 */
public final class ToolEnvironment implements AutoCloseable {

    /** Ends truncated result content. */
    public static final String TRUNCATION_MARKER = "...[truncated]";

    /** Most tool calls running at once per environment (abandoned hung calls included). */
    public static final int MAX_TOOL_THREADS = 64;

    private static final AtomicInteger POOL_ID = new AtomicInteger();
    private static final long IDLE_THREAD_SECONDS = 60;

    private final ToolSet tools;
    private final EnvLimits limits;
    private final Protocol protocol;
    private final ThreadPoolExecutor executor;

    /** An environment exposing {@code tools} under {@code limits}; close it to stop its threads. */
    public ToolEnvironment(ToolSet tools, EnvLimits limits) {
        this(tools, limits, MAX_TOOL_THREADS);
    }

    ToolEnvironment(ToolSet tools, EnvLimits limits, int maxThreads) {
        this.tools = tools;
        this.limits = limits;
        this.protocol = Protocol.of(tools);
        this.executor = new ThreadPoolExecutor(0, maxThreads, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("cleave-tool-" + POOL_ID.incrementAndGet()));
    }

    /** The protocol of this environment's tools (stop strings, detection, parsing). */
    public Protocol protocol() {
        return protocol;
    }

    /** The limits. */
    public EnvLimits limits() {
        return limits;
    }

    /** The tools. */
    public ToolSet tools() {
        return tools;
    }

    /**
     * Runs the tool call that {@code trajectorySoFar} (the text after the prompt, ending with a closing tool tag)
     * ends with.
     *
     * @throws IllegalArgumentException if the text ends with no tool call at all (with {@code </answer>}, or with
     *     no stop string): the caller must not call a tool there
     */
    public StepResult step(String trajectorySoFar) {
        Detection detection = protocol.detect(trajectorySoFar);
        if (detection instanceof Detection.ToolCall call) {
            return call(call.tool(), call.argument(), trajectorySoFar);
        }
        if (detection instanceof Detection.Malformed bad && !bad.tool().equals(Tags.ANSWER)) {
            return error(bad.tool(), "", Status.MALFORMED_CALL, bad.reason());
        }
        throw new IllegalArgumentException("the trajectory does not end with a tool call (" + detection + ")");
    }

    /**
     * Runs {@code tool} on {@code argument}, for a trajectory whose text so far ({@code trajectorySoFar}, after
     * the prompt) includes this call.
     */
    public StepResult call(String tool, String argument, String trajectorySoFar) {
        Optional<Tool> found = tools.find(tool);
        if (found.isEmpty()) {
            return error(tool, argument, Status.UNKNOWN_TOOL, "unknown tool '" + tool + "'; tools: " + tools.names());
        }
        if (protocol.toolCallCount(trajectorySoFar) > limits.maxToolCalls()) {
            return error(tool, argument, Status.CALL_LIMIT, "tool call limit of " + limits.maxToolCalls()
                    + " reached");
        }
        if (trajectorySoFar.length() >= limits.maxTrajectoryChars()) {
            return lengthLimit(tool, argument);
        }
        StepResult result = run(found.get(), argument);
        if (trajectorySoFar.length() + result.text().length() > limits.maxTrajectoryChars()) {
            return lengthLimit(tool, argument);
        }
        return result;
    }

    private StepResult run(Tool tool, String argument) {
        Future<String> future;
        try {
            future = executor.submit(() -> tool.run(argument));
        } catch (RejectedExecutionException e) {
            return error(tool.name(), argument, Status.TOOL_ERROR, executor.getMaximumPoolSize()
                    + " tool calls are still running past their time-out; not starting " + tool.name());
        }
        try {
            String out = future.get(limits.toolTimeoutMs(), TimeUnit.MILLISECONDS);
            return new StepResult(tool.name(), argument, clean(out == null ? "" : out.strip()), Status.OK);
        } catch (TimeoutException e) {
            future.cancel(true);
            return error(tool.name(), argument, Status.TIMEOUT, "tool " + tool.name() + " timed out after "
                    + limits.toolTimeoutMs() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof ToolException ? cause.getMessage()
                    : "tool " + tool.name() + " failed: " + cause;
            return error(tool.name(), argument, Status.TOOL_ERROR, message);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return error(tool.name(), argument, Status.TOOL_ERROR, "interrupted while running " + tool.name());
        }
    }

    private StepResult lengthLimit(String tool, String argument) {
        return error(tool, argument, Status.LENGTH_LIMIT, "trajectory limit of " + limits.maxTrajectoryChars()
                + " chars reached");
    }

    private StepResult error(String tool, String argument, Status status, String message) {
        return new StepResult(tool, argument, clean("error: " + message), status);
    }

    private String clean(String content) {
        String tagFree = content.replace('<', '(').replace('>', ')');
        if (tagFree.length() <= limits.maxResultChars()) {
            return tagFree;
        }
        return tagFree.substring(0, limits.maxResultChars() - TRUNCATION_MARKER.length()) + TRUNCATION_MARKER;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the tool threads (interrupting running tools). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
