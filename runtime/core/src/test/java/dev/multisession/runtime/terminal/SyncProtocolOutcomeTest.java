package dev.multisession.runtime.terminal;

import static dev.multisession.runtime.terminal.SyncProtocolTest.ack;
import static dev.multisession.runtime.terminal.SyncProtocolTest.author;
import static dev.multisession.runtime.terminal.SyncProtocolTest.change;
import static dev.multisession.runtime.terminal.SyncProtocolTest.connected;
import static dev.multisession.runtime.terminal.SyncProtocolTest.disconnected;
import static dev.multisession.runtime.terminal.SyncProtocolTest.edit;
import static dev.multisession.runtime.terminal.SyncProtocolTest.mutate;
import static dev.multisession.runtime.terminal.SyncProtocolTest.online;
import static dev.multisession.runtime.terminal.SyncProtocolTest.outbox;
import static dev.multisession.runtime.terminal.SyncProtocolTest.received;
import static dev.multisession.runtime.terminal.SyncProtocolTest.remove;
import static dev.multisession.runtime.terminal.SyncProtocolTest.rule;
import static dev.multisession.runtime.terminal.SyncProtocolTest.setNote;
import static dev.multisession.runtime.terminal.SyncProtocolTest.snapshot;
import static dev.multisession.runtime.terminal.SyncProtocolTest.stored;
import static dev.multisession.runtime.terminal.SyncProtocolTest.welcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.terminal.SyncProtocolTest.Case;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What becomes of each of the terminal's mutations ({@link SyncEffect.Outcome}): confirmed once
 * the confirmed state holds it, whichever way that came about, or refused, exactly once, keyed by
 * the outbox entry's ticket. The same table language as {@link SyncProtocolTest}; only the
 * outcome effects are compared. Tickets count from 1 in the order entries entered the outbox
 * (stored ones first).
 */
class SyncProtocolOutcomeTest {

    static Stream<Case> rules() {
        return Stream.of(
                rule("ack: no outcome until the events reach the ack's seq")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(ack(1, 7)))
                        .then(),
                rule("ack: confirmed once the confirmed state holds it, with the order's revision and number")
                        .given(online(1, 5, 1, outbox(1, 1)).confirmed("o1", 3)
                                .then(received(ack(1, 6))))
                        .when(received(change(6, "o2", "T2", 4)))
                        .then("confirmed #1 mutation 1 o1 revision 3 number 1"),
                rule("own event: confirmed with the revision and number the hub's event gave")
                        .given(online(1, 5, 2, outbox(1, 2)))
                        .when(received(change(6, "o1", "T1", 2)))
                        .then("confirmed #1 mutation 1 o1 revision 6 number 1",
                                "confirmed #2 mutation 2 o1 revision 6 number 1"),
                rule("own removal: confirmed with the removal's revision and the number the order had")
                        .given(online(1, 5, 1, new ClientMessage.Remove(1, 1, "o1", 3, "anna", true)).confirmed("o1", 3))
                        .when(received(new HubMessage.Removed(6, 1, "o1", 4, author("T1"), 1, true)))
                        .then("confirmed #1 mutation 1 o1 revision 4 number 1"),
                rule("local edit: a ticket per entry, after the stored ones; no outcome yet")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(edit("o1"))
                        .then(),
                rule("local edit: its own event confirms it under its ticket")
                        .given(online(1, 5, 1, outbox(1, 1)).then(edit("o2")))
                        .when(received(new HubMessage.Change(6, 1, "o2", 1, 9, author("T1"), 2, List.of(setNote()))))
                        .then("confirmed #1 mutation 1 o1 revision 0 number 0",
                                "confirmed #2 mutation 2 o2 revision 1 number 9"),
                rule("ack with dropped operations: confirmed, the dropped ones reported with it")
                        .given(online(1, 5, 1, outbox(1, 1)).then(received(new HubMessage.Ack(1, 6, false, List.of(
                                new HubMessage.DroppedOp(setNote(), Reason.ELEMENT_REMOVED, "line L1 was removed"))))))
                        .when(received(change(6, "o1", "T1", 1)))
                        .then("confirmed #1 mutation 1 o1 revision 6 number 1 dropped element_removed"),
                rule("rejected: refused under its ticket")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(new HubMessage.Rejected(1, "o1", Reason.ORDER_REMOVED, "o1 was paid", 6)))
                        .then("refused #1 mutation 1 o1 order_removed"),
                rule("rejected: a mutation of an old run is refused")
                        .given(stored(1, 5, 1, mutate(1, 1, "o1")).then(connected(), received(welcome(2, 3, 0))))
                        .when(received(new HubMessage.Rejected(1, "o1", Reason.STALE_RUN, "run 1 has ended", 3)))
                        .then("refused #1 mutation 1 o1 stale_run"),
                rule("rejected: twice (a duplicate) is refused once")
                        .given(online(1, 5, 1, outbox(1, 1))
                                .then(received(new HubMessage.Rejected(1, "o1", Reason.ORDER_REMOVED, "paid", 6))))
                        .when(received(new HubMessage.Rejected(1, "o1", Reason.ORDER_REMOVED, "paid", 6)))
                        .then(),
                rule("welcome: lastMutationId at the terminal's seq confirms what the hub already had")
                        .given(stored(1, 5, 3, outbox(1, 3)).then(connected()))
                        .when(received(welcome(1, 5, 2)))
                        .then("confirmed #1 mutation 1 o1 revision 0 number 0",
                                "confirmed #2 mutation 2 o1 revision 0 number 0"),
                rule("snapshot: the mutations it holds are confirmed with the snapshot's revision")
                        .given(stored(1, 5, 3, outbox(1, 3)).then(connected(), received(welcome(1, 5, 0))))
                        .when(received(snapshot(1, 9, 2, "o1")))
                        .then("confirmed #1 mutation 1 o1 revision 1 number 1",
                                "confirmed #2 mutation 2 o1 revision 1 number 1"),
                rule("re-sent after a reconnect that lost the ack: the duplicate's ack confirms it")
                        .given(online(1, 5, 1, outbox(1, 1)).then(disconnected(), connected(),
                                received(welcome(1, 5, 0))))
                        .when(received(new HubMessage.Ack(1, 5, true, List.of())))
                        .then("confirmed #1 mutation 1 o1 revision 0 number 0"),
                rule("already confirmed: a late ack confirms nothing again")
                        .given(online(1, 5, 1, outbox(1, 1)).then(received(change(6, "o1", "T1", 1))))
                        .when(received(ack(1, 6)))
                        .then(),
                rule("removal: confirmed by its own event")
                        .given(online(1, 5, 0).confirmed("o1", 2).then(remove("o1")))
                        .when(received(new HubMessage.Removed(6, 1, "o1", 3, author("T1"), 1, true)))
                        .then("confirmed #1 mutation 1 o1 revision 3 number 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void outcome(Case rule) {
        SyncProtocol protocol = rule.start().build();
        List<String> outcomes = protocol.handle(rule.event()).stream()
                .filter(effect -> effect instanceof SyncEffect.Outcome)
                .map(effect -> describe((SyncEffect.Outcome) effect)).toList();
        assertEquals(rule.expected(), outcomes);
    }

    @Test
    void syncedOnceOnlineWithNothingPendingAndNothingMissing() {
        SyncProtocol protocol = stored(1, 5, 1, outbox(1, 1)).build();
        assertFalse(protocol.isSynced(), "offline");
        protocol.handle(connected());
        protocol.handle(received(welcome(1, 7, 0)));
        assertFalse(protocol.isSynced(), "a mutation is pending and seqs 6..7 are missing");
        protocol.handle(received(change(6, "o1", "T1", 1)));
        assertFalse(protocol.isSynced(), "seq 7 is still missing");
        protocol.handle(received(change(7, "o2", "T2", 1)));
        assertTrue(protocol.isSynced());
        protocol.handle(edit("o2"));
        assertFalse(protocol.isSynced(), "a new change is pending");
        protocol.handle(received(ack(2, 8)));
        assertFalse(protocol.isSynced(), "the ack's seq is not applied yet");
        protocol.handle(received(change(8, "o2", "T1", 2)));
        assertTrue(protocol.isSynced());
        protocol.handle(disconnected());
        assertFalse(protocol.isSynced(), "offline again");
    }

    @Test
    void theLastPendingTicketOfAnOrderIsItsNewestChange() {
        SyncProtocol protocol = online(1, 5, 0).build();
        protocol.handle(edit("o1"));
        protocol.handle(edit("o2"));
        protocol.handle(edit("o1"));
        assertEquals(3, protocol.lastTicket());
        assertEquals(3, protocol.pendingTicket("o1"));
        assertEquals(2, protocol.pendingTicket("o2"));
        assertEquals(0, protocol.pendingTicket("o3"));
    }

    static String describe(SyncEffect.Outcome outcome) {
        if (outcome instanceof SyncEffect.Confirmed confirmed) {
            String dropped = confirmed.dropped().stream().map(HubMessage.DroppedOp::reason)
                    .collect(Collectors.joining(","));
            return "confirmed #" + confirmed.ticket() + " mutation " + confirmed.mutationId() + " " + confirmed.order()
                    + " revision " + confirmed.revision() + " number " + confirmed.number()
                    + (dropped.isEmpty() ? "" : " dropped " + dropped);
        }
        SyncEffect.Refused refused = (SyncEffect.Refused) outcome;
        return "refused #" + refused.ticket() + " mutation " + refused.mutationId() + " " + refused.order() + " "
                + refused.reason();
    }
}
