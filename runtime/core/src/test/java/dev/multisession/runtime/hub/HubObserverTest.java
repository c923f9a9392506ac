package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hub tells its observer, in order, and that an observer that throws changes nothing. */
class HubObserverTest {

    private static final TerminalIdentity BAR = new TerminalIdentity("s", "bar");

    /** Writes down every call as one short line. */
    private static final class Recording implements HubObserver {
        final List<String> calls = new ArrayList<>();

        @Override
        public void connected(TerminalIdentity terminal) {
            calls.add("connected " + terminal.terminal());
        }

        @Override
        public void greeted(TerminalIdentity terminal, String user, CatchUp how) {
            calls.add("greeted " + terminal.terminal() + " " + user + " " + how);
        }

        @Override
        public void synced(TerminalIdentity terminal, CatchUp how) {
            calls.add("synced " + how);
        }

        @Override
        public void answered(TerminalIdentity terminal, HubMessage reply) {
            calls.add("answered " + reply.getClass().getSimpleName());
        }

        @Override
        public void committed(String session, int mutations, long nanos) {
            calls.add("committed " + mutations);
        }

        @Override
        public void reset(String session, long runId) {
            calls.add("reset " + runId);
        }

        @Override
        public void disconnected(TerminalIdentity terminal) {
            calls.add("disconnected " + terminal.terminal());
        }
    }

    private static ClientMessage.Mutate setNote(long id, long runId) {
        return new ClientMessage.Mutate(id, runId, "O1", 0, "anna", List.of(
                new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("n" + id))));
    }

    @Test
    void theObserverHearsConnectionsCatchUpsAnswersCommitsAndResets() {
        Recording observer = new Recording();
        Hub hub = Hub.builder().store(new InMemoryHubStore()).sameThread().observer(observer).build();
        List<HubMessage> inbox = new ArrayList<>();
        HubConnection bar = hub.connect(BAR, inbox::add);
        bar.receive(new ClientMessage.Hello("s", "bar", "anna", 1, 0, 1));
        bar.receive(setNote(1, 1));
        bar.receive(setNote(2, 5));
        bar.receive(new ClientMessage.Sync(0));
        assertEquals(List.of(new ConnectionStatus("s", "bar", "anna", true, 1, 1, 0)), hub.connections());
        hub.resetSession("s");
        bar.close();
        bar.close();

        assertEquals(List.of("connected bar", "greeted bar anna REPLAY", "committed 1", "answered Ack",
                "committed 1", "answered Rejected", "synced REPLAY", "reset 2", "disconnected bar"), observer.calls);
        assertEquals(List.of("s"), hub.sessions());
        assertEquals(0, hub.queuedMutations());
    }

    /** A method added to the interface and not passed on would be silently lost. */
    @Test
    void theGuardPassesOnEveryMethodOfTheInterface() throws NoSuchMethodException {
        for (Method method : HubObserver.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                Method guarded = ObserverGuard.class.getMethod(method.getName(), method.getParameterTypes());
                assertEquals(ObserverGuard.class, guarded.getDeclaringClass(), method.getName() + " is not passed on");
            }
        }
    }

    @Test
    void anObserverThatThrowsDoesNotDisturbTheHub() {
        HubObserver failing = new HubObserver() {
            @Override
            public void answered(TerminalIdentity terminal, HubMessage reply) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void connected(TerminalIdentity terminal) {
                throw new IllegalStateException("observer bug");
            }
        };
        Hub hub = Hub.builder().store(new InMemoryHubStore()).sameThread().observer(failing).build();
        List<HubMessage> inbox = new ArrayList<>();
        HubConnection bar = hub.connect(BAR, inbox::add);
        bar.receive(new ClientMessage.Hello("s", "bar", "anna", 1, 0, 1));
        bar.receive(setNote(1, 1));

        assertInstanceOf(HubMessage.Ack.class, inbox.stream().filter(m -> m instanceof HubMessage.Ack).findFirst()
                .orElseThrow(() -> new AssertionError("no ack in " + inbox)));
        assertTrue(inbox.stream().anyMatch(m -> m instanceof HubMessage.Change), "the change was broadcast: " + inbox);
    }
}
