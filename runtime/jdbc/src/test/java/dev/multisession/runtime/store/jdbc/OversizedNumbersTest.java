package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private static final class Peer {
        final List<HubMessage> inbox = new ArrayList<>();
        final HubConnection connection;

        Peer(Hub hub, String terminal) {
            connection = hub.connect(new TerminalIdentity("bistro", terminal), inbox::add);
            connection.receive(new ClientMessage.Hello("bistro", terminal, null, 0, 0, 1));
        }

        /** The last message that is not a broadcast event: the reply to what this peer sent. */
        HubMessage last() {
            for (int i = inbox.size() - 1; i >= 0; i--) {
                if (!(inbox.get(i) instanceof HubMessage.Event)) {
                    return inbox.get(i);
                }
            }
            throw new AssertionError("no reply in " + inbox);
        }
    }

    private static ClientMessage.Mutate add(long id, String delta) {
        return new ClientMessage.Mutate(id, 1, "O1", 0, null, List.of(
                new Op.Add(List.of(PathStep.key("x")), DecimalNode.valueOf(new BigDecimal(delta)))));
    }

    @Test
    void hugeNumbersAreRefusedAndTheSessionStaysReadableAcrossARestart() {
        Path file = dir.resolve("hub.db");
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            Peer waiter = new Peer(hub, "waiter");
            waiter.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null, List.of(
                    new Op.Set(List.of(PathStep.key("x")), IntNode.valueOf(1)))));
            assertInstanceOf(HubMessage.Ack.class, waiter.last());

            waiter.connection.receive(add(2, "1e1000"));
            assertEquals(Reason.MALFORMED, ((HubMessage.Error) waiter.last()).code());
            waiter.connection.receive(add(2, "1e5000000"));
            assertEquals(Reason.MALFORMED, ((HubMessage.Error) waiter.last()).code());

            waiter.connection.receive(add(2, "9" + "0".repeat(37)));
            assertInstanceOf(HubMessage.Ack.class, waiter.last());
            waiter.connection.receive(add(3, "9" + "0".repeat(37)));
            HubMessage.Ack outOfRange = assertInstanceOf(HubMessage.Ack.class, waiter.last());
            assertEquals(Reason.OUT_OF_RANGE, outOfRange.dropped().get(0).reason());
            hub.close();
        }
        try (HubStore store = SqliteHubStore.open(file)) {
            Hub hub = Hub.builder().store(store).sameThread().build();
            Peer newcomer = new Peer(hub, "bar");
            HubMessage.Snapshot snapshot = assertInstanceOf(HubMessage.Snapshot.class, newcomer.last());
            assertEquals(new BigDecimal("9" + "0".repeat(37)).add(BigDecimal.ONE),
                    snapshot.orders().get(0).data().get("x").decimalValue());
            hub.close();
        }
    }
}
