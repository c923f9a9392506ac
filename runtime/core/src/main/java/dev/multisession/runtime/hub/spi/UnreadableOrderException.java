package dev.multisession.runtime.hub.spi;

/**
 * Thrown by {@link SessionTx#order} when the store holds a row for the order but cannot read it
 * (damaged data). The order is neither absent nor present: the hub refuses every change to it,
 * so that it is never taken for new and overwritten, and goes on serving the session's other
 * orders. It is no failure of the store, which keeps working.
 */
public class UnreadableOrderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which order of which session cannot be read
     * @param cause why its row cannot be read
     */
    public UnreadableOrderException(String message, Throwable cause) {
        super(message, cause);
    }
}
