package dev.multisession.runtime.operations;

import dev.multisession.runtime.flow.DaemonThreads;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page's live feed, as server-sent events: the node's picture is sent when the page
 * connects, again whenever something it shows may have changed (checked a few times a second),
 * and at least every few seconds as a heartbeat. Each open page holds one thread of a small
 * bounded pool; a page over the bound is answered {@code 503}.
 */
final class AdminEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminEvents.class);
    private static final int MAX_PAGES = 16;
    private static final long CHECK_MILLIS = 200;
    private static final long HEARTBEAT_MILLIS = 5_000;

    private final AdminConsole admin;
    private final ExecutorService pages = new ThreadPoolExecutor(0, MAX_PAGES, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("multisession-admin-events"));
    private volatile boolean closed;

    AdminEvents(AdminConsole admin) {
        this.admin = admin;
    }

    /** Streams to one page until it goes away or the server stops; completes {@code callback} then. */
    void stream(Response response, Callback callback) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        try {
            pages.execute(() -> feed(response, callback));
        } catch (RejectedExecutionException e) {
            LOG.warn("refused an admin page's live feed: {} pages are open already", MAX_PAGES);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
            response.write(true, ByteBuffer.allocate(0), callback);
        }
    }

    private void feed(Response response, Callback callback) {
        long sentVersion = -1;
        long sentAt = 0;
        try {
            while (!closed) {
                long version = admin.version();
                long now = System.nanoTime();
                if (version != sentVersion || TimeUnit.NANOSECONDS.toMillis(now - sentAt) >= HEARTBEAT_MILLIS) {
                    String event = "data: " + OperatorHandler.json(admin.state()) + "\n\n";
                    Callback.Completable written = new Callback.Completable();
                    response.write(false, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), written);
                    written.get(30, TimeUnit.SECONDS);
                    sentVersion = version;
                    sentAt = now;
                }
                Thread.sleep(CHECK_MILLIS);
            }
            callback.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (Exception e) {
            // the page went away (or the state could not be read): end this feed, the page reconnects
            LOG.debug("an admin page's live feed ended: {}", e.toString());
            callback.failed(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        pages.shutdownNow();
    }
}
