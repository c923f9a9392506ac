package dev.multisession.runtime.operations;

import dev.multisession.runtime.flow.DaemonThreads;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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
 * and at least every few seconds as a heartbeat. One ticker builds the picture for all pages
 * ({@link AdminPicture}); each open page holds one thread of a small bounded pool that writes
 * it; a page over the bound is answered {@code 503}.
 */
final class AdminEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminEvents.class);
    private static final int MAX_PAGES = 16;
    private static final long CHECK_MILLIS = 200;
    private static final long HEARTBEAT_MILLIS = 5_000;

    private final AdminPicture picture;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("multisession-admin-picture"));
    private final ExecutorService pages = new ThreadPoolExecutor(0, MAX_PAGES, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("multisession-admin-events"));
    private volatile boolean closed;

    AdminEvents(AdminConsole admin) {
        this.picture = new AdminPicture(admin::state, admin::version, System::nanoTime, HEARTBEAT_MILLIS);
        ticker.scheduleWithFixedDelay(picture::tick, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
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
        long sent = picture.open();
        try {
            while (!closed) {
                AdminPicture.Frame frame = picture.next(sent, HEARTBEAT_MILLIS);
                if (frame == null) {
                    continue;
                }
                String event = "data: " + frame.json() + "\n\n";
                Callback.Completable written = new Callback.Completable();
                response.write(false, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), written);
                written.get(30, TimeUnit.SECONDS);
                sent = frame.number();
            }
            callback.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (Exception e) {
            // the page went away: end this feed, the page reconnects
            LOG.debug("an admin page's live feed ended: {}", e.toString());
            callback.failed(e);
        } finally {
            picture.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        pages.shutdownNow();
    }
}
