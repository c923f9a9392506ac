package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

    @Test
    void aDamagedRowLeavesTheSnapshotAndTheOtherOrdersAlone() throws Exception {
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
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement()) {
            var rs = statement.executeQuery("SELECT data FROM orders WHERE uid = 'O1'");
            rs.next();
            assertEquals("{\"note\": ", rs.getString(1), "the damaged row is kept for repair, not overwritten");
        }
    }
}
