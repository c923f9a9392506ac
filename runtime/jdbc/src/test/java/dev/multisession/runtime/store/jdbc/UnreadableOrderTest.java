package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One order whose row cannot be read is quarantined; the session's other orders are served. */
class UnreadableOrderTest {

    @TempDir
    Path dir;

    private static ClientMessage.Mutate note(long id, String order, String text) {
        return new ClientMessage.Mutate(id, 1, order, 0, null,
                List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(text))));
    }

    /** A hub database with orders O1 and O2 of session bistro, O1's row damaged as by a hand edit. */
    private Path storeWithADamagedOrder() throws Exception {
        Path file = dir.resolve("hub.db");
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            HubPeer waiter = new HubPeer(hub, "waiter");
            waiter.connection.receive(note(1, "O1", "table 4"));
            waiter.connection.receive(note(2, "O2", "table 7"));
            hub.close();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE orders SET data = '{\"note\": ' WHERE uid = 'O1'"));
        }
        return file;
    }

    private static void assertTheDamagedRowIsKept(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement()) {
            var rs = statement.executeQuery("SELECT data FROM orders WHERE uid = 'O1'");
            rs.next();
            assertEquals("{\"note\": ", rs.getString(1), "the damaged row is kept for repair, not overwritten");
        }
    }

    @Test
    void aDamagedRowLeavesTheSnapshotAndTheOtherOrdersAlone() throws Exception {
        Path file = storeWithADamagedOrder();
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            HubPeer bar = new HubPeer(hub, "bar");
            HubMessage.Snapshot snapshot = bar.last(HubMessage.Snapshot.class);
            assertEquals(List.of("O2"), snapshot.orders().stream().map(HubMessage.OrderState::order).toList());

            bar.connection.receive(note(1, "O1", "overwritten?"));
            HubMessage.Error refused = bar.last(HubMessage.Error.class);
            assertEquals(Reason.INTERNAL, refused.code());
            bar.connection.receive(note(1, "O2", "table 8"));
            assertEquals(1, bar.last(HubMessage.Ack.class).mutationId());
            hub.close();
        }
        assertTheDamagedRowIsKept(file);
    }

    /**
     * A node that already remembers the session decides an edit before its transaction, taking an
     * order it does not hold for new; the transaction then checks that against the store. A
     * damaged row found there refuses that one edit, as it does on a node that remembers nothing:
     * it is no failure of the store, so the terminal is not disconnected and its other edits go on.
     */
    @Test
    void aDamagedRowFoundByANodeThatRemembersTheSessionRefusesOnlyThatEdit() throws Exception {
        Path file = storeWithADamagedOrder();
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            List<HubMessage> inbox = new ArrayList<>();
            List<String> closed = new ArrayList<>();
            HubConnection bar = hub.connect(new TerminalIdentity("bistro", "bar"), new MessageSink() {
                @Override
                public void send(HubMessage message) {
                    inbox.add(message);
                }

                @Override
                public void close(String reason) {
                    closed.add(reason);
                }
            });
            bar.receive(new ClientMessage.Hello("bistro", "bar", null, 0, 0, 1));
            bar.receive(note(1, "O2", "table 8")); // committed: the node now remembers the session
            assertEquals(1, lastReply(inbox, HubMessage.Ack.class).mutationId());

            bar.receive(note(2, "O1", "overwritten?"));
            assertEquals(Reason.INTERNAL, lastReply(inbox, HubMessage.Error.class).code());
            assertEquals(List.of(), closed, "a damaged order is no outage of the store");

            bar.receive(note(2, "O2", "table 9")); // a refused mutation keeps nothing, its id included
            assertEquals(2, lastReply(inbox, HubMessage.Ack.class).mutationId());
            assertEquals(List.of(), closed);
            hub.close();
        }
        assertTheDamagedRowIsKept(file);
    }

    /** The last message that is not a broadcast event, which must be of this type. */
    private static <M extends HubMessage> M lastReply(List<HubMessage> inbox, Class<M> type) {
        for (int i = inbox.size() - 1; i >= 0; i--) {
            if (!(inbox.get(i) instanceof HubMessage.Event)) {
                return assertInstanceOf(type, inbox.get(i));
            }
        }
        throw new AssertionError("no reply in " + inbox);
    }
}
