package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import java.util.Objects;

/**
 * The hub's side of one terminal's connection: what the hub knows of the connection (who, its
 * hello, how far it has been sent the session's events) and the door into the session's queue.
 */
final class TerminalConnection implements HubConnection {

    final TerminalIdentity identity;
    final MessageSink sink;
    private final SessionChannel channel;
    private final HubObserver observer;
    /** The last sequence number sent on this connection; guarded by the session's {@link Broadcaster}. */
    long sentSeq;
    /** Mutations of this connection waiting in the session's queue; guarded by the {@link SessionMailbox}. */
    int queuedMutations;
    volatile boolean closed;
    // written by the session's queue task only; volatile for operators' views
    private volatile boolean greeted;
    private volatile String user;

    TerminalConnection(TerminalIdentity identity, MessageSink sink, SessionChannel channel, HubObserver observer) {
        this.observer = observer;
        this.identity = Objects.requireNonNull(identity, "identity");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.channel = channel;
    }

    /** Checks what needs no state, then queues; the session's task does the rest. */
    @Override
    public void receive(ClientMessage message) {
        HubMessage.Error refused = MessageChecks.check(identity, message);
        if (refused != null) {
            sink.send(refused);
            return;
        }
        if (!channel.offer(this, message)) {
            observer.rateLimited(identity);
            sink.send(new HubMessage.Error(Reason.RATE_LIMITED, "the hub has too many changes of this session"
                    + " or this terminal waiting; this one was dropped, send it again later",
                    MessageChecks.referenceOf(message)));
        }
    }

    /** The terminal's hello was handled: from now on its mutations are decided. */
    void greeted(String user) {
        this.user = user;
        this.greeted = true;
    }

    boolean isGreeted() {
        return greeted;
    }

    /** The user of the hello; null before it. */
    String user() {
        return user;
    }

    MutationRules.Sender sender() {
        return new MutationRules.Sender(identity.terminal(), user, greeted);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.disconnected(this);
        observer.disconnected(identity);
    }

    @Override
    public String toString() {
        return "terminal " + identity.terminal() + " of session " + identity.session();
    }
}
