package dev.multisession.blackbox.jpms.pos;

/** Inherits the synced fields only: the runtime constructs it through a handle on its constructor. */
public class TakeawayTicket extends Ticket {
    /** An empty takeaway ticket. */
    public TakeawayTicket() {}
}
