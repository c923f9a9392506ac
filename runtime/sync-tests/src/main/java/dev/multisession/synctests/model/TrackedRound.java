package dev.multisession.synctests.model;

/** A subclass without synced fields of its own, as a persistence library's proxy is: it syncs as a {@link Round}. */
public class TrackedRound extends Round {
    public boolean loaded;

    public TrackedRound() {}

    public TrackedRound(String uid, int glasses) {
        super(uid, glasses);
    }
}
