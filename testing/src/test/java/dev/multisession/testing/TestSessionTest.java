package dev.multisession.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.terminal.Confirmation;
import dev.multisession.runtime.terminal.Edit;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.testing.example.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's switches and faults do what docs/TESTING.md says. */
class TestSessionTest {

    @Test
    void startsConnectedAndInSync() {
        try (TestSession<Order> session = TestSession.start(Order.class, 3)) {
            assertEquals(List.of("A", "B", "C"), session.terminals().stream().map(Terminal::terminalId).toList());
            for (Terminal<Order> terminal : session.terminals()) {
                assertTrue(terminal.status().synced(), terminal.terminalId());
            }
        }
    }

    @Test
    void aCrashedTerminalKeepsItsOfflineChangesAndSendsThemWhenBack() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
            session.offline(0);
            Order order = session.terminal(0).newOrder(o -> o.table = "T3");
            Terminal<Order> restarted = session.restart(0);
            List<Confirmation> heard = new ArrayList<>();
            restarted.addListener(new TerminalListener<>() {
                @Override
                public void confirmed(Confirmation confirmation) {
                    heard.add(confirmation);
                }
            });
            session.awaitQuiet();
            assertFalse(session.link(0).isOnline(), "still offline after the restart");
            assertEquals(1, restarted.pendingMutations());

            session.online(0);
            session.awaitQuiet();
            assertEquals(1, heard.size());
            assertEquals(order.uid, heard.get(0).order());
            assertNotNull(session.terminal(1).order(order.uid));
        }
    }

    @Test
    void confirmationsSurviveLostAcksAndAHubRestart() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2, 7)) {
            session.link(1).faults(LinkFaults.NONE.drop(0.5).duplicate(0.3).reorder(Duration.ofMillis(30)));
            List<Edit<Order>> edits = new ArrayList<>();
            Order order = session.terminal(1).newOrder(o -> o.table = "T9");
            for (int i = 0; i < 10; i++) {
                edits.add(session.terminal(1).edit(order, o -> o.guests++));
            }
            session.advance(Duration.ofMillis(200));
            session.restartHub();
            session.link(1).faults(LinkFaults.NONE);
            session.link(1).reset();
            session.awaitQuiet();

            for (Edit<Order> edit : edits) {
                assertTrue(edit.isConfirmed(), edit.toString());
            }
            assertEquals(10, session.terminal(0).order(order.uid).guests);
            assertTrue(session.terminal(1).status().synced());
        }
    }

    @Test
    void badArgumentsAreRefusedWithWhatToDo() {
        assertThrows(IllegalArgumentException.class, () -> TestSession.start(Order.class, 0));
        assertThrows(IllegalArgumentException.class, () -> LinkFaults.NONE.drop(1.5));
        try (TestSession<Order> session = TestSession.start(Order.class, 1)) {
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> session.terminal(1));
            assertTrue(e.getMessage().contains("numbered from 0"), e.getMessage());
        }
    }
}
