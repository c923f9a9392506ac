package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.SessionHead;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's writer queue ({@link SqliteHubStore#inSessionAsync}): while the writer is held by one
 * transaction, everything queued behind it, of any number of sessions, goes into the next
 * transaction and one commit. The writer is held by a work that waits for a latch, so what
 * forms a group is decided by the test, not by timing.
 */
class SqliteCommitQueueTest {

    @TempDir
    Path directory;
    SqliteHubStore store;
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        store = SqliteHubStore.open(directory.resolve("hub.db"));
    }

    @AfterEach
    void close() {
        release.countDown();
        store.close();
    }

    /** Holds the writer in a transaction of its own until {@link #release} is counted down. */
    private CompletableFuture<Object> holdWriter() throws InterruptedException {
        CompletableFuture<Object> held = store.inSessionAsync("holder", tx -> {
            holding.countDown();
            HubStoreContract.await(release);
            return null;
        });
        assertTrue(holding.await(10, TimeUnit.SECONDS), "the writer took the holding work");
        return held;
    }

    private static CompletableFuture<Long> saveSeq(SqliteHubStore store, String session, long seq) {
        return store.inSessionAsync(session, tx -> {
            tx.saveHead(new SessionHead(1, seq, 0, 0));
            return seq;
        });
    }

    @Test
    void everySessionQueuedBehindTheWriterCommitsInOneTransaction() throws Exception {
        CompletableFuture<Object> held = holdWriter();
        long commitsBefore = store.commits();
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            queued.add(saveSeq(store, "s" + i, i + 1));
        }
        assertEquals(500, store.queuedCalls());
        for (CompletableFuture<Long> future : queued) {
            assertFalse(future.isDone(), "nothing is acknowledged before its commit");
        }
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 500; i++) {
            assertEquals(i + 1, queued.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(commitsBefore + 2, store.commits(), "the holder's commit, then one for all 500");

        store.close();
        store = SqliteHubStore.open(directory.resolve("hub.db"));
        for (int i = 0; i < 500; i++) {
            assertEquals(i + 1, store.inSession("s" + i, tx -> tx.head()).seq());
        }
    }

    @Test
    void aFailingWorkRollsBackAloneAndOnlyItsCallerHearsOfIt() throws Exception {
        CompletableFuture<Object> held = holdWriter();
        CompletableFuture<Long> before = saveSeq(store, "a", 5);
        IllegalStateException boom = new IllegalStateException("boom");
        CompletableFuture<Object> failing = store.inSessionAsync("bad", tx -> {
            tx.saveHead(new SessionHead(1, 99, 0, 0));
            throw boom;
        });
        CompletableFuture<Long> after = saveSeq(store, "b", 7);
        long commitsBefore = store.commits();
        long callsBefore = store.committedCalls();
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertEquals(5, before.get(10, TimeUnit.SECONDS));
        assertEquals(7, after.get(10, TimeUnit.SECONDS));
        CompletionException thrown = assertThrows(CompletionException.class, failing::join);
        assertSame(boom, thrown.getCause());
        assertEquals(commitsBefore + 2, store.commits(), "the holder's commit, then one for the group");
        assertEquals(callsBefore + 3, store.committedCalls(), "the holder and the two works that did not fail");

        store.close();
        store = SqliteHubStore.open(directory.resolve("hub.db"));
        assertEquals(5, store.inSession("a", tx -> tx.head()).seq());
        assertEquals(7, store.inSession("b", tx -> tx.head()).seq());
        assertEquals(SessionHead.NEW, store.inSession("bad", tx -> tx.head()));
    }

    @Test
    void worksOfOneSessionRunInTheOrderQueuedWithinAGroupAndAcrossGroups() throws Exception {
        List<CompletableFuture<Long>> seen = new ArrayList<>();
        CompletableFuture<Object> held = holdWriter();
        for (int i = 0; i < 50; i++) {
            seen.add(nextSeq("ordered"));
            saveSeq(store, "other-" + i, 1);
        }
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 50; i++) {
            seen.add(nextSeq("ordered")); // some in later groups, as the writer takes them
        }
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i).get(10, TimeUnit.SECONDS), "work " + i + " saw the ones before it");
        }
        assertEquals(100, store.inSession("ordered", tx -> tx.head()).seq());
    }

    /** Reads the session's seq and saves the next one: the result tells how many ran before. */
    private CompletableFuture<Long> nextSeq(String session) {
        return store.inSessionAsync(session, tx -> {
            long seq = tx.head().seq();
            tx.saveHead(new SessionHead(1, seq + 1, 0, 0));
            return seq;
        });
    }

    @Test
    void closingCommitsWhatIsQueuedThenRefusesWork() throws Exception {
        CompletableFuture<Object> held = holdWriter();
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(saveSeq(store, "s" + i, 3));
        }
        Thread closer = new Thread(store::close);
        closer.start();
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(closer.isAlive());
        held.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Long> future : queued) {
            assertEquals(3, future.get(10, TimeUnit.SECONDS));
        }
        CompletionException refused = assertThrows(CompletionException.class,
                () -> store.inSessionAsync("late", tx -> null).join());
        assertInstanceOf(IllegalStateException.class, refused.getCause());

        store = SqliteHubStore.open(directory.resolve("hub.db"));
        for (int i = 0; i < 20; i++) {
            assertEquals(3, store.inSession("s" + i, tx -> tx.head()).seq());
        }
    }

    @Test
    void aStoreCallInsideAWorkIsRefusedAndFailsThatWorkAlone() throws Exception {
        CompletableFuture<Object> nested = store.inSessionAsync("outer",
                tx -> store.inSessionAsync("inner", inner -> null));
        CompletionException thrown = assertThrows(CompletionException.class, nested::join);
        assertTrue(thrown.getCause().getMessage().contains("inside inSession"), thrown.getCause().getMessage());
        assertEquals(5, saveSeq(store, "after", 5).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aContinuationOnTheWriterThreadMayCallTheStoreAgain() throws Exception {
        // an executor that runs tasks where they complete makes the hub go on on the writer thread
        CompletableFuture<Object> held = holdWriter();
        CompletableFuture<Long> chained = saveSeq(store, "first", 1)
                .thenApply(seq -> store.inSession("second", tx -> {
                    tx.saveHead(new SessionHead(1, seq + 1, 0, 0));
                    return seq + 1;
                }));
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertEquals(2, chained.get(10, TimeUnit.SECONDS));
        assertEquals(2, store.inSession("second", tx -> tx.head()).seq());
    }
}
