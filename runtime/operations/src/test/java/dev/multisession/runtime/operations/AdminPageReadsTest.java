package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With many admin pages open, the node's picture is still read from the store once per change,
 * not once per page, and never in a transaction that takes a session's lock.
 */
class AdminPageReadsTest {

    private static final int PAGES = 8;
    private static final int CHANGES = 5;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void manyOpenPagesShareEachReadOfTheStore() throws Exception {
        CountingStore store = new CountingStore();
        store.inSession("bistro", tx -> null);
        store.locked.set(0);
        TerminalActivity activity = new TerminalActivity();
        ExecutorService readers = Executors.newFixedThreadPool(PAGES);
        try (Hub hub = Hub.builder().store(store).observer(activity).sameThread().build();
                HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub)
                        .tokens(token -> Optional.empty()).start();
                OperatorServer operators = OperatorServer.builder().port(0).adminToken(OperatorNode.ADMIN_TOKEN)
                        .admin(new AdminConsole(hub, activity, "node-a", server, (session, terminal) -> false))
                        .start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI events = URI.create("http://127.0.0.1:" + operators.port() + "/admin/api/events");
            List<BlockingQueue<String>> pages = new ArrayList<>();
            for (int i = 0; i < PAGES; i++) {
                BlockingQueue<String> received = new LinkedBlockingQueue<>();
                pages.add(received);
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(events)
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + OperatorNode.ADMIN_TOKEN)
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                readers.execute(() -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.startsWith("data: ")) {
                                received.add(line);
                            }
                        }
                    } catch (Exception e) {
                        // the server stopped
                    }
                });
            }
            for (BlockingQueue<String> page : pages) {
                awaitEventContaining(page, "\"node\":\"node-a\"");
            }
            for (int change = 1; change <= CHANGES; change++) {
                activity.connected(new TerminalIdentity("bistro", "till-" + change));
                for (BlockingQueue<String> page : pages) {
                    awaitEventContaining(page, "\"till-" + change + "\"");
                }
            }
            int reads = store.committedReads.get();
            System.out.printf("admin page reads: %d pages, %d changes: %d committed reads, %d locking transactions%n",
                    PAGES, CHANGES, reads, store.locked.get());
            assertEquals(0, store.locked.get(), "the page took a session's lock");
            // Once per page per change would be 40; one per change, plus heartbeats of a slow run, stays far below.
            assertTrue(reads >= CHANGES && reads <= 2 * CHANGES, "committed reads: " + reads);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void closingADayLooksAtTheSessionsHeadNotItsOrders() throws Exception {
        CountingStore store = new CountingStore();
        store.inSession("bistro", tx -> null);
        TerminalActivity activity = new TerminalActivity();
        try (Hub hub = Hub.builder().store(store).observer(activity).sameThread().build();
                HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub)
                        .tokens(token -> Optional.empty()).start()) {
            AdminConsole admin = new AdminConsole(hub, activity, "node-a", server, (session, terminal) -> false);
            assertEquals(OptionalLong.of(2), admin.closeDay("bistro"));
            assertEquals(OptionalLong.empty(), admin.closeDay("bistr0"), "a mistyped session");
            assertEquals(Optional.empty(), store.delegate.readHead("bistr0"), "and it is not created");
            assertEquals(0, store.committedReads.get(), "no session's orders were read to learn that it exists");
        }
    }

    private static void awaitEventContaining(BlockingQueue<String> page, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String event = page.poll(1, TimeUnit.SECONDS);
            if (event != null && event.contains(text)) {
                return;
            }
        }
        throw new AssertionError("no event with " + text + " within 30 s");
    }

    /** The in-memory store, counting the transactions that take a session's lock and the reads that do not. */
    private static final class CountingStore implements HubStore {
        final InMemoryHubStore delegate = new InMemoryHubStore();
        final AtomicInteger locked = new AtomicInteger();
        final AtomicInteger committedReads = new AtomicInteger();

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            locked.incrementAndGet();
            return delegate.inSession(session, work);
        }

        @Override
        public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
            return delegate.readLog(session, afterSeq, limit);
        }

        @Override
        public Optional<CommittedSession> readCommitted(String session) {
            committedReads.incrementAndGet();
            return delegate.readCommitted(session);
        }

        @Override
        public Optional<SessionHead> readHead(String session) {
            return delegate.readHead(session);
        }

        @Override
        public void close() {}
    }
}
