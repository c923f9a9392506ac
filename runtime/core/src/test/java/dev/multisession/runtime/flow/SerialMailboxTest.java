package dev.multisession.runtime.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialMailboxTest {

    /** Runs tasks only when told to, so a test sees each hop. */
    private static final class StepExecutor implements java.util.concurrent.Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    @Test
    void aBatchFinishedLaterKeepsTheMailboxBusyButFreesTheThread() {
        StepExecutor executor = new StepExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        SerialMailbox<Integer> mailbox = SerialMailbox.untilDone("test", executor, 100, batch -> {
            batches.add(batch);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }, dropped -> {});
        mailbox.offer(1);
        executor.runAll();
        assertEquals(List.of(List.of(1)), batches);
        assertTrue(executor.tasks.isEmpty(), "the task returned while its batch waits");

        mailbox.offer(2);
        mailbox.offer(3);
        executor.runAll();
        assertEquals(1, batches.size(), "no second batch while the first is not done");
        assertTrue(executor.tasks.isEmpty(), "and no task on its way for it");

        pending.get(0).complete(null);
        assertEquals(1, executor.tasks.size(), "the first batch's end schedules the next");
        executor.runAll();
        assertEquals(List.of(List.of(1), List.of(2, 3)), batches);

        pending.get(1).completeExceptionally(new IllegalStateException("failed later"));
        mailbox.offer(4);
        executor.runAll();
        assertEquals(List.of(4), batches.get(2), "a batch that failed later does not stop the mailbox");
        pending.get(2).complete(null);
        assertTrue(executor.tasks.isEmpty());
        assertEquals(0, mailbox.waiting());
    }

    @Test
    void aBatchAlreadyFinishedOnReturnGoesOnLikeASynchronousOne() {
        StepExecutor executor = new StepExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        SerialMailbox<Integer> mailbox = SerialMailbox.untilDone("test", executor, 1, batch -> {
            batches.add(batch);
            return CompletableFuture.completedFuture(null);
        }, dropped -> {});
        mailbox.offer(1);
        mailbox.offer(2);
        executor.tasks.poll().run();
        assertEquals(List.of(List.of(1)), batches);
        assertEquals(1, executor.tasks.size(), "the rest goes to a new task, as with a plain handler");
        executor.runAll();
        assertEquals(List.of(List.of(1), List.of(2)), batches);
    }

    @Test
    void itemsOfferedBeforeTheTaskRunsAreHandledAsOneBatch() {
        StepExecutor executor = new StepExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", executor, 100, batches::add);
        mailbox.offer(1);
        mailbox.offer(2);
        mailbox.offer(3);
        assertEquals(1, executor.tasks.size(), "one task on its way, not one per item");
        executor.runAll();
        assertEquals(List.of(List.of(1, 2, 3)), batches);
    }

    @Test
    void batchesAreCappedAndTheRestGoesToANewTask() {
        StepExecutor executor = new StepExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", executor, 2, batches::add);
        for (int i = 1; i <= 5; i++) {
            mailbox.offer(i);
        }
        executor.tasks.poll().run();
        assertEquals(List.of(List.of(1, 2)), batches);
        assertEquals(1, executor.tasks.size(), "the rest waits for its turn on the executor");
        executor.runAll();
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), batches);
    }

    @Test
    void aHandlerThatThrowsDoesNotStopLaterItems() {
        StepExecutor executor = new StepExecutor();
        List<Integer> handled = new ArrayList<>();
        SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", executor, 1, batch -> {
            if (batch.get(0) == 2) {
                throw new IllegalStateException("cannot apply 2");
            }
            handled.addAll(batch);
        });
        mailbox.offer(1);
        mailbox.offer(2);
        executor.runAll();
        mailbox.offer(3);
        executor.runAll();
        assertEquals(List.of(1, 3), handled);
        assertEquals(0, mailbox.waiting());
    }

    @Test
    void aHandlerThatThrowsAnErrorLeavesTheMailboxUsable() {
        StepExecutor executor = new StepExecutor();
        List<Integer> handled = new ArrayList<>();
        SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", executor, 10, batch -> {
            if (batch.contains(1)) {
                throw new AssertionError("boom");
            }
            handled.addAll(batch);
        });
        mailbox.offer(1);
        try {
            executor.runAll();
        } catch (AssertionError expected) {
            // escapes to the executor, as errors should
        }
        mailbox.offer(2);
        executor.runAll();
        assertEquals(List.of(2), handled);
    }

    @Test
    void onASameThreadExecutorAnItemOfferedByTheHandlerIsHandledRightAfter() {
        List<String> order = new ArrayList<>();
        SerialMailbox<String>[] box = new SerialMailbox[1];
        box[0] = new SerialMailbox<>("test", Runnable::run, 10, batch -> {
            for (String item : batch) {
                order.add("start " + item);
                if (item.equals("a")) {
                    box[0].offer("b"); // a reply that leads straight to a new message
                }
                order.add("end " + item);
            }
        });
        box[0].offer("a");
        assertEquals(List.of("start a", "end a", "start b", "end b"), order);
    }

    @Test
    void aRefusingExecutorDropsWhatWaitsAndLaterOffersTryAgain() {
        AtomicInteger refusals = new AtomicInteger(1);
        List<Integer> handled = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("shut down");
            }
            task.run();
        }, 10, handled::addAll, dropped::addAll);
        mailbox.offer(1);
        assertEquals(0, mailbox.waiting());
        assertEquals(List.of(1), dropped, "the owner learns what was dropped, to answer or count it");
        mailbox.offer(2);
        assertEquals(List.of(2), handled);
    }

    @Test
    void manyThreadsOfferingKeepEachThreadsOrderAndNeverRunTheHandlerTwiceAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorService producers = Executors.newFixedThreadPool(3);
        try {
            AtomicInteger inside = new AtomicInteger();
            List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
            int perProducer = 20_000;
            CountDownLatch allHandled = new CountDownLatch(3 * perProducer);
            SerialMailbox<Integer> mailbox = new SerialMailbox<>("test", pool, 64, batch -> {
                assertEquals(1, inside.incrementAndGet(), "handler ran twice at once");
                handled.addAll(batch);
                batch.forEach(item -> allHandled.countDown());
                inside.decrementAndGet();
            });
            for (int p = 0; p < 3; p++) {
                int producer = p;
                producers.execute(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        mailbox.offer(producer * 1_000_000 + i);
                    }
                });
            }
            assertTrue(allHandled.await(30, TimeUnit.SECONDS), "every item handled");
            int[] last = {-1, -1, -1};
            for (int item : new ArrayList<>(handled)) {
                int producer = item / 1_000_000;
                int index = item % 1_000_000;
                assertEquals(last[producer] + 1, index, "items of one producer in order");
                last[producer] = index;
            }
            assertFalse(handled.size() > 3 * perProducer);
        } finally {
            pool.shutdownNow();
            producers.shutdownNow();
        }
    }
}
