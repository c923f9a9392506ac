package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.schema.OpChecks;
import dev.multisession.runtime.schema.SchemaJson;
import dev.multisession.runtime.schema.SessionSchema;
import dev.multisession.runtime.schema.UnknownKeys;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random scripts of valid and invalid operations from three clients against a hub bound to the
 * processor's {@code RestaurantOrder} schema, watched by two observers that apply every
 * broadcast with the merge rules, as terminals do, while a client of another session keeps
 * editing. Whatever the script: every stored order fits the model, carries its own uid as its id
 * and reads back, every observer ends equal to the hub, every message is answered, and the other
 * session's every mutation is answered before the hub takes the next message (no queueing behind
 * the bad one). Counts and order only, no clock.
 */
class HubPoisoningPropertyTest {

    private static final SessionSchema SCHEMA = schema();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A raw client of session {@code s}: its inbox and its next mutation id. */
    private static final class Client {
        final List<HubMessage> inbox = new ArrayList<>();
        final HubConnection connection;
        long nextId = 1;

        Client(Hub hub, String session, String terminal) {
            connection = hub.connect(new TerminalIdentity(session, terminal), inbox::add);
            connection.receive(new ClientMessage.Hello(session, terminal, null, 0, 0, 1));
        }
    }

    /** An observer that keeps its own replica from the broadcasts, as a terminal would. */
    private static final class Observer {
        final Map<String, ObjectNode> orders = new HashMap<>();
        long lastSeq;
        final HubConnection connection;

        Observer(Hub hub, String terminal) {
            connection = hub.connect(new TerminalIdentity("s", terminal), this::apply);
            connection.receive(new ClientMessage.Hello("s", terminal, null, 0, 0, 1));
        }

        private void apply(HubMessage message) {
            if (message instanceof HubMessage.Change change) {
                assertEquals(lastSeq + 1, change.seq(), "broadcasts arrive in seq order without gaps");
                MergeEngine.instance().applyAll(orders.computeIfAbsent(change.order(), o -> JSON.objectNode()),
                        change.ops());
                lastSeq = change.seq();
            } else if (message instanceof HubMessage.Snapshot snapshot) {
                lastSeq = snapshot.seq();
            }
        }
    }

    @Property(tries = 40)
    void noClientCanPoisonTheSessionOrSlowAnother(
            @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 100_000) Integer> script) {
        InMemoryHubStore store = new InMemoryHubStore();
        Hub hub = Hub.builder().store(store).sameThread().schema(SCHEMA).build();
        List<Client> clients = List.of(new Client(hub, "s", "A"), new Client(hub, "s", "B"), new Client(hub, "s", "C"));
        List<Observer> observers = List.of(new Observer(hub, "V1"), new Observer(hub, "V2"));
        Client other = new Client(hub, "other", "Z");

        for (int step : script) {
            Client client = clients.get(step % clients.size());
            String order = "O" + (step / 7 % 2);
            // most changes name the order's id, as a terminal's first change of an order does; the
            // others may create an order without it, which the hub must refuse
            List<Op> ops = step % 5 == 0 ? List.of(op(step / 3 % 12, step / 36))
                    : List.of(new Op.Set(List.of(PathStep.key("uid")), JSON.textNode(order)), op(step / 3 % 12, step / 36));
            client.connection.receive(new ClientMessage.Mutate(client.nextId++, 1, order, 0, null, ops));
            long answered = other.inbox.stream().filter(HubMessage.Ack.class::isInstance).count();
            other.connection.receive(new ClientMessage.Mutate(other.nextId++, 1, "Q", 0, null, List.of(
                    new Op.Set(List.of(PathStep.key("uid")), JSON.textNode("Q")),
                    new Op.Set(List.of(PathStep.key("guests")), JSON.numberNode(step % 50)))));
            assertEquals(answered + 1, other.inbox.stream().filter(HubMessage.Ack.class::isInstance).count(),
                    "the other session's mutation is answered before the next message is taken");
        }

        OpChecks checks = OpChecks.against(SCHEMA, UnknownKeys.REFUSE);
        long seq = store.inSession("s", tx -> tx.head().seq());
        for (String uid : List.of("O0", "O1")) {
            StoredOrder stored = store.inSession("s", tx -> tx.order(uid).orElse(null));
            if (stored == null) {
                continue;
            }
            ObjectNode data = stored.data();
            assertEquals(uid, data.path("uid").asText(), "stored " + uid + " carries its own id: " + data);
            for (Map.Entry<String, JsonNode> member : data.properties()) {
                assertNull(checks.check(JSON.objectNode(), new Op.Set(List.of(PathStep.key(member.getKey())),
                        member.getValue())), "stored " + uid + " fits the model: " + data);
            }
            // the same JSON values: a number may come back as another node class (int for long)
            assertTrue(JsonValues.same(data, readBack(data)), "what was stored reads back: " + data);
            for (Observer observer : observers) {
                ObjectNode replica = observer.orders.get(uid);
                assertTrue(replica != null && JsonValues.same(data, replica),
                        "an observer ends with the hub's state of " + uid + ": " + data + " vs " + replica);
            }
        }
        for (Observer observer : observers) {
            assertEquals(seq, observer.lastSeq, "every observer applied every change");
        }
        for (Client client : clients) {
            long replies = client.inbox.stream().filter(m -> m instanceof HubMessage.Ack || m instanceof HubMessage.Rejected
                    || m instanceof HubMessage.Error).count();
            assertEquals(client.nextId - 1, replies, "every mutation was answered");
            assertTrue(client.inbox.stream().noneMatch(m -> m instanceof HubMessage.Error error
                    && error.code().equals("internal")), "nothing failed inside the hub");
        }
    }

    /** One operation of the script: valid ones mixed with what the model must refuse. */
    private static Op op(int template, int parameter) {
        String line = "L" + parameter % 3;
        List<PathStep> qty = List.of(PathStep.key("lines"), PathStep.element("uid", JSON.textNode(line)),
                PathStep.key("qty"));
        return switch (template) {
            case 0 -> new Op.Set(List.of(PathStep.key("table_id")), JSON.textNode("T" + parameter));
            case 1 -> new Op.Set(List.of(PathStep.key("guests")), JSON.numberNode(parameter % 50));
            case 2 -> new Op.Set(List.of(PathStep.key("guests")), JSON.textNode("abc"));
            case 3 -> new Op.Insert(List.of(PathStep.key("lines"), PathStep.element("uid", JSON.textNode(line))),
                    JSON.objectNode().put("uid", line).put("qty", 1), JSON.nullNode());
            case 4 -> new Op.Add(qty, JSON.numberNode(parameter % 5 - 2));
            case 5 -> new Op.Add(qty, JSON.numberNode(Integer.MAX_VALUE));
            case 6 -> new Op.Set(qty, JSON.textNode("x"));
            case 7 -> new Op.Delete(List.of(PathStep.key("lines"), PathStep.element("uid", JSON.textNode(line))));
            case 8 -> new Op.Add(List.of(PathStep.key("guests")), JSON.numberNode(1));
            case 9 -> new Op.Set(List.of(PathStep.key("tip")), JSON.numberNode(1));
            case 10 -> new Op.Set(List.of(PathStep.key("lines")), JSON.arrayNode()
                    .add(JSON.objectNode().put("uid", "L9").put("qty", 2)));
            default -> new Op.Set(List.of(PathStep.key("lines"), PathStep.element("uid", JSON.textNode(line)),
                    PathStep.key("note")), JSON.textNode("n" + parameter));
        };
    }

    private static JsonNode readBack(ObjectNode data) {
        try {
            return JsonMappers.storedRows().readTree(JsonMappers.protocol().writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SessionSchema schema() {
        String resource = "schema/com.acme.RestaurantOrder.json";
        try (InputStream in = HubPoisoningPropertyTest.class.getClassLoader().getResourceAsStream(resource)) {
            return SchemaJson.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
