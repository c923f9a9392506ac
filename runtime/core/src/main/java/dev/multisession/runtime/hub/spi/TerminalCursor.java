package dev.multisession.runtime.hub.spi;

/**
 * The last mutation the hub applied from one terminal and the sequence number at which its
 * effects are in the session's state; mutation ids are applied once each, in order.
 */
public record TerminalCursor(long lastMutationId, long seq) {

    /** A terminal that has never sent a mutation. */
    public static final TerminalCursor NONE = new TerminalCursor(0, 0);
}
