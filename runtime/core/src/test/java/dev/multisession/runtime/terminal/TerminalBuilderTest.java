package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Terminal.Builder#build()} refuses what cannot work, naming each setting and how to set it. */
class TerminalBuilderTest {

    @Test
    void everyMissingSettingIsNamedWithItsFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Terminal.builder(Tab.CODEC).build());
        String message = e.getMessage();
        assertTrue(message.contains("session is not set: call .session("), message);
        assertTrue(message.contains("terminalId is not set: call .terminalId("), message);
        assertTrue(message.contains("transport is not set: call .transport("), message);
        assertTrue(message.contains("executor is not set: call .executor("), message);
    }

    @Test
    void aBlankSessionIsRefusedAndOnlyWhatIsMissingIsNamed() {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        try (InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", "A"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Terminal.builder(Tab.CODEC)
                    .session(" ").terminalId("A").transport(transport).build());
            assertTrue(e.getMessage().contains("session is not set"), e.getMessage());
            assertTrue(e.getMessage().contains("executor is not set"), e.getMessage());
            assertTrue(!e.getMessage().contains("terminalId") && !e.getMessage().contains("transport is"),
                    e.getMessage());
        } finally {
            hub.close();
        }
    }

    @Test
    void anAbstractRootModelIsRefusedAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Terminal.builder(ABSTRACT)
                .session("bistro").terminalId("A").transport(new NoTransport()).executor(Runnable::run).build());
        assertTrue(e.getMessage().contains(AbstractOrder.class.getName() + " is abstract"), e.getMessage());
        assertTrue(e.getMessage().contains("give a concrete class"), e.getMessage());
    }

    @Test
    void aUserLongerThanTheHubTakesIsRefused() {
        Terminal.builder(Tab.CODEC).user("u".repeat(200));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Terminal.builder(Tab.CODEC).user("u".repeat(201)));
        assertTrue(e.getMessage().contains("user has at most 200 characters, not 201"), e.getMessage());
    }

    @Test
    void nullArgumentsSayWhatToGive() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Terminal.builder((Class<Tab>) null));
        assertTrue(e.getMessage().contains("Terminal.builder(Order.class)"), e.getMessage());
    }

    abstract static class AbstractOrder {
        String uid;
    }

    /** What the processor generates for an abstract model: everything but instances. */
    private static final MultiSessionCodec<AbstractOrder> ABSTRACT = new MultiSessionCodec<>() {
        @Override
        public Class<AbstractOrder> modelType() {
            return AbstractOrder.class;
        }

        @Override
        public AbstractOrder newInstance() {
            throw new UnsupportedOperationException("AbstractOrder is abstract");
        }

        @Override
        public ObjectNode exportAsJson(AbstractOrder order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void initFromJson(AbstractOrder order, JsonNode json) {}

        @Override
        public Set<String> applyMsData(AbstractOrder order, JsonNode data) {
            return Set.of();
        }

        @Override
        public List<SyncedField> fields() {
            return List.of(SyncedField.id("uid"));
        }

        @Override
        public Optional<String> idKey() {
            return Optional.of("uid");
        }
    };

    /** A transport the builder only holds. */
    private static final class NoTransport implements dev.multisession.runtime.terminal.spi.TerminalTransport {
        @Override
        public void start(Listener listener) {}

        @Override
        public boolean send(dev.multisession.runtime.protocol.ClientMessage message) {
            return false;
        }

        @Override
        public void close() {}
    }
}
