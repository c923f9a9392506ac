package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;

/**
 * Told what a hub does, for metrics and operators' views; every method does nothing by default.
 * Called on the hub's threads, often with a session's lock held: implementations must be quick,
 * must not block and must not call back into the hub. An exception thrown here is logged and
 * otherwise ignored.
 */
public interface HubObserver {

    /** An observer that ignores everything. */
    HubObserver NONE = new HubObserver() {};

    /** How a (re)connecting terminal was brought up to date. */
    enum CatchUp {
        /** the events it missed were sent from the log */
        REPLAY,
        /** the log no longer reached back far enough, or the run changed: it got the whole state */
        SNAPSHOT
    }

    /** A terminal's connection reached the hub. */
    default void connected(TerminalIdentity terminal) {}

    /** A terminal said hello as {@code user} (null if it named none) and was brought up to date. */
    default void greeted(TerminalIdentity terminal, String user, CatchUp how) {}

    /** A greeted terminal asked to be brought up to date again (after a gap in what it received). */
    default void synced(TerminalIdentity terminal, CatchUp how) {}

    /** A terminal's connection went away. */
    default void disconnected(TerminalIdentity terminal) {}

    /**
     * The hub answered one of the terminal's mutations or removals: an {@code ack} (accepted,
     * perhaps with operations dropped as conflicts), {@code rejected}, {@code resend} or an
     * {@code error}.
     */
    default void answered(TerminalIdentity terminal, HubMessage reply) {}

    /** A mutation was refused before it was queued because the session's or connection's queue was full. */
    default void rateLimited(TerminalIdentity terminal) {}

    /** One store transaction of {@code mutations} mutations committed after {@code nanos}. */
    default void committed(String session, int mutations, long nanos) {}

    /** A store call for the session failed (the hub answered {@code internal}). */
    default void storeFailed(String session) {}

    /** The day of a session was closed: a new run began. */
    default void reset(String session, long runId) {}
}
