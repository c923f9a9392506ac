package dev.multisession.runtime.flow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;

/**
 * Goes on from a stage that another component completes (a store's writer thread, say) on an
 * executor of one's own, so that the completing thread only hands the work over. A stage that
 * is already complete goes on at once on the calling thread, as a synchronous call would; an
 * executor that refuses the task (it is shutting down) has it run on a thread of its own, so
 * that what a completed stage owes its callers (answers, say) is never lost, and the completing
 * thread still only hands it over: a store's writer that ran the hub's answers itself would wait
 * for whatever they wait for (a session's broadcaster, held by a day's close that waits for
 * that very writer).
 */
public final class Continuation {

    /** Runs what a refusing executor left: rare (an executor shut down), so a thread each. */
    private static final ThreadFactory REFUSED = DaemonThreads.named("multisession-continuation");

    private Continuation() {}

    /**
     * Runs {@code next} with the outcome of {@code stage} (its result, or its failure unwrapped
     * from any {@link CompletionException}, the other null) on {@code executor}.
     *
     * @return completes as the stage {@code next} returns completes, or exceptionally with what
     *     {@code next} threw
     */
    public static <R, U> CompletableFuture<U> on(CompletionStage<R> stage, Executor executor,
            BiFunction<? super R, Throwable, ? extends CompletionStage<U>> next) {
        CompletableFuture<R> source = stage.toCompletableFuture();
        CompletableFuture<U> result = new CompletableFuture<>();
        if (source.isDone()) {
            source.whenComplete((value, failure) -> relay(next, value, failure, result)); // runs here
            return result;
        }
        source.whenComplete((value, failure) -> {
            Runnable task = () -> relay(next, value, failure, result);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                REFUSED.newThread(task).start();
            }
        });
        return result;
    }

    private static <R, U> void relay(BiFunction<? super R, Throwable, ? extends CompletionStage<U>> next, R value,
            Throwable failure, CompletableFuture<U> result) {
        try {
            next.apply(value, unwrap(failure)).whenComplete((done, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                } else {
                    result.complete(done);
                }
            });
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
