package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hub's per-session queue: batches in one transaction, order, isolation, bounds, and acks after commit. */
class HubBatchingTest {

    /** Counts transactions and can make reading one order fail. */
    private static final class CountingStore extends DelegatingHubStore {
        final AtomicInteger transactions = new AtomicInteger();
        volatile String poisoned;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            transactions.incrementAndGet();
            return delegate.inSession(session, tx -> work.run(new DelegatingSessionTx(tx) {
                @Override
                public Optional<StoredOrder> order(String uid) {
                    if (uid.equals(poisoned)) {
                        throw new IllegalStateException("cannot read order " + uid);
                    }
                    return super.order(uid);
                }
            }));
        }
    }

    private static final class Peer {
        final List<HubMessage> inbox = new CopyOnWriteArrayList<>();
        final String session;
        final String terminal;
        final HubConnection connection;

        Peer(Hub hub, String session, String terminal, Consumer<HubMessage> also) {
            this.session = session;
            this.terminal = terminal;
            this.connection = hub.connect(new TerminalIdentity(session, terminal), message -> {
                inbox.add(message);
                also.accept(message);
            });
        }

        void hello() {
            connection.receive(new ClientMessage.Hello(session, terminal, null, 0, 0, 1));
        }

        <T extends HubMessage> List<T> received(Class<T> type) {
            List<T> found = new ArrayList<>();
            for (HubMessage message : inbox) {
                if (type.isInstance(message)) {
                    found.add(type.cast(message));
                }
            }
            return found;
        }
    }

    private static ClientMessage.Mutate addQty(long id, String order, int delta) {
        return new ClientMessage.Mutate(id, 1, order, 0, null, List.of(
                new Op.Add(List.of(PathStep.key("qty")), IntNode.valueOf(delta))));
    }

    private static ClientMessage.Mutate setNote(long id, String order, String note) {
        return new ClientMessage.Mutate(id, 1, order, 0, null, List.of(
                new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(note))));
    }

    @Test
    void queuedMutationsOfSeveralTerminalsCommitInOneTransaction() {
        CountingStore store = new CountingStore();
        ManualExecutor executor = new ManualExecutor();
        Hub hub = Hub.builder().store(store).executor(executor).build();
        List<Peer> peers = new ArrayList<>();
        for (String terminal : List.of("A", "B", "C")) {
            Peer peer = new Peer(hub, "s", terminal, m -> {});
            peer.hello();
            peers.add(peer);
        }
        executor.runAll();
        int before = store.transactions.get();
        for (long id = 1; id <= 10; id++) {
            for (Peer peer : peers) {
                peer.connection.receive(addQty(id, "O1", 1));
            }
        }
        assertTrue(peers.get(0).received(HubMessage.Ack.class).isEmpty(), "receive only queues");
        executor.runAll();
        assertEquals(1, store.transactions.get() - before, "30 mutations, one transaction");
        for (Peer peer : peers) {
            List<HubMessage.Ack> acks = peer.received(HubMessage.Ack.class);
            assertEquals(10, acks.size());
            for (int i = 0; i < acks.size(); i++) {
                assertEquals(i + 1, acks.get(i).mutationId());
                assertFalse(acks.get(i).duplicate());
            }
            List<HubMessage.Change> changes = peer.received(HubMessage.Change.class);
            assertEquals(30, changes.size());
            for (int i = 0; i < changes.size(); i++) {
                assertEquals(i + 1, changes.get(i).seq());
            }
        }
        StoredOrder order = store.delegate.inSession("s", tx -> tx.order("O1")).orElseThrow();
        assertEquals(30, order.data().get("qty").asInt());
        assertEquals(30, order.revision());
    }

    @Test
    void manyPipelinedTerminalsKeepTheirOrderAndApplyEachMutationOnce() throws InterruptedException {
        InMemoryHubStore store = new InMemoryHubStore();
        int sessions = 3;
        int perSession = 4;
        int mutations = 400;
        int window = 64;
        try (Hub hub = Hub.builder().store(store).workers(3).maxBatch(50).build()) {
            List<Thread> threads = new ArrayList<>();
            List<Peer> peers = new CopyOnWriteArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int s = 0; s < sessions; s++) {
                for (int t = 0; t < perSession; t++) {
                    String session = "s" + s;
                    String terminal = "t" + t;
                    threads.add(new Thread(() -> {
                        Semaphore free = new Semaphore(window);
                        CountDownLatch done = new CountDownLatch(1);
                        Peer peer = new Peer(hub, session, terminal, message -> {
                            if (message instanceof HubMessage.Ack ack) {
                                free.release();
                                if (ack.mutationId() == mutations) {
                                    done.countDown();
                                }
                            } else if (message instanceof HubMessage.Error error) {
                                failures.add(new AssertionError(terminal + " got " + error));
                            }
                        });
                        peers.add(peer);
                        peer.hello();
                        for (long id = 1; id <= mutations; id++) {
                            free.acquireUninterruptibly();
                            peer.connection.receive(addQty(id, "shared", 1));
                            if (id % 50 == 0) {
                                peer.connection.receive(addQty(id - 10, "shared", 1)); // a duplicate: must not count
                            }
                        }
                        try {
                            assertTrue(done.await(30, TimeUnit.SECONDS), terminal + " never got its last ack");
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }));
                }
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), failures);
            for (int s = 0; s < sessions; s++) {
                String session = "s" + s;
                StoredOrder order = store.inSession(session, tx -> tx.order("shared")).orElseThrow();
                assertEquals(perSession * mutations, order.data().get("qty").asInt(), "every mutation once");
            }
            for (Peer peer : peers) {
                long expected = 1;
                for (HubMessage.Ack ack : peer.received(HubMessage.Ack.class)) {
                    if (!ack.duplicate()) {
                        assertEquals(expected++, ack.mutationId(), "acks in mutation order");
                    }
                }
                assertEquals(mutations + 1, expected);
                // the terminal's own changes come back in its mutation order, and seq never goes back
                long lastSeq = 0;
                long lastOwn = 0;
                for (HubMessage.Change change : peer.received(HubMessage.Change.class)) {
                    assertTrue(change.seq() > lastSeq, "events in sequence order");
                    lastSeq = change.seq();
                    if (change.author().terminal().equals(peer.terminal)) {
                        assertEquals(lastOwn + 1, change.mutationId());
                        lastOwn = change.mutationId();
                    }
                }
            }
        }
    }

    @Test
    void aMutationThatFailsLeavesTheRestOfItsBatchAlone() {
        CountingStore store = new CountingStore();
        ManualExecutor executor = new ManualExecutor();
        Hub hub = Hub.builder().store(store).executor(executor).build();
        Peer a = new Peer(hub, "s", "A", m -> {});
        Peer b = new Peer(hub, "s", "B", m -> {});
        Peer c = new Peer(hub, "s", "C", m -> {});
        a.hello();
        b.hello();
        c.hello();
        executor.runAll();
        store.poisoned = "BAD";
        int before = store.transactions.get();
        a.connection.receive(setNote(1, "O1", "a"));
        b.connection.receive(setNote(1, "BAD", "b"));
        c.connection.receive(setNote(1, "O2", "c"));
        a.connection.receive(setNote(2, "O1", "a2"));
        executor.runAll();
        assertEquals(1, store.transactions.get() - before);

        assertEquals(List.of(1L, 2L), a.received(HubMessage.Ack.class).stream().map(HubMessage.Ack::mutationId).toList());
        assertEquals(Reason.INTERNAL, b.received(HubMessage.Error.class).get(0).code());
        assertTrue(b.received(HubMessage.Ack.class).isEmpty());
        assertEquals(1, c.received(HubMessage.Ack.class).size());
        List<HubMessage.Change> changes = c.received(HubMessage.Change.class);
        assertEquals(List.of("O1", "O2", "O1"), changes.stream().map(HubMessage.Change::order).toList());
        assertEquals(List.of(1L, 2L, 3L), changes.stream().map(HubMessage.Change::seq).toList());

        // the failed mutation consumed nothing: sent again, it is the terminal's first
        store.poisoned = null;
        b.connection.receive(setNote(1, "BAD", "b"));
        executor.runAll();
        HubMessage.Ack ack = b.received(HubMessage.Ack.class).get(0);
        assertEquals(1, ack.mutationId());
        assertEquals(4, ack.seq());
        assertFalse(ack.duplicate());
    }

    @Test
    void aFullQueueAnswersRateLimitedAndTheResentMutationIsAppliedOnce() {
        CountingStore store = new CountingStore();
        ManualExecutor executor = new ManualExecutor();
        Hub hub = Hub.builder().store(store).executor(executor).queueLimits(3, 2).build();
        Peer a = new Peer(hub, "s", "A", m -> {});
        Peer b = new Peer(hub, "s", "B", m -> {});
        a.hello();
        b.hello();
        executor.runAll();

        a.connection.receive(addQty(1, "O1", 1));
        a.connection.receive(addQty(2, "O1", 1));
        a.connection.receive(addQty(3, "O1", 1)); // over A's bound of 2
        b.connection.receive(addQty(1, "O1", 10));
        b.connection.receive(addQty(2, "O1", 10)); // over the session's bound of 3
        a.connection.receive(new ClientMessage.Ping(7)); // not a mutation: never refused
        HubMessage.Error refusedA = a.received(HubMessage.Error.class).get(0);
        assertEquals(Reason.RATE_LIMITED, refusedA.code());
        assertEquals("mutate 3", refusedA.ref());
        assertEquals(Reason.RATE_LIMITED, b.received(HubMessage.Error.class).get(0).code());
        executor.runAll();
        assertEquals(List.of(1L, 2L), a.received(HubMessage.Ack.class).stream().map(HubMessage.Ack::mutationId).toList());
        assertInstanceOf(HubMessage.Pong.class, a.inbox.get(a.inbox.size() - 1), "the ping keeps its place after the mutations");

        // as a terminal does after rate_limited: send again from the first unacknowledged
        a.connection.receive(addQty(3, "O1", 1));
        b.connection.receive(addQty(2, "O1", 10));
        executor.runAll();
        assertEquals(List.of(1L, 2L, 3L), a.received(HubMessage.Ack.class).stream().map(HubMessage.Ack::mutationId).toList());
        assertEquals(List.of(1L, 2L), b.received(HubMessage.Ack.class).stream().map(HubMessage.Ack::mutationId).toList());
        StoredOrder order = store.delegate.inSession("s", tx -> tx.order("O1")).orElseThrow();
        assertEquals(23, order.data().get("qty").asInt());
    }

    @Test
    void noAckOrBroadcastLeavesBeforeTheCommitReturns() throws InterruptedException {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> blocking = ConcurrentHashMap.newKeySet();
        DelegatingHubStore slowCommit = new DelegatingHubStore() {
            @Override
            public <R> R inSession(String session, SessionWork<R> work) {
                // the work has run, the commit has not returned yet: durable only after the wait
                return delegate.inSession(session, tx -> {
                    R result = work.run(tx);
                    if (blocking.contains(session)) {
                        inCommit.countDown();
                        await(release);
                    }
                    return result;
                });
            }
        };
        try (Hub hub = Hub.builder().store(slowCommit).build()) {
            CountDownLatch acked = new CountDownLatch(1);
            CountDownLatch welcomed = new CountDownLatch(2);
            Peer a = new Peer(hub, "s", "A", m -> {
                if (m instanceof HubMessage.Ack) {
                    acked.countDown();
                } else if (m instanceof HubMessage.Welcome) {
                    welcomed.countDown();
                }
            });
            Peer b = new Peer(hub, "s", "B", m -> {
                if (m instanceof HubMessage.Welcome) {
                    welcomed.countDown();
                }
            });
            a.hello();
            b.hello();
            assertTrue(welcomed.await(5, TimeUnit.SECONDS));
            blocking.add("s");
            a.connection.receive(setNote(1, "O1", "x"));
            assertTrue(inCommit.await(5, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(a.received(HubMessage.Ack.class).isEmpty(), "no ack before the commit");
            assertTrue(a.received(HubMessage.Change.class).isEmpty(), "no broadcast before the commit");
            assertTrue(b.received(HubMessage.Change.class).isEmpty(), "no broadcast before the commit");
            release.countDown();
            assertTrue(acked.await(5, TimeUnit.SECONDS));
            blocking.clear();
        }
    }

    @Test
    void closingWaitsForABatchWhoseCommitIsStillUnderWay() throws InterruptedException {
        CountDownLatch committing = new CountDownLatch(1);
        Set<String> slow = ConcurrentHashMap.newKeySet();
        DelegatingHubStore lateCommit = new DelegatingHubStore() {
            @Override
            public <R> CompletionStage<R> inSessionAsync(String session, SessionWork<R> work) {
                R result = inSession(session, work);
                if (!slow.contains(session)) {
                    return CompletableFuture.completedFuture(result);
                }
                // durable only later, on a thread of the store's own, as SQLite's writer does
                committing.countDown();
                return CompletableFuture.supplyAsync(() -> result,
                        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            }
        };
        Hub hub = Hub.builder().store(lateCommit).workers(1).build();
        CountDownLatch welcomed = new CountDownLatch(1);
        Peer a = new Peer(hub, "s", "A", m -> {
            if (m instanceof HubMessage.Welcome) {
                welcomed.countDown();
            }
        });
        a.hello();
        assertTrue(welcomed.await(5, TimeUnit.SECONDS));
        slow.add("s");
        a.connection.receive(setNote(1, "O1", "x"));
        assertTrue(committing.await(5, TimeUnit.SECONDS));
        hub.close();
        assertEquals(1, a.received(HubMessage.Ack.class).size(),
                "the batch under way was answered before close returned, so the store may be closed after it");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
