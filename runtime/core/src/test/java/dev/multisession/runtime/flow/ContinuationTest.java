package dev.multisession.runtime.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContinuationTest {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor queued = tasks::add;
    private final List<String> seen = new ArrayList<>();

    private CompletableFuture<String> record(CompletableFuture<String> source, Executor executor) {
        return Continuation.on(source, executor, (value, failure) -> {
            seen.add(failure == null ? "value " + value : "failure " + failure.getMessage());
            return CompletableFuture.completedFuture("next");
        });
    }

    @Test
    void aStageAlreadyCompleteGoesOnAtOnceOnTheCallingThread() {
        CompletableFuture<String> next = record(CompletableFuture.completedFuture("a"), queued);
        assertEquals(List.of("value a"), seen);
        assertTrue(tasks.isEmpty());
        assertEquals("next", next.join());
    }

    @Test
    void aStageCompletedLaterGoesOnOnTheExecutor() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> next = record(source, queued);
        source.complete("b");
        assertEquals(List.of(), seen, "the completing thread only hands over");
        assertEquals(1, tasks.size());
        tasks.poll().run();
        assertEquals(List.of("value b"), seen);
        assertEquals("next", next.join());
    }

    @Test
    void aFailureArrivesUnwrapped() {
        CompletableFuture<String> source = new CompletableFuture<>();
        record(source.thenApply(v -> v), queued); // a dependent stage wraps the failure
        source.completeExceptionally(new IllegalStateException("store down"));
        tasks.poll().run();
        assertEquals(List.of("failure store down"), seen);
    }

    @Test
    void anExecutorThatRefusesHasAThreadOfItsOwnGoOnNotTheCompletingOne() throws Exception {
        CompletableFuture<String> source = new CompletableFuture<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        CompletableFuture<String> next = Continuation.on(source, task -> {
            throw new RejectedExecutionException("shut down");
        }, (value, failure) -> {
            ranOn.add(Thread.currentThread());
            return CompletableFuture.completedFuture("next " + value);
        });
        source.complete("c");
        assertEquals("next c", next.get(10, TimeUnit.SECONDS), "what the stage owes its callers is not lost");
        assertEquals(1, ranOn.size());
        assertNotSame(Thread.currentThread(), ranOn.get(0), "the completing thread only hands it over");
    }

    @Test
    void whatTheContinuationThrowsFailsItsStage() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<Object> next = Continuation.on(CompletableFuture.completedFuture("d"), queued,
                (value, failure) -> {
                    throw boom;
                });
        CompletionException thrown = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, next::join);
        assertSame(boom, thrown.getCause());
    }
}
