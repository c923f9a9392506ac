package dev.multisession.runtime.hub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.merge.OpOutcome;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.merge.SharedCopy;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.OrderLimits;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.schema.OpChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's business rules for one mutation or removal, as a pure function of the session as
 * the batch left it so far and the message: operations checked against the session's model
 * ({@link OpChecks}, refused ones dropped as {@code invalid}; a result whose id is not the order's
 * uid refused whole as {@code invalid}), the size of the resulting order
 * ({@link OrderLimits}: a mutation that would break it is refused as {@code too_large}), once-only and in-order mutation ids per terminal
 * (duplicates are acknowledged again, gaps answered {@code resend}), changes made in an old run
 * or to a removed order refused (so is a change on a revision of an order the hub does not
 * know: its store went back), operations merged into the order ({@link MergeEngine}),
 * revisions, shared order numbers without gaps, and the sequence number of the session. No I/O,
 * no threads, no clock: everything comes in the arguments, and the {@link Decision} says what
 * to answer and what to write. See docs/PROTOCOL.md, "On the hub".
 */
final class MutationRules {

    private MutationRules() {}

    /**
     * Who sent a message, as its connection knows it.
     *
     * @param terminal the authenticated terminal id
     * @param user the user its hello named, null if none
     * @param greeted whether its hello was handled
     */
    record Sender(String terminal, String user, boolean greeted) {}

    /** Decides a {@link ClientMessage.Mutate} or {@link ClientMessage.Remove} received at {@code now}, with no model to check against. */
    static Decision decide(SessionView session, Sender sender, ClientMessage message, Instant now) {
        return decide(session, sender, message, now, OpChecks.none());
    }

    /**
     * Decides a {@link ClientMessage.Mutate} or {@link ClientMessage.Remove} received at
     * {@code now}; each operation is first checked by {@code checks} against the order as the
     * operations before it left it, and dropped as {@link Reason#INVALID} if it does not fit.
     */
    static Decision decide(SessionView session, Sender sender, ClientMessage message, Instant now, OpChecks checks) {
        if (!sender.greeted()) {
            return Decision.replyOnly(new HubMessage.Error(Reason.FORBIDDEN, "send hello first",
                    MessageChecks.referenceOf(message)));
        }
        if (message instanceof ClientMessage.Mutate mutate) {
            return mutate(session, sender, mutate, now, checks);
        }
        if (message instanceof ClientMessage.Remove remove) {
            return remove(session, sender, remove, now);
        }
        throw new IllegalArgumentException("not a mutation: " + message.type());
    }

    private static Decision mutate(SessionView session, Sender sender, ClientMessage.Mutate mutate, Instant now,
            OpChecks checks) {
        SessionHead head = session.head();
        Decision refused = ordering(session, sender, mutate.mutationId(), mutate.runId(), mutate.order());
        if (refused != null) {
            return refused;
        }
        StoredOrder existing = session.order(mutate.order()).orElse(null);
        if (existing == null && mutate.baseRevision() > 0) {
            // the terminal had the order from this session's hub at that revision, so a hub that does
            // not know it lost it (its store went back): applying the change would make half an order
            return Decision.cursorOnly(new HubMessage.Rejected(mutate.mutationId(), mutate.order(),
                    Reason.ORDER_REMOVED, "order " + mutate.order() + " is not known to this hub, though the change "
                            + "was made on its revision " + mutate.baseRevision() + ": the hub's store went back and "
                            + "lost it", head.seq()), sender.terminal(), new TerminalCursor(mutate.mutationId(), head.seq()));
        }
        // a copy, so that a failure half-way leaves the session as it was; it shares what the
        // operations do not touch, since the stored order is never changed in place
        SharedCopy copy = SharedCopy.of(existing == null ? JsonNodeFactory.instance.objectNode() : existing.data());
        ObjectNode data = copy.root();
        List<Op> applied = new ArrayList<>();
        List<HubMessage.DroppedOp> dropped = new ArrayList<>();
        for (Op op : mutate.ops()) {
            String invalid = checks.check(data, op);
            if (invalid != null) {
                dropped.add(new HubMessage.DroppedOp(op, Reason.INVALID, invalid));
                continue;
            }
            copy.own(op.path());
            OpOutcome outcome = MergeEngine.instance().apply(data, op);
            if (outcome.kind() == OpOutcome.Kind.APPLIED) {
                applied.add(outcome.op());
            } else if (outcome.kind() == OpOutcome.Kind.CONFLICT) {
                dropped.add(new HubMessage.DroppedOp(outcome.op(), outcome.reason(), outcome.message()));
            }
        }
        if (!applied.isEmpty()) {
            // checked on the result: a new order must set its id, though no one operation is wrong alone
            String badId = checks.orderIdProblem(mutate.order(), data);
            if (badId != null) {
                return refusedWhole(mutate, sender, head, Reason.INVALID, badId);
            }
        }
        if (!applied.isEmpty() && mayGrow(applied, checks)) {
            String tooLarge = OrderLimits.DEFAULT.check(data);
            if (tooLarge != null) {
                return refusedWhole(mutate, sender, head, Reason.TOO_LARGE, "order " + mutate.order() + ": " + tooLarge);
            }
        }
        if (applied.isEmpty()) {
            return Decision.cursorOnly(new HubMessage.Ack(mutate.mutationId(), head.seq(), false, dropped),
                    sender.terminal(), new TerminalCursor(mutate.mutationId(), head.seq()));
        }
        Author author = new Author(sender.terminal(), userOf(mutate.user(), sender), now);
        long number = existing != null && existing.number() > 0 ? existing.number() : head.lastOrderNumber() + 1;
        long revision = existing == null ? 1 : existing.revision() + 1;
        ObjectNode info = OrderInfo.recordOnCopy(existing == null ? OrderInfo.empty() : existing.info(), applied,
                author);
        long seq = head.seq() + 1;
        return new Decision(new HubMessage.Ack(mutate.mutationId(), seq, false, dropped),
                sender.terminal(), new TerminalCursor(mutate.mutationId(), seq),
                new StoredOrder(mutate.order(), revision, number, data, info, false, false),
                new HubMessage.Change(seq, head.runId(), mutate.order(), revision, number, author,
                        mutate.mutationId(), applied),
                new SessionHead(head.runId(), seq, Math.max(number, head.lastOrderNumber()), head.logFloor()));
    }

    /** A mutation refused whole: it changes nothing but consumes its id. */
    private static Decision refusedWhole(ClientMessage.Mutate mutate, Sender sender, SessionHead head, String reason,
            String message) {
        return Decision.cursorOnly(new HubMessage.Rejected(mutate.mutationId(), mutate.order(), reason, message,
                head.seq()), sender.terminal(), new TerminalCursor(mutate.mutationId(), head.seq()));
    }

    /**
     * Whether the applied operations may have made the order larger than a number's digits:
     * anything but an add, or an add where the model does not confine adds to declared counters
     * (without a model an add may create a new key each time, and so may one on a counter map).
     */
    private static boolean mayGrow(List<Op> applied, OpChecks checks) {
        if (!checks.addsOnlyChangeDeclaredCounters()) {
            return true;
        }
        for (Op op : applied) {
            if (!(op instanceof Op.Add add) || !checks.changesDeclaredCounter(add)) {
                return true;
            }
        }
        return false;
    }

    private static Decision remove(SessionView session, Sender sender, ClientMessage.Remove remove, Instant now) {
        SessionHead head = session.head();
        Decision refused = ordering(session, sender, remove.mutationId(), remove.runId(), remove.order());
        if (refused != null) {
            return refused;
        }
        StoredOrder existing = session.order(remove.order()).orElse(null);
        Author author = new Author(sender.terminal(), userOf(remove.user(), sender), now);
        long revision = existing == null ? 1 : existing.revision() + 1;
        long seq = head.seq() + 1;
        ObjectNode info = existing == null ? OrderInfo.empty() : SharedCopy.of(existing.info()).root();
        info.set("removed", OrderInfo.stamp(author));
        return new Decision(new HubMessage.Ack(remove.mutationId(), seq, false, List.of()),
                sender.terminal(), new TerminalCursor(remove.mutationId(), seq),
                new StoredOrder(remove.order(), revision, existing == null ? 0 : existing.number(),
                        JsonNodeFactory.instance.objectNode(), info, true, remove.finalized()),
                new HubMessage.Removed(seq, head.runId(), remove.order(), revision, author,
                        remove.mutationId(), remove.finalized()),
                new SessionHead(head.runId(), seq, head.lastOrderNumber(), head.logFloor()));
    }

    /** The decision when the mutation must not be applied (duplicate, gap, old run, removed order); else null. */
    private static Decision ordering(SessionView session, Sender sender, long mutationId, long runId, String order) {
        SessionHead head = session.head();
        TerminalCursor cursor = session.terminal(sender.terminal());
        if (mutationId <= cursor.lastMutationId()) {
            return Decision.replyOnly(new HubMessage.Ack(cursor.lastMutationId(), cursor.seq(), true, List.of()));
        }
        if (mutationId > cursor.lastMutationId() + 1) {
            return Decision.replyOnly(new HubMessage.Resend(cursor.lastMutationId() + 1));
        }
        TerminalCursor handled = new TerminalCursor(mutationId, head.seq());
        if (runId != head.runId()) {
            return Decision.cursorOnly(new HubMessage.Rejected(mutationId, order, Reason.STALE_RUN,
                    "the session was reset to run " + head.runId() + "; this change was made in run " + runId,
                    head.seq()), sender.terminal(), handled);
        }
        StoredOrder existing = session.order(order).orElse(null);
        if (existing != null && existing.removed()) {
            return Decision.cursorOnly(new HubMessage.Rejected(mutationId, order, Reason.ORDER_REMOVED,
                    "order " + order + " was " + (existing.finalized() ? "paid" : "removed"), head.seq()),
                    sender.terminal(), handled);
        }
        return null;
    }

    /**
     * The head after closing the day: the run goes one up, order numbers start again, and the
     * log is emptied up to the current sequence (which keeps counting, so terminals see the
     * reset as news). Orders are deleted by the caller.
     */
    static SessionHead closeDay(SessionHead old) {
        return new SessionHead(old.runId() + 1, old.seq(), 0, old.seq());
    }

    private static String userOf(String fromMessage, Sender sender) {
        return fromMessage != null ? fromMessage : sender.user();
    }
}
