package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.MessageChecks;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.protocol.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one authenticated terminal's WebSocket: decodes text frames, keeps
 * invalid and excess messages away from the hub (each answered with an error, the
 * connection kept), hands the rest to the hub in order, and queues the hub's messages for
 * writing. Jetty delivers the frames of one connection one at a time; the hub only queues
 * each message (see {@code Hub}), so the next frame is read while earlier ones are handled.
 *
 * <p>Public only because Jetty binds to endpoint classes through public method handles;
 * it cannot be created outside this package.
 */
public final class HubSocket implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(HubSocket.class);
    /** Error texts quote parser messages; keep them short so an error never echoes a whole frame. */
    private static final int MAX_ERROR_TEXT = 200;

    private final TerminalIdentity identity;
    /** The hash of the token this connection authenticated with: a revocation names it. */
    private final String tokenSha256;
    /** Revocations heard before the token was checked ({@link OpenSockets#checkpoint()}). */
    private final long revocationCheckpoint;
    private final OpenSockets open;
    private final HubObserver observer;
    private final HubEndpoint hub;
    private final ConnectionLimits limits;
    private final MessageRateLimiter rateLimiter;
    private final MessageCodec codec = MessageCodec.instance();
    private volatile Session session;
    private volatile OutboundQueue outbound;
    private volatile HubConnection connection;

    HubSocket(TerminalIdentity identity, String tokenSha256, long revocationCheckpoint, OpenSockets open,
            HubObserver observer, HubEndpoint hub, ConnectionLimits limits) {
        this.observer = observer;
        this.identity = identity;
        this.tokenSha256 = tokenSha256;
        this.revocationCheckpoint = revocationCheckpoint;
        this.open = open;
        this.hub = hub;
        this.limits = limits;
        this.rateLimiter = new MessageRateLimiter(limits.rateLimit());
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.outbound = new OutboundQueue(session, limits.outboundQueueLimit(), describe());
        try {
            this.connection = hub.connect(identity, new MessageSink() {
                @Override
                public void send(HubMessage message) {
                    deliver(message);
                }

                @Override
                public void sendAll(List<? extends HubMessage> messages) {
                    deliverAll(messages);
                }

                @Override
                public void close(String reason) {
                    LOG.info("{}: closing, {}", describe(), reason);
                    session.close(StatusCode.TRY_AGAIN_LATER, reason, Callback.NOOP);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("the hub refused a connection for {}", describe(), e);
            session.close(StatusCode.SERVER_ERROR, "hub unavailable", Callback.NOOP);
            return;
        }
        LOG.info("{} connected from {}", describe(), session.getRemoteSocketAddress());
        open.opened(this, revocationCheckpoint);
    }

    TerminalIdentity identity() {
        return identity;
    }

    String tokenSha256() {
        return tokenSha256;
    }

    /**
     * Closes the connection for an operator's reason (1008, policy violation: the terminal
     * learns it was put out, not that the hub failed).
     */
    void closeFor(String reason) {
        Session current = session;
        if (current != null) {
            LOG.warn("closing the connection of {}: {}", describe(), reason);
            current.close(StatusCode.POLICY_VIOLATION, reason, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        HubConnection hubConnection = connection;
        if (hubConnection == null) {
            return;
        }
        switch (rateLimiter.admit()) {
            case ACCEPT:
                break;
            case REJECT:
                try {
                    observer.rateLimited(identity);
                } catch (RuntimeException e) {
                    LOG.debug("the observer failed on a rate-limited message", e);
                }
                reply(Reason.RATE_LIMITED, "more than " + rate() + " messages per second;"
                        + " this message was dropped, send it again later", null);
                return;
            case DISCONNECT:
            default:
                LOG.warn("{} keeps sending over its rate limit; closing its connection", describe());
                session.close(StatusCode.POLICY_VIOLATION, "rate limit exceeded", Callback.NOOP);
                return;
        }
        ClientMessage message;
        try {
            message = codec.decodeClient(text);
        } catch (ProtocolException e) {
            LOG.debug("{} sent an invalid message: {}", describe(), e.getMessage());
            reply(e.code(), e.getMessage(), null);
            return;
        }
        HubMessage.Error refused = MessageChecks.check(identity, message);
        if (refused != null) {
            // the hub would answer the same; refusing here keeps the message off the session's queue
            if (Reason.FORBIDDEN.equals(refused.code())) {
                LOG.warn("{} sent a {} it may not send: {}", describe(), message.type(), refused.message());
            }
            reply(refused.code(), refused.message(), refused.ref());
            return;
        }
        try {
            hubConnection.receive(message);
        } catch (RuntimeException e) {
            // The hub answers bad messages itself; an exception means its state is in doubt, so
            // the terminal reconnects and resynchronises rather than going on.
            LOG.error("the hub failed on a {} message from {}", message.type(), describe(), e);
            session.close(StatusCode.SERVER_ERROR, "hub failure", Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        if (connection != null) {
            reply(Reason.MALFORMED, "binary frames are not part of the protocol; send JSON in text frames", null);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        try {
            open.closed(this);
            OutboundQueue queue = outbound;
            if (queue != null) {
                queue.close();
            }
            HubConnection hubConnection = connection;
            connection = null;
            if (hubConnection != null) {
                hubConnection.close();
                LOG.info("{} disconnected ({} {})", describe(), statusCode, reason);
            }
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("{}: {}", describe(), cause.toString());
    }

    private void deliver(HubMessage message) {
        OutboundQueue queue = outbound;
        if (queue != null) {
            queue.offer(codec.encode(message));
        }
    }

    /** Several messages in one run of frames; an event is encoded once for every connection ({@link MessageCodec#encode}). */
    private void deliverAll(List<? extends HubMessage> messages) {
        OutboundQueue queue = outbound;
        if (queue != null) {
            List<String> texts = new ArrayList<>(messages.size());
            for (HubMessage message : messages) {
                texts.add(codec.encode(message));
            }
            queue.offerAll(texts);
        }
    }

    private void reply(String code, String text, String ref) {
        String shortText = text == null ? code
                : text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
        deliver(new HubMessage.Error(code, shortText, ref));
    }

    private String rate() {
        double rate = limits.rateLimit().messagesPerSecond();
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private String describe() {
        return "terminal " + identity.terminal() + " of session " + identity.session();
    }
}
