package dev.multisession.runtime.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items to a handler on an executor, in the order they were offered and one batch at a
 * time: the handler never runs twice at once, and everything offered while a batch is being
 * handled joins the next one. After each batch the rest goes to a new task, so that other work
 * on the same executor (an application's UI tasks, other sessions of a hub) gets its turn in
 * between.
 *
 * <p>A handler that throws is logged and draining goes on with the next batch: one bad item
 * never stops the mailbox. An executor that runs tasks on the calling thread is supported:
 * an item offered from inside the handler is handled by the running drain, right after the
 * current batch. {@link #offer} never blocks and never runs the handler while holding a lock.
 * Thread-safe.
 *
 * <p>A handler made with {@link #untilDone} may finish a batch later than it returns (it waits
 * for a commit, say): the mailbox counts as busy until the batch's stage completes, so batches
 * still never overlap and keep their order, while the thread goes back to the executor. The
 * next batch then starts in a new task.
 *
 * @param <T> the items
 */
public final class SerialMailbox<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SerialMailbox.class);

    private final String name;
    private final Executor executor;
    private final int maxBatch;
    private final Function<List<T>, ? extends CompletionStage<?>> handler;
    private final Consumer<List<T>> onDropped;
    // guarded by this
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    /** A drain task is on its way to the executor or running. */
    private boolean scheduled;
    /** A drain is running (on some thread). */
    private boolean running;
    /** A drain task arrived while another was running: the running one goes round again. */
    private boolean again;

    /**
     * @param name what the mailbox serves, for log lines
     * @param executor where batches are handled
     * @param maxBatch the most items handed over in one call
     * @param handler handles one batch; must not block for long
     */
    public SerialMailbox(String name, Executor executor, int maxBatch, Consumer<List<T>> handler) {
        this(name, executor, maxBatch, handler, dropped -> {});
    }

    /**
     * A mailbox that also tells {@code onDropped} which items it dropped because the executor
     * refused the task that would have handled them (it was shut down), so that their owner can
     * answer or count them.
     */
    public SerialMailbox(String name, Executor executor, int maxBatch, Consumer<List<T>> handler,
            Consumer<List<T>> onDropped) {
        this(name, executor, maxBatch, finishedOnReturn(Objects.requireNonNull(handler, "handler")), onDropped);
    }

    private SerialMailbox(String name, Executor executor, int maxBatch,
            Function<List<T>, ? extends CompletionStage<?>> handler, Consumer<List<T>> onDropped) {
        this.onDropped = Objects.requireNonNull(onDropped, "onDropped");
        this.name = Objects.requireNonNull(name, "name");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.handler = Objects.requireNonNull(handler, "handler");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /**
     * A mailbox whose handler says when it is done with a batch: the next batch starts only once
     * the stage it returned has completed (normally or not), and the thread that handled the
     * batch is free in the meantime. A stage that fails is logged, as a handler that throws.
     *
     * @param handler starts handling one batch; must not block for long
     * @param onDropped told which items were dropped because the executor refused to run them
     */
    public static <T> SerialMailbox<T> untilDone(String name, Executor executor, int maxBatch,
            Function<List<T>, ? extends CompletionStage<?>> handler, Consumer<List<T>> onDropped) {
        return new SerialMailbox<>(name, executor, maxBatch, handler, onDropped);
    }

    private static <T> Function<List<T>, CompletionStage<?>> finishedOnReturn(Consumer<List<T>> handler) {
        return batch -> {
            handler.accept(batch);
            return DONE;
        };
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * Queues an item; a drain task is scheduled unless one is already on its way. If the
     * executor refuses the task (it is shut down), what is waiting is dropped with a warning.
     */
    public void offer(T item) {
        synchronized (this) {
            queue.add(item);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        submit();
    }

    /** How many items wait (for gauges and tests). */
    public synchronized int waiting() {
        return queue.size();
    }

    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                scheduled = false;
                running = false;
            }
            dropWaiting(e);
        }
    }

    private void drain() {
        synchronized (this) {
            if (running) {
                again = true; // inline re-entry, or a task that overtook the running drain
                return;
            }
            running = true;
        }
        boolean done = false;
        try {
            while (true) {
                List<T> batch;
                synchronized (this) {
                    again = false;
                    batch = take();
                    if (batch.isEmpty()) {
                        running = false;
                        scheduled = false;
                        done = true;
                        return;
                    }
                }
                CompletableFuture<?> handled = handle(batch);
                if (!handled.isDone()) {
                    // busy until the batch is done; its completion schedules what follows
                    handled.whenComplete((ignored, failure) -> finished(batch, failure));
                    done = true;
                    return;
                }
                synchronized (this) {
                    if (queue.isEmpty()) {
                        running = false;
                        scheduled = false;
                        done = true;
                        return;
                    }
                }
                // more is waiting: let the executor's other tasks run first
                executor.execute(this::drain);
                synchronized (this) {
                    if (!again) {
                        running = false; // the new task drains the rest
                        done = true;
                        return;
                    }
                }
                // the new task ran inline, or started elsewhere and found this one running: go on here
            }
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running = false;
                scheduled = false;
                done = true;
            }
            dropWaiting(e);
        } finally {
            if (!done) {
                // an Error escaped the handler: leave the mailbox usable for whoever recovers
                synchronized (this) {
                    running = false;
                    scheduled = false;
                }
            }
        }
    }

    /** Empties the queue after the executor refused to run it, and says so. */
    private void dropWaiting(RejectedExecutionException cause) {
        List<T> dropped;
        synchronized (this) {
            dropped = new ArrayList<>(queue);
            queue.clear();
        }
        LOG.warn("{}: the executor refused work ({}); {} item(s) dropped", name, cause.getMessage(), dropped.size());
        if (!dropped.isEmpty()) {
            try {
                onDropped.accept(dropped);
            } catch (RuntimeException e) {
                LOG.error("{}: handling {} dropped item(s) failed", name, dropped.size(), e);
            }
        }
    }

    /** Starts handling a batch; a handler that throws has finished it. */
    private CompletableFuture<?> handle(List<T> batch) {
        try {
            CompletableFuture<?> handled = Objects.requireNonNull(handler.apply(batch), "handler's stage")
                    .toCompletableFuture();
            if (handled.isCompletedExceptionally()) {
                handled.whenComplete((ignored, failure) -> failed(batch, failure));
            }
            return handled;
        } catch (RuntimeException e) {
            failed(batch, e);
            return DONE;
        }
    }

    /** A batch that finished after its handler returned: the next drain starts in a new task. */
    private void finished(List<T> batch, Throwable failure) {
        if (failure != null) {
            failed(batch, failure);
        }
        synchronized (this) {
            running = false;
            again = false;
            if (queue.isEmpty()) {
                scheduled = false;
                return;
            }
            scheduled = true;
        }
        submit();
    }

    private void failed(List<T> batch, Throwable failure) {
        LOG.error("{}: handling a batch of {} failed; going on with what follows", name, batch.size(), failure);
    }

    /** Takes up to {@code maxBatch} items; the caller holds the lock. */
    private List<T> take() {
        int size = Math.min(maxBatch, queue.size());
        List<T> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(queue.poll());
        }
        return batch;
    }
}
