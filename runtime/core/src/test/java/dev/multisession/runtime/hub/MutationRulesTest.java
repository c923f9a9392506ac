package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.OrderLimits;
import dev.multisession.runtime.protocol.PathStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hub's rules as a table: a session (head, orders, terminal cursors), a message from
 * terminal A, and what the rules decide, written compactly (reply | writes). No store, no
 * threads, no clock.
 */
class MutationRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final MutationRules.Sender A = new MutationRules.Sender("A", "anna", true);
    private static final MutationRules.Sender A_BEFORE_HELLO = new MutationRules.Sender("A", null, false);

    /** A session to decide against: run 1, seq 10, last order number 4, A handled mutation 5. */
    private static final class Table implements SessionView {
        SessionHead head = new SessionHead(1, 10, 4, 0);
        final Map<String, StoredOrder> orders = new HashMap<>();
        final Map<String, TerminalCursor> cursors = new HashMap<>(Map.of("A", new TerminalCursor(5, 9)));

        Table order(String uid, long revision, long number, String note) {
            ObjectNode data = JsonNodeFactory.instance.objectNode().put("note", note);
            orders.put(uid, new StoredOrder(uid, revision, number, data, OrderInfo.empty(), false, false));
            return this;
        }

        Table removed(String uid, long number, boolean paid) {
            orders.put(uid, new StoredOrder(uid, 3, number, JsonNodeFactory.instance.objectNode(), OrderInfo.empty(),
                    true, paid));
            return this;
        }

        Table run(long runId) {
            head = new SessionHead(runId, head.seq(), head.lastOrderNumber(), head.logFloor());
            return this;
        }

        @Override
        public SessionHead head() {
            return head;
        }

        @Override
        public Optional<StoredOrder> order(String uid) {
            return Optional.ofNullable(orders.get(uid));
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            return cursors.getOrDefault(terminalId, TerminalCursor.NONE);
        }
    }

    private static Table session() {
        return new Table();
    }

    private static ClientMessage.Mutate setNote(long id, long run, String order, String note, String user) {
        return new ClientMessage.Mutate(id, run, order, 0, user,
                List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(note))));
    }

    private static ClientMessage.Mutate addToNote(long id, String order) {
        return new ClientMessage.Mutate(id, 1, order, 1, null,
                List.of(new Op.Add(List.of(PathStep.key("note")), IntNode.valueOf(1))));
    }

    private static ClientMessage.Remove remove(long id, long run, String order, boolean paid) {
        return new ClientMessage.Remove(id, run, order, 1, null, paid);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a mutation before hello is refused and changes nothing",
                        session(), A_BEFORE_HELLO, setNote(6, 1, "O1", "x", null),
                        "error forbidden", "-"),
                row("a removal before hello is refused too",
                        session(), A_BEFORE_HELLO, remove(6, 1, "O1", false),
                        "error forbidden", "-"),
                row("an id already handled is acknowledged again as a duplicate, at the cursor's seq",
                        session(), A, setNote(5, 1, "O1", "x", null),
                        "ack 5 at 9 duplicate", "-"),
                row("an older id too, answered with the last handled one",
                        session(), A, setNote(2, 1, "O1", "x", null),
                        "ack 5 at 9 duplicate", "-"),
                row("a gap asks for the first missing id",
                        session(), A, setNote(8, 1, "O1", "x", null),
                        "resend from 6", "-"),
                row("a terminal never seen starts at 1",
                        session(), new MutationRules.Sender("B", null, true), setNote(2, 1, "O1", "x", null),
                        "resend from 1", "-"),
                row("a new order gets revision 1, the next order number and the next seq",
                        session(), A, setNote(6, 1, "O1", "x", null),
                        "ack 6 at 11", "cursor A 6@11; order O1 r1 #5 {\"note\":\"x\"}; change 11 by A/anna; head 1/11/#5"),
                row("the message's user wins over the hello's",
                        session(), A, setNote(6, 1, "O1", "x", "ben"),
                        "ack 6 at 11", "cursor A 6@11; order O1 r1 #5 {\"note\":\"x\"}; change 11 by A/ben; head 1/11/#5"),
                row("an existing order keeps its number and goes one revision up",
                        session().order("O1", 2, 3, "old"), A, setNote(6, 1, "O1", "new", null),
                        "ack 6 at 11", "cursor A 6@11; order O1 r3 #3 {\"note\":\"new\"}; change 11 by A/anna; head 1/11/#4"),
                row("a mutation that changes nothing is handled without an event",
                        session().order("O1", 2, 3, "same"), A, setNote(6, 1, "O1", "same", null),
                        "ack 6 at 10", "cursor A 6@10"),
                row("an operation that does not fit is dropped and reported in the ack",
                        session().order("O1", 2, 3, "text"), A, addToNote(6, "O1"),
                        "ack 6 at 10 dropped type_mismatch", "cursor A 6@10"),
                row("a mutation whose order would break the order limits is refused whole, and counts as handled",
                        session().order("O1", 2, 3, "text"), A, setNote(6, 1, "O1", "x".repeat(OrderLimits.DEFAULT.maxChars()), null),
                        "rejected 6 too_large", "cursor A 6@10"),
                row("a change made in an old run is rejected, and counts as handled",
                        session().run(2), A, setNote(6, 1, "O1", "x", null),
                        "rejected 6 stale_run", "cursor A 6@10"),
                row("a change to a removed order is rejected",
                        session().removed("O1", 3, false), A, setNote(6, 1, "O1", "x", null),
                        "rejected 6 order_removed: order O1 was removed", "cursor A 6@10"),
                row("a change to a paid order says so",
                        session().removed("O1", 3, true), A, setNote(6, 1, "O1", "x", null),
                        "rejected 6 order_removed: order O1 was paid", "cursor A 6@10"),
                row("a change on a revision of an order the hub does not know (its store went back) is rejected, "
                        + "not made into half an order",
                        session(), A, addToNote(6, "O7"),
                        "rejected 6 order_removed: order O7 is not known to this hub, though the change was made on its "
                                + "revision 1: the hub's store went back and lost it", "cursor A 6@10"),
                row("a removal leaves a tombstone that keeps the number",
                        session().order("O1", 2, 3, "x"), A, remove(6, 1, "O1", true),
                        "ack 6 at 11", "cursor A 6@11; tombstone O1 r3 #3 paid; removed 11 by A/anna; head 1/11/#4"),
                row("a removal of an order the hub never saw leaves a tombstone without number",
                        session(), A, remove(6, 1, "O9", false),
                        "ack 6 at 11", "cursor A 6@11; tombstone O9 r1 #0 abandoned; removed 11 by A/anna; head 1/11/#4"),
                row("a removal in an old run is rejected",
                        session().run(3), A, remove(6, 2, "O1", false),
                        "rejected 6 stale_run", "cursor A 6@10"),
                row("a removal of a removed order is rejected",
                        session().removed("O1", 3, false), A, remove(6, 1, "O1", false),
                        "rejected 6 order_removed: order O1 was removed", "cursor A 6@10"));
    }

    private static Arguments row(String rule, Table session, MutationRules.Sender sender, ClientMessage message,
            String reply, String writes) {
        return Arguments.of(Named.of(rule, session), sender, message, reply, writes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void decides(Table session, MutationRules.Sender sender, ClientMessage message, String reply, String writes) {
        Decision decision = MutationRules.decide(session, sender, message, NOW);
        assertEquals(reply, describeReply(decision.reply()), "reply");
        assertEquals(writes, describeWrites(decision), "writes");
    }

    @ParameterizedTest(name = "closing the day of run {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 7})
    void closingTheDayStartsANewRunWithNumbersFromOneAndAnEmptyLog(long run) {
        SessionHead next = MutationRules.closeDay(new SessionHead(run, 42, 17, 30));
        assertEquals(new SessionHead(run + 1, 42, 0, 42), next);
    }

    private static String describeReply(HubMessage reply) {
        if (reply instanceof HubMessage.Ack ack) {
            StringBuilder text = new StringBuilder("ack " + ack.mutationId() + " at " + ack.seq());
            if (ack.duplicate()) {
                text.append(" duplicate");
            }
            for (HubMessage.DroppedOp dropped : ack.dropped()) {
                text.append(" dropped ").append(dropped.reason());
            }
            return text.toString();
        }
        if (reply instanceof HubMessage.Resend resend) {
            return "resend from " + resend.expectedMutationId();
        }
        if (reply instanceof HubMessage.Rejected rejected) {
            String text = "rejected " + rejected.mutationId() + " " + rejected.reason();
            return rejected.reason().equals("order_removed") ? text + ": " + rejected.message() : text;
        }
        if (reply instanceof HubMessage.Error error) {
            return "error " + error.code();
        }
        return reply.toString();
    }

    private static String describeWrites(Decision decision) {
        List<String> parts = new ArrayList<>();
        if (decision.cursor() != null) {
            parts.add("cursor " + decision.terminal() + " " + decision.cursor().lastMutationId() + "@"
                    + decision.cursor().seq());
        }
        StoredOrder order = decision.order();
        if (order != null && !order.removed()) {
            parts.add("order " + order.uid() + " r" + order.revision() + " #" + order.number() + " " + order.data());
        } else if (order != null) {
            parts.add("tombstone " + order.uid() + " r" + order.revision() + " #" + order.number() + " "
                    + (order.finalized() ? "paid" : "abandoned"));
        }
        if (decision.event() instanceof HubMessage.Change change) {
            parts.add("change " + change.seq() + " by " + change.author().terminal() + "/" + change.author().user());
        } else if (decision.event() instanceof HubMessage.Removed removed) {
            parts.add("removed " + removed.seq() + " by " + removed.author().terminal() + "/" + removed.author().user());
        }
        if (decision.head() != null) {
            SessionHead head = decision.head();
            parts.add("head " + head.runId() + "/" + head.seq() + "/#" + head.lastOrderNumber());
        }
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }
}
