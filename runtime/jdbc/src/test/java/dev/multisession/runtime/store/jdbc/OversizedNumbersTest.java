package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number the hub accepted once must never make the session unreadable: before the protocol
 * bounded numbers, {@code add x 1e1000} was acknowledged and every later snapshot of the session
 * failed with {@code internal}, even after a restart.
 */
class OversizedNumbersTest {

    @TempDir
    Path dir;

    private static ClientMessage.Mutate add(long id, String delta) {
        return new ClientMessage.Mutate(id, 1, "O1", 0, null, List.of(
                new Op.Add(List.of(PathStep.key("x")), DecimalNode.valueOf(new BigDecimal(delta)))));
    }

    @Test
    void hugeNumbersAreRefusedAndTheSessionStaysReadableAcrossARestart() {
        Path file = dir.resolve("hub.db");
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            HubPeer waiter = new HubPeer(hub, "waiter");
            waiter.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null, List.of(
                    new Op.Set(List.of(PathStep.key("x")), IntNode.valueOf(1)))));
            assertInstanceOf(HubMessage.Ack.class, waiter.lastReply());

            waiter.connection.receive(add(2, "1e1000"));
            assertEquals(Reason.MALFORMED, ((HubMessage.Error) waiter.lastReply()).code());
            waiter.connection.receive(add(2, "1e5000000"));
            assertEquals(Reason.MALFORMED, ((HubMessage.Error) waiter.lastReply()).code());

            waiter.connection.receive(add(2, "9" + "0".repeat(37)));
            assertInstanceOf(HubMessage.Ack.class, waiter.lastReply());
            waiter.connection.receive(add(3, "9" + "0".repeat(37)));
            HubMessage.Ack outOfRange = assertInstanceOf(HubMessage.Ack.class, waiter.lastReply());
            assertEquals(Reason.OUT_OF_RANGE, outOfRange.dropped().get(0).reason());
            hub.close();
        }
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            HubPeer newcomer = new HubPeer(hub, "bar");
            HubMessage.Snapshot snapshot = assertInstanceOf(HubMessage.Snapshot.class, newcomer.lastReply());
            assertEquals(new BigDecimal("9" + "0".repeat(37)).add(BigDecimal.ONE),
                    snapshot.orders().get(0).data().get("x").decimalValue());
            hub.close();
        }
    }
}
