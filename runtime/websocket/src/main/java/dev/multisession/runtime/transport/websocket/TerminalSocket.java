package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.flow.ReconnectLoop;
import dev.multisession.runtime.flow.SharedTimer;
import dev.multisession.runtime.flow.TokenBucket;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt of a terminal to its hub, as Jetty sees it: turns Jetty's callbacks
 * into {@link TerminalTransport.Listener} calls on the transport's events thread, decodes what
 * the hub sends, paces what the terminal sends, pings the hub and drops the connection when it
 * falls silent. How the attempt ends (connected, dropped, token refused) goes to its
 * {@link ReconnectLoop.Link}, which also says whether the connection is still wanted.
 *
 * <p>Public only because Jetty binds to endpoint classes through public method handles; it
 * cannot be created outside this package.
 */
public final class TerminalSocket implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalSocket.class);

    /** What every connection of one transport shares. */
    record Settings(URI hub, Duration pingInterval, Duration pongTimeout, int outboundQueueLimit,
            double sendRate, int sendBurst) {
        /** The hub, as log lines name it. */
        String peer() {
            return "hub " + hub;
        }
    }

    private final ReconnectLoop.Link link;
    private final Executor events;
    private final TerminalTransport.Listener listener;
    private final Settings settings;
    private final MessageCodec codec = MessageCodec.instance();
    private volatile long lastHeard = System.nanoTime();
    /** Set on the events thread while the connection is open; {@link #send} reads it from any thread. */
    private volatile PacedOutbound paced;
    // events thread only
    private Session session;
    private Future<?> keepAlive;

    TerminalSocket(ReconnectLoop.Link link, Executor events, TerminalTransport.Listener listener, Settings settings) {
        this.link = link;
        this.events = events;
        this.listener = listener;
        this.settings = settings;
    }

    /** Queues an encoded message for the hub; false unless this connection is open. */
    boolean send(String text) {
        PacedOutbound outbound = paced;
        return outbound != null && outbound.offer(text);
    }

    /** Whether this connection is open. */
    boolean isOpen() {
        return paced != null;
    }

    /** Closes the connection because the terminal is done with it; on the events thread. */
    void close() {
        Session open = session;
        release();
        if (open != null) {
            open.close(StatusCode.NORMAL, "terminal closed", Callback.NOOP);
        }
    }

    /** The dial failed before a connection existed: a refused token or an ordinary failure. */
    void failedToConnect(Throwable failure) {
        onEvents(() -> {
            if (HubDialer.refusedToken(failure)) {
                String reason = "unauthorized: the hub at " + settings.hub() + " refused the token (HTTP "
                        + HubDialer.upgradeStatus(failure) + ")";
                if (link.refused(reason)) {
                    notifyListener(() -> listener.unauthorized(reason));
                }
            } else {
                dropped(describe(failure));
            }
        });
    }

    @Override
    public void onWebSocketOpen(Session session) {
        heard();
        onEvents(() -> opened(session));
    }

    @Override
    public void onWebSocketText(String text) {
        heard();
        HubMessage message;
        try {
            message = codec.decodeHub(text);
        } catch (ProtocolException e) {
            // the terminal logs once per streak and asks for a snapshot; this line is for tracing
            LOG.debug("unreadable message from {}: {}", settings.peer(), e.getMessage());
            onEvents(() -> {
                if (paced != null && link.active()) {
                    notifyListener(() -> listener.unreadable(e.getMessage()));
                }
            });
            return;
        }
        onEvents(() -> {
            if (paced != null && link.active()) {
                notifyListener(() -> listener.received(message));
            }
        });
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        heard();
        callback.succeed();
        LOG.warn("ignored a binary frame from {}", settings.peer());
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        heard();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            onEvents(() -> dropped("closed by the hub: " + statusCode + (reason == null ? "" : " " + reason)));
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        onEvents(() -> dropped(describe(cause)));
    }

    private void opened(Session opened) {
        if (!link.connected()) {
            opened.close(StatusCode.NORMAL, "terminal closed", Callback.NOOP);
            return;
        }
        session = opened;
        heard();
        paced = new PacedOutbound(new OutboundQueue(opened, settings.outboundQueueLimit(), settings.peer()), events,
                SharedTimer::schedule, new TokenBucket(settings.sendRate(), settings.sendBurst(), System::nanoTime),
                settings.outboundQueueLimit());
        scheduleKeepAlive();
        notifyListener(listener::connected);
    }

    private void scheduleKeepAlive() {
        keepAlive = SharedTimer.schedule(settings.pingInterval(), () -> onEvents(this::keepAlive));
    }

    private void keepAlive() {
        if (paced == null) {
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
        if (silentMillis > settings.pongTimeout().toMillis()) {
            session.disconnect();
            dropped("no answer from the hub for " + silentMillis + " ms");
            return;
        }
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        scheduleKeepAlive();
    }

    /** The connection or the attempt is gone; the listener hears of it once, unless the terminal closed it. */
    private void dropped(String reason) {
        release();
        if (link.failed(reason)) {
            notifyListener(() -> listener.disconnected(reason));
        }
    }

    /** Stops the keep-alive and discards what waits to be sent. */
    private void release() {
        PacedOutbound outbound = paced;
        paced = null;
        if (outbound != null) {
            outbound.close();
        }
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
    }

    private void heard() {
        lastHeard = System.nanoTime();
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("terminal transport listener failed", e);
        }
    }

    private void onEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            // the transport is closed: nothing left to tell
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof CompletionException) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
