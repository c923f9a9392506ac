package dev.multisession.runtime.terminal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * A change made through {@link Terminal#create}, {@link Terminal#edit} or {@link Terminal#remove},
 * and the hub's answer to it.
 *
 * <p>{@link #confirmation()} completes on the terminal's executor (the thread listeners are called
 * on), after the order's model shows the hub's state:
 * <ul>
 *   <li>normally, with a {@link Confirmation}, once the hub has applied the change and this
 *       terminal has the hub's state that holds it, however that came about (an ack, the hub's
 *       own event, a snapshot or welcome after a reconnect, a duplicate sent again);
 *   <li>with an {@link EditRefusedException} when the hub refused the change as a whole;
 *   <li>with a {@link TerminalClosedException} when the terminal closed first, on the thread that
 *       closed it (the change stays in the store and is sent by the next terminal built on it).
 * </ul>
 * A change is never lost by waiting: while offline it waits in the outbox, and the confirmation
 * comes when the terminal is back online. Use {@code orTimeout} or {@link #await} to bound the wait.
 *
 * @param <O> the order model type
 */
public final class Edit<O> {

    private final O order;
    private final String orderId;
    private final CompletableFuture<Confirmation> confirmation;

    Edit(O order, String orderId, CompletableFuture<Confirmation> confirmation) {
        this.order = order;
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.confirmation = confirmation;
    }

    /** The order changed (for a removal: the model object it was). */
    public O order() {
        return order;
    }

    /** The order's uid. */
    public String orderId() {
        return orderId;
    }

    /** Completes when the hub confirmed the change, or exceptionally as said above; read-only. */
    public CompletionStage<Confirmation> confirmation() {
        return confirmation.minimalCompletionStage();
    }

    /** Whether the hub has confirmed the change. */
    public boolean isConfirmed() {
        return confirmation.isDone() && !confirmation.isCompletedExceptionally();
    }

    /**
     * Waits up to {@code timeout} for the hub's confirmation. Never call it on the terminal's
     * executor: the confirmation is delivered there, so the wait could only time out.
     *
     * @throws EditRefusedException if the hub refused the change
     * @throws TerminalClosedException if the terminal closed before the confirmation came
     * @throws TimeoutException if no answer came in time (the change is still pending, not lost)
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public Confirmation await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return confirmation.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new TerminalClosedException("the wait for the confirmation of order " + orderId + " was cancelled");
        }
    }

    @Override
    public String toString() {
        return "Edit[" + orderId + (isConfirmed() ? ", confirmed" : confirmation.isDone() ? ", failed" : ", pending")
                + "]";
    }
}
