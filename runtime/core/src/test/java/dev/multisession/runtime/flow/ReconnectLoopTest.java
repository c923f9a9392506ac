package dev.multisession.runtime.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReconnectLoopTest {

    private static final Duration MIN = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(1_000);
    private static final Duration REFUSED = Duration.ofSeconds(15);

    private final ManualScheduler scheduler = new ManualScheduler();
    /** Attempts wait here until the test runs them, as on a real executor. */
    private final ArrayDeque<Runnable> executor = new ArrayDeque<>();
    /** The links of the attempts that ran, in order. */
    private final List<ReconnectLoop.Link> links = new ArrayList<>();

    private ReconnectLoop loop(ReconnectLoop.Attempt attempt) {
        return ReconnectLoop.builder("test peer", attempt)
                .executor(executor::add)
                .scheduler(scheduler)
                .clock(scheduler::nanoTime)
                .delays(Backoff.doubling(MIN, MAX), REFUSED)
                .build();
    }

    /** An attempt that only records its link; the test reports for it. */
    private ReconnectLoop recordingLoop() {
        return loop(links::add);
    }

    private void runAttempts() {
        Runnable task;
        while ((task = executor.poll()) != null) {
            task.run();
        }
    }

    private ReconnectLoop.Link lastLink() {
        return links.get(links.size() - 1);
    }

    @Test
    void theFirstAttemptRunsOnTheExecutorAndConnects() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        assertTrue(links.isEmpty(), "the attempt runs on the executor, not in start()");
        runAttempts();
        assertEquals(1, links.size());
        assertFalse(loop.isConnected());
        assertTrue(lastLink().connected());
        assertTrue(loop.isConnected());
        assertThrows(IllegalStateException.class, loop::start);
    }

    @Test
    void failuresWaitLongerEachTimeAndAConnectionStartsTheBackoffOver() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        for (int i = 0; i < 4; i++) {
            assertTrue(lastLink().failed("connection refused"));
            scheduler.advance(MAX);
            runAttempts();
        }
        assertEquals(List.of(ms(100), ms(200), ms(400), ms(800)), scheduler.requested());
        assertEquals(5, links.size());

        assertTrue(lastLink().connected());
        assertTrue(lastLink().failed("closed by the peer"));
        assertEquals(ms(100), scheduler.requested().get(4), "the backoff starts over after a connection");
        assertFalse(loop.isConnected());
    }

    @Test
    void theNextAttemptWaitsForItsDelay() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        lastLink().failed("down");
        scheduler.advance(ms(99));
        runAttempts();
        assertEquals(1, links.size(), "no attempt before the delay is over");
        scheduler.advance(ms(1));
        runAttempts();
        assertEquals(2, links.size());
    }

    @Test
    void aRefusalWaitsTheRefusedDelayAndLeavesTheBackoffAlone() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        assertTrue(lastLink().refused("unauthorized"));
        scheduler.advance(REFUSED.minusMillis(1));
        runAttempts();
        assertEquals(1, links.size());
        scheduler.advance(ms(1));
        runAttempts();
        assertEquals(2, links.size());
        lastLink().failed("down");
        assertEquals(List.of(REFUSED, MIN), scheduler.requested());
    }

    @Test
    void onlyTheFirstEndOfAnAttemptCounts() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        ReconnectLoop.Link first = lastLink();
        first.connected();
        assertTrue(first.failed("error"));
        assertFalse(first.failed("closed"), "a close that follows an error is the same drop");
        assertFalse(first.refused("unauthorized"));
        assertFalse(first.connected(), "an ended attempt cannot connect again");
        assertFalse(first.active());
        assertEquals(1, scheduler.requested().size(), "one drop, one delay");

        scheduler.advance(MAX);
        runAttempts();
        ReconnectLoop.Link second = lastLink();
        assertTrue(second.connected());
        assertFalse(first.failed("late callback of the old connection"));
        assertTrue(loop.isConnected(), "an old link cannot end the new connection");
        assertTrue(second.active());
    }

    @Test
    void anAttemptThatThrowsCountsAsAFailure() {
        ReconnectLoop loop = loop(link -> {
            links.add(link);
            throw new java.io.IOException("no route to host");
        });
        loop.start();
        runAttempts();
        assertFalse(links.get(0).active());
        assertEquals(List.of(MIN), scheduler.requested());
        scheduler.advance(MIN);
        runAttempts();
        assertEquals(2, links.size());
    }

    @Test
    void closeCancelsThePendingDelayAndTurnsEveryLinkInactive() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        lastLink().failed("down");
        assertEquals(1, scheduler.waiting());
        loop.close();
        assertEquals(0, scheduler.waiting(), "the delay is cancelled");
        scheduler.advance(REFUSED);
        runAttempts();
        assertEquals(1, links.size(), "no attempt after close");
        loop.close();
    }

    @Test
    void anAttemptInFlightWhenTheLoopClosesCannotConnectOrScheduleAnother() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        runAttempts();
        ReconnectLoop.Link inFlight = lastLink();
        loop.close();
        assertFalse(inFlight.active());
        assertFalse(inFlight.connected(), "the caller closes what it opened");
        assertFalse(inFlight.failed("closed"), "nothing to report after close");
        assertEquals(0, scheduler.waiting());
        assertFalse(loop.isConnected());
    }

    @Test
    void anAttemptQueuedBeforeCloseDoesNotRun() {
        List<ReconnectLoop.Link> ran = new ArrayList<>();
        ReconnectLoop loop = loop(ran::add);
        loop.start();
        loop.close();
        runAttempts();
        assertEquals(List.of(), ran);
    }

    @Test
    void aSynchronousAttemptHoldsItsThreadWhileConnectedAndReturnsAfterClose() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.single("reconnect-loop-test"));
        CountDownLatch connected = new CountDownLatch(1);
        ReconnectLoop loop = ReconnectLoop.builder("test peer", link -> {
            if (link.connected()) {
                connected.countDown();
                while (link.active()) {
                    Thread.onSpinWait(); // a poll for notifications, in real use
                }
            }
        }).executor(thread).scheduler(scheduler).delays(Backoff.jittered(MIN, MAX), REFUSED).build();
        try {
            loop.start();
            assertTrue(connected.await(10, TimeUnit.SECONDS));
            assertTrue(loop.isConnected());
            loop.close();
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS), "the attempt returned once the loop closed");
            assertEquals(0, scheduler.waiting(), "a closed loop schedules nothing");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aRefusingExecutorStopsTheLoop() {
        ReconnectLoop loop = ReconnectLoop.builder("test peer", links::add)
                .executor(task -> {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                })
                .scheduler(scheduler).delays(Backoff.doubling(MIN, MAX), REFUSED).build();
        loop.start();
        assertEquals(List.of(), links);
        assertEquals(0, scheduler.waiting());
        assertFalse(loop.isConnected());
        assertEquals("its executor refused the next attempt: RejectedExecutionException: shut down", loop.stopReason());
    }

    @Test
    void aSchedulerThatThrowsStopsTheLoopAndSaysWhyInsteadOfThrowingIntoTheReporter() {
        ReconnectLoop loop = ReconnectLoop.builder("test peer", links::add)
                .executor(executor::add)
                .scheduler((delay, task) -> {
                    throw new IllegalStateException("timer gone");
                })
                .delays(Backoff.doubling(MIN, MAX), REFUSED).build();
        loop.start();
        runAttempts();
        assertTrue(lastLink().failed("connection refused"), "the end of the attempt counts");
        assertEquals("its scheduler refused the delay before the next attempt: IllegalStateException: timer gone",
                loop.stopReason());
        assertFalse(lastLink().active(), "the loop is stopped, not waiting for a delay that never comes");
        assertFalse(loop.isConnected());
    }

    @Test
    void aLoopClosedByItsOwnerHasNoStopReason() {
        ReconnectLoop loop = recordingLoop();
        loop.start();
        loop.close();
        assertEquals(null, loop.stopReason());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
