package dev.multisession.runtime.terminal;

/**
 * Where a terminal stands with the hub, as one value: the run it belongs to (0 before it first
 * reached the hub), the last session sequence number it applied, and the last mutation id it
 * handed out. Persisted with every write, so the three always travel together.
 */
record Cursor(long runId, long lastSeq, long lastMutationId) {

    /** A terminal that has never run. */
    static final Cursor START = new Cursor(0, 0, 0);

    /** The same position in another run: a terminal that takes the hub's run keeps its sequence until a snapshot. */
    Cursor inRun(long run) {
        return new Cursor(run, lastSeq, lastMutationId);
    }

    /** The events up to {@code seq} are applied. */
    Cursor appliedUpTo(long seq) {
        return new Cursor(runId, seq, lastMutationId);
    }

    /** One more mutation id handed out. */
    Cursor nextMutation() {
        return new Cursor(runId, lastSeq, lastMutationId + 1);
    }

    /** Mutation ids handed out up to {@code last}: after renumbering, the counter may go down. */
    Cursor mutationsUpTo(long last) {
        return new Cursor(runId, lastSeq, last);
    }

    /** Nothing of the hub's state applied: the replica was dropped and is built again from sequence 0. */
    Cursor fromScratch() {
        return new Cursor(runId, 0, lastMutationId);
    }

    /**
     * The hub has handled mutation ids up to {@code handled}; a terminal that lost its own
     * count continues after it, never below what it already handed out.
     */
    Cursor mutationsAtLeast(long handled) {
        return handled > lastMutationId ? new Cursor(runId, lastSeq, handled) : this;
    }
}
