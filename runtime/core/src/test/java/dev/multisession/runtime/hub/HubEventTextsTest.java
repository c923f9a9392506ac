package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event is encoded once, for the store's log, and every connection is sent that same text,
 * even when the events of thousands of other sessions were encoded in between (as when one
 * SQLite commit carries a thousand sessions' batches); the texts are let go once sent, and when
 * the transaction fails.
 */
class HubEventTextsTest {

    private static final MessageCodec CODEC = MessageCodec.instance();
    /** More events than the codec's recent-events slots, so that each slot is taken again. */
    private static final int OTHER_SESSIONS_EVENTS = 10_000;

    /** Logs each event as the store would, then encodes the events of many other sessions. */
    private static final class LoggingStore extends DelegatingHubStore {
        final Map<HubMessage.Event, String> logged = new IdentityHashMap<>();
        boolean failAppends;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            return delegate.inSession(session, tx -> work.run(new DelegatingSessionTx(tx) {
                @Override
                public void appendLog(HubMessage.Event event) {
                    if (failAppends) {
                        throw new IllegalStateException("the disk is full");
                    }
                    logged.put(event, CODEC.encode(event));
                    super.appendLog(event);
                    encodeOtherSessionsEvents();
                }
            }));
        }

        private static void encodeOtherSessionsEvents() {
            Author author = new Author("T9", null, Instant.parse("2026-12-03T12:00:00Z"));
            for (int i = 0; i < OTHER_SESSIONS_EVENTS; i++) {
                CODEC.encode(new HubMessage.Change(i + 1, 1, "other-" + i, 1, 1, author, i + 1, List.of()));
            }
        }
    }

    /** A terminal whose connection encodes what it is sent, as a network transport does. */
    private static final class EncodingPeer {
        final List<HubMessage> inbox = new ArrayList<>();
        final Map<HubMessage, String> texts = new IdentityHashMap<>();
        final HubConnection connection;

        EncodingPeer(Hub hub, String terminal) {
            connection = hub.connect(new TerminalIdentity("s", terminal), message -> {
                inbox.add(message);
                texts.put(message, CODEC.encode(message));
            });
            connection.receive(new ClientMessage.Hello("s", terminal, null, 0, 0, 1));
        }

        void edit(long mutationId, long baseRevision, String note) {
            connection.receive(new ClientMessage.Mutate(mutationId, 1, "O1", baseRevision, "u", List.of(
                    new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(note)))));
        }

        HubMessage.Change lastChange() {
            for (int i = inbox.size() - 1; i >= 0; i--) {
                if (inbox.get(i) instanceof HubMessage.Change change) {
                    return change;
                }
            }
            throw new AssertionError("no change in " + inbox);
        }
    }

    private final LoggingStore store = new LoggingStore();

    @Test
    void everyConnectionIsSentTheTextTheLogWasWrittenWithAndItIsThenLetGo() {
        Hub hub = Hub.builder().store(store).sameThread().build();
        EncodingPeer a = new EncodingPeer(hub, "A");
        EncodingPeer b = new EncodingPeer(hub, "B");
        a.edit(1, 0, "one"); // decided in the store: the node knew nothing of the session yet
        a.edit(2, 1, "two"); // decided before its transaction

        HubMessage.Change second = a.lastChange();
        assertSame(store.logged.get(second), a.texts.get(second), "A was sent the logged text");
        assertSame(store.logged.get(second), b.texts.get(second), "B was sent the logged text");
        HubMessage.Change first = b.inbox.stream().filter(HubMessage.Change.class::isInstance)
                .map(HubMessage.Change.class::cast).findFirst().orElseThrow();
        assertSame(store.logged.get(first), b.texts.get(first), "also for a batch decided in the store");
        assertEquals(2, store.logged.size());
        assertEquals(0, CODEC.heldEvents(), "no text is held once the connections have it");
    }

    @Test
    void theTextsOfABatchWhoseTransactionFailsAreLetGo() {
        Hub hub = Hub.builder().store(store).sameThread().build();
        EncodingPeer a = new EncodingPeer(hub, "A");
        a.edit(1, 0, "one");
        store.failAppends = true;

        a.edit(2, 1, "two");

        HubMessage.Error refused = assertInstanceOf(HubMessage.Error.class, a.inbox.get(a.inbox.size() - 1));
        assertEquals("internal", refused.code());
        assertEquals(0, CODEC.heldEvents(), "the failed batch's texts are let go");
    }
}
