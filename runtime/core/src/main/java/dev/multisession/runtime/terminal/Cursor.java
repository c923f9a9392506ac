package dev.multisession.runtime.terminal;

/**
 * Where a terminal stands with the hub, as one value: the run it belongs to (0 before it first
 * reached the hub), the last session sequence number it applied, the last mutation id it handed
 * out, and the tag of the hub's state at {@code lastSeq} (the last event it applied, or its
 * snapshot; 0: none), which its hello names so that the hub can tell whether that state is of
 * its own history. Persisted with every write, so they always travel together.
 */
record Cursor(long runId, long lastSeq, long lastMutationId, long lastTag) {

    /** A terminal that has never run. */
    static final Cursor START = new Cursor(0, 0, 0, 0);

    /** The same position in another run: a terminal that takes the hub's run keeps its sequence until a snapshot. */
    Cursor inRun(long run) {
        return new Cursor(run, lastSeq, lastMutationId, lastTag);
    }

    /** The events up to {@code seq} are applied, the last of them tagged {@code tag}. */
    Cursor appliedUpTo(long seq, long tag) {
        return new Cursor(runId, seq, lastMutationId, tag);
    }

    /** One more mutation id handed out. */
    Cursor nextMutation() {
        return new Cursor(runId, lastSeq, lastMutationId + 1, lastTag);
    }

    /** Mutation ids handed out up to {@code last}: after renumbering, the counter may go down. */
    Cursor mutationsUpTo(long last) {
        return new Cursor(runId, lastSeq, last, lastTag);
    }

    /** Nothing of the hub's state applied: the replica was dropped and is built again from sequence 0. */
    Cursor fromScratch() {
        return new Cursor(runId, 0, lastMutationId, 0);
    }

    /**
     * The hub has handled mutation ids up to {@code handled}; a terminal that lost its own
     * count continues after it, never below what it already handed out.
     */
    Cursor mutationsAtLeast(long handled) {
        return handled > lastMutationId ? new Cursor(runId, lastSeq, handled, lastTag) : this;
    }
}
