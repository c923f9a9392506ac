package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the hub hands each connection's sink at once: a committed batch's answers and events for
 * one connection arrive in one {@link MessageSink#sendAll} call, in the order the terminal must
 * see them, so that a transport can write them together.
 */
class HubHandOverTest {

    /** Records each hand-over (one message or several) as a list. */
    private static final class RecordingSink implements MessageSink {
        final List<List<HubMessage>> handOvers = new ArrayList<>();

        @Override
        public synchronized void send(HubMessage message) {
            handOvers.add(List.of(message));
        }

        @Override
        public synchronized void sendAll(List<? extends HubMessage> messages) {
            handOvers.add(List.copyOf(messages));
        }

        synchronized List<List<HubMessage>> since(int index) {
            return new ArrayList<>(handOvers.subList(index, handOvers.size()));
        }
    }

    private static ClientMessage.Mutate addQty(long id) {
        return new ClientMessage.Mutate(id, 1, "O1", 0, null, List.of(
                new Op.Add(List.of(PathStep.key("qty")), IntNode.valueOf(1))));
    }

    @Test
    void aBatchReachesEachConnectionInOneHandOverAnswersFirst() {
        ManualExecutor executor = new ManualExecutor();
        Hub hub = Hub.builder().store(new InMemoryHubStore()).executor(executor).build();
        RecordingSink senderSink = new RecordingSink();
        RecordingSink otherSink = new RecordingSink();
        HubConnection sender = hub.connect(new TerminalIdentity("s", "A"), senderSink);
        HubConnection other = hub.connect(new TerminalIdentity("s", "B"), otherSink);
        sender.receive(new ClientMessage.Hello("s", "A", null, 0, 0, 1));
        other.receive(new ClientMessage.Hello("s", "B", null, 0, 0, 1));
        executor.runAll();
        int senderBefore = senderSink.handOvers.size();
        int otherBefore = otherSink.handOvers.size();

        for (long id = 1; id <= 3; id++) {
            sender.receive(addQty(id));
        }
        executor.runAll();

        List<List<HubMessage>> toSender = senderSink.since(senderBefore);
        assertEquals(1, toSender.size(), "one hand-over to the sender: " + toSender);
        List<HubMessage> batch = toSender.get(0);
        assertEquals(6, batch.size());
        for (int i = 0; i < 3; i++) {
            HubMessage.Ack ack = assertInstanceOf(HubMessage.Ack.class, batch.get(i));
            assertEquals(i + 1, ack.mutationId());
        }
        for (int i = 0; i < 3; i++) {
            HubMessage.Change change = assertInstanceOf(HubMessage.Change.class, batch.get(3 + i));
            assertEquals(i + 1, change.seq());
        }

        List<List<HubMessage>> toOther = otherSink.since(otherBefore);
        assertEquals(1, toOther.size(), "one hand-over to the other terminal: " + toOther);
        assertEquals(batch.subList(3, 6), toOther.get(0), "the same events, in order");
    }
}
