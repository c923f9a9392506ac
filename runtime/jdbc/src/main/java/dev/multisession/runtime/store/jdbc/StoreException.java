package dev.multisession.runtime.store.jdbc;

/** A store could not read or write its database; the transaction at hand did not commit. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
