package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.schema.SchemaJson;
import dev.multisession.runtime.schema.SessionSchema;
import dev.multisession.runtime.schema.UnknownKeys;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hub bound to a model (the processor's schema of {@code RestaurantOrder}): what does not fit
 * the model is dropped as {@code invalid} and neither stored nor broadcast; the rest of the
 * mutation goes on. A mutation that would leave an order without its own uid as its id is
 * rejected whole.
 */
class HubModelTest {

    private final InMemoryHubStore store = new InMemoryHubStore();

    private static SessionSchema orderSchema() throws IOException {
        try (InputStream in = HubModelTest.class.getClassLoader().getResourceAsStream("schema/com.acme.RestaurantOrder.json")) {
            return SchemaJson.read(in, "RestaurantOrder schema");
        }
    }

    private static final class Peer {
        final List<HubMessage> inbox = new ArrayList<>();
        final HubConnection connection;

        Peer(Hub hub, String terminal) {
            connection = hub.connect(new TerminalIdentity("s", terminal), inbox::add);
            connection.receive(new ClientMessage.Hello("s", terminal, null, 0, 0, 1));
        }

        <T extends HubMessage> List<T> received(Class<T> type) {
            return inbox.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static ClientMessage.Mutate mutate(long id, String... ops) throws IOException {
        List<Op> list = new ArrayList<>();
        for (String op : ops) {
            String json = op.replace('\'', '"').replaceAll("([{,])(\\w+):", "$1\"$2\":");
            list.add(JsonMappers.protocol().treeToValue(JsonMappers.protocol().readTree(json), Op.class));
        }
        return new ClientMessage.Mutate(id, 1, "O1", 0, "u", list);
    }

    private JsonNode storedOrder() {
        return store.inSession("s", tx -> tx.order("O1").map(order -> (JsonNode) order.data()).orElse(null));
    }

    @Test
    void anOperationThatDoesNotFitTheModelIsDroppedAsInvalidAndNeitherStoredNorBroadcast() throws IOException {
        Hub hub = Hub.builder().store(store).sameThread().schema(orderSchema()).build();
        Peer a = new Peer(hub, "A");
        Peer b = new Peer(hub, "B");
        a.connection.receive(mutate(1, "{op:'set',path:['uid'],value:'O1'}",
                "{op:'insert',path:['lines',{uid:'L1'}],value:{uid:'L1',qty:1},afterId:null}"));
        a.connection.receive(mutate(2,
                "{op:'set',path:['lines',{uid:'L1'},'qty'],value:'abc'}",
                "{op:'add',path:['guests'],delta:1}",
                "{op:'add',path:['lines',{uid:'L1'},'qty'],delta:2147483647}",
                "{op:'set',path:['table_id'],value:'T4'}"));

        HubMessage.Ack ack = a.received(HubMessage.Ack.class).get(1);
        assertEquals(List.of(Reason.INVALID, Reason.INVALID, Reason.INVALID),
                ack.dropped().stream().map(HubMessage.DroppedOp::reason).toList());
        assertTrue(ack.dropped().get(0).message().contains("must be an integer"), ack.dropped().get(0).message());
        assertTrue(ack.dropped().get(1).message().contains("add is only for COUNTER fields"), ack.dropped().get(1).message());
        HubMessage.Change change = b.received(HubMessage.Change.class).get(1);
        assertEquals(1, change.ops().size(), "only the operation that fits is broadcast");
        ObjectNode expected = (ObjectNode) JsonMappers.protocol().readTree(
                "{\"uid\":\"O1\",\"lines\":[{\"uid\":\"L1\",\"qty\":1}],\"table_id\":\"T4\"}");
        assertEquals(expected, storedOrder());
    }

    @Test
    void aMutationWhoseEveryOperationIsInvalidChangesNothingButIsAnswered() throws IOException {
        Hub hub = Hub.builder().store(store).sameThread().schema(orderSchema()).build();
        Peer a = new Peer(hub, "A");
        Peer b = new Peer(hub, "B");
        a.connection.receive(mutate(1, "{op:'set',path:['guests'],value:'many'}"));
        HubMessage.Ack ack = assertInstanceOf(HubMessage.Ack.class, a.inbox.get(a.inbox.size() - 1));
        assertEquals(Reason.INVALID, ack.dropped().get(0).reason());
        assertEquals(List.of(), b.received(HubMessage.Change.class));
        assertEquals(null, storedOrder());
        assertEquals(List.of(), store.readLog("s", 0, 10));
    }

    @Test
    void aNewOrderWithoutItsOwnIdIsRejectedWholeAndLoggedOnce() throws IOException {
        Hub hub = Hub.builder().store(store).sameThread().schema(orderSchema()).build();
        Peer a = new Peer(hub, "A");
        Peer b = new Peer(hub, "B");
        ClientMessage.Mutate noId = mutate(1, "{op:'set',path:['table_id'],value:'T4'}");
        String log = CapturedLog.during(() -> a.connection.receive(noId));

        HubMessage.Rejected rejected = assertInstanceOf(HubMessage.Rejected.class, a.inbox.get(a.inbox.size() - 1));
        assertEquals(Reason.INVALID, rejected.reason());
        assertTrue(rejected.message().startsWith("order O1 would have no \"uid\""), rejected.message());
        assertEquals(1, CapturedLog.lines(log, "mutate 1 of"), log);
        assertTrue(log.contains("refused whole as invalid: order O1 would have no \"uid\""), log);
        assertEquals(null, storedOrder());
        assertEquals(List.of(), b.received(HubMessage.Change.class));

        a.connection.receive(mutate(2, "{op:'set',path:['uid'],value:'O1'}", "{op:'set',path:['table_id'],value:'T4'}"));
        assertEquals(List.of(), a.received(HubMessage.Ack.class).get(0).dropped(), "its id consumed, the next is taken");
        assertEquals("O1", storedOrder().get("uid").asText());
    }

    @Test
    void aKeyTheModelLacksIsRefusedByDefaultAndPassedOnWhenTheHubSaysSo() throws IOException {
        Hub refusing = Hub.builder().store(store).sameThread().schema(orderSchema()).build();
        Peer a = new Peer(refusing, "A");
        a.connection.receive(mutate(1, "{op:'set',path:['tip'],value:2}"));
        assertEquals(Reason.INVALID, a.received(HubMessage.Ack.class).get(0).dropped().get(0).reason());

        Hub passing = Hub.builder().store(store).sameThread().schema(orderSchema())
                .unknownKeys(UnknownKeys.PASS_THROUGH).build();
        Peer later = new Peer(passing, "A");
        later.connection.receive(mutate(2, "{op:'set',path:['uid'],value:'O1'}", "{op:'set',path:['tip'],value:2}"));
        assertEquals(List.of(), later.received(HubMessage.Ack.class).get(0).dropped());
        assertEquals(2, storedOrder().get("tip").intValue());
    }
}
