package dev.multisession.runtime.terminal;

/**
 * The terminal was closed: thrown by calls on a closed terminal, and what an {@link Edit}'s
 * confirmation or {@link Terminal#whenSynced()} completes with when the terminal closed first.
 * A change not confirmed by then is not lost: it stays in the terminal's store and is sent when a
 * terminal is built on that store again; that terminal's listeners hear its
 * {@link TerminalListener#confirmed confirmation}.
 */
public final class TerminalClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    TerminalClosedException(String message) {
        super(message);
    }
}
