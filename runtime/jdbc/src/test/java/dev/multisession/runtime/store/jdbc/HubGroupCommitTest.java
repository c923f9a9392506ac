package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub with few workers on SQLite: a session's batch that waits for its commit holds no worker,
 * so while the writer is busy the batches of many more sessions than there are workers queue
 * for it, and the next commit carries them all. (When a batch waited on its worker, one commit
 * carried at most as many sessions' batches as there were workers.) Counted in commits, not
 * measured in time.
 */
class HubGroupCommitTest {

    private static final int WORKERS = 2;
    private static final int SESSIONS = 40;

    @TempDir
    Path directory;

    @Test
    void oneCommitCarriesTheBatchesOfMoreSessionsThanTheHubHasWorkers() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SqliteHubStore store = SqliteHubStore.open(directory.resolve("hub.db"))) {
            Hub hub = Hub.builder().store(store).workers(WORKERS).build();
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                peers.add(new Peer(hub, "session-" + i));
            }
            for (Peer peer : peers) {
                peer.awaitWelcome();
            }
            CompletableFuture<Object> held = store.inSessionAsync("holder", tx -> {
                holding.countDown();
                awaitQuietly(release);
                return null;
            });
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            long commitsBefore = store.commits();
            long callsBefore = store.committedCalls();

            for (Peer peer : peers) {
                peer.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null,
                        List.of(new Op.Add(List.of(PathStep.key("qty")), IntNode.valueOf(1)))));
            }
            // every session's batch reaches the writer's queue, though only WORKERS threads handle them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.queuedCalls() < SESSIONS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(SESSIONS, store.queuedCalls(),
                    "batches queued for the writer while it was busy, with " + WORKERS + " hub workers");

            release.countDown();
            held.get(10, TimeUnit.SECONDS);
            for (Peer peer : peers) {
                assertInstanceOf(HubMessage.Ack.class, peer.awaitReply());
            }
            assertEquals(commitsBefore + 2, store.commits(), "the holder's commit, then one for every session");
            assertEquals(callsBefore + 1 + SESSIONS, store.committedCalls());
            hub.close();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBatchWhoseCommitFailsIsAnsweredInternalAndTheHubGoesOn() throws Exception {
        SqliteHubStore store = SqliteHubStore.open(directory.resolve("hub.db"));
        Hub hub = Hub.builder().store(store).workers(WORKERS).build();
        Peer peer = new Peer(hub, "closing");
        peer.awaitWelcome();
        store.close(); // every later transaction fails
        peer.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null,
                List.of(new Op.Add(List.of(PathStep.key("qty")), IntNode.valueOf(1)))));
        HubMessage.Error error = assertInstanceOf(HubMessage.Error.class, peer.awaitReply());
        assertEquals(Reason.INTERNAL, error.code());
        assertTrue(error.message().contains("closed"), error.message());
        hub.close();
    }

    /**
     * The hub's executor refuses work (the application shut it down) while a batch waits for its
     * commit and an operator closes the same session's day, which waits for the writer while it
     * holds the session's broadcaster: the batch's answers must then go on without the writer
     * thread, which would otherwise wait for the day's close and the close for it.
     */
    @Test
    void answersLeftByARefusingExecutorDoNotHoldTheWriter() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean refusing = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        Executor executor = task -> {
            if (refusing.get()) {
                throw new RejectedExecutionException("shut down");
            }
            pool.execute(task);
        };
        ExecutorService operator = Executors.newSingleThreadExecutor();
        SqliteHubStore store = SqliteHubStore.open(directory.resolve("hub.db"));
        boolean writerFree = false;
        try {
            Hub hub = Hub.builder().store(store).executor(executor).build();
            Peer peer = new Peer(hub, "s");
            peer.awaitWelcome();
            CompletableFuture<Object> held = store.inSessionAsync("holder", tx -> {
                holding.countDown();
                awaitQuietly(release);
                return null;
            });
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            peer.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null,
                    List.of(new Op.Add(List.of(PathStep.key("qty")), IntNode.valueOf(1)))));
            awaitQueued(store, 1);
            refusing.set(true);
            Future<Long> closedDay = operator.submit(() -> hub.resetSession("s"));
            awaitQueued(store, 2); // the close waits behind the batch, holding the session's broadcaster

            release.countDown();
            held.get(10, TimeUnit.SECONDS);
            assertTrue(closedDay.get(10, TimeUnit.SECONDS) > 0, "the day closed: the writer went on");
            writerFree = true;
            assertInstanceOf(HubMessage.Ack.class, peer.awaitReply());
        } finally {
            release.countDown();
            pool.shutdownNow();
            operator.shutdownNow();
            if (writerFree) {
                store.close(); // a writer thread stuck for good would never let it return
            }
        }
    }

    private static void awaitQueued(SqliteHubStore store, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.queuedCalls() < calls && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(calls, store.queuedCalls());
    }

    /** A terminal alone in its session, keeping what the hub sends it. */
    private static final class Peer {
        final List<HubMessage> inbox = new CopyOnWriteArrayList<>();
        final HubConnection connection;

        Peer(Hub hub, String session) {
            connection = hub.connect(new TerminalIdentity(session, "T"), inbox::add);
            connection.receive(new ClientMessage.Hello(session, "T", null, 0, 0, 1));
        }

        void awaitWelcome() throws InterruptedException {
            await(HubMessage.Welcome.class);
        }

        HubMessage awaitReply() throws InterruptedException {
            return await(HubMessage.Ack.class);
        }

        private HubMessage await(Class<? extends HubMessage> type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (HubMessage message : inbox) {
                    if (type.isInstance(message) || message instanceof HubMessage.Error) {
                        return message;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no " + type.getSimpleName() + " in " + inbox);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
