package dev.multisession.runtime.transport;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.Objects;

/**
 * A transport that passes everything on to another one. Subclass it to watch or change what a
 * terminal sends ({@link #send}) and what it is told ({@link #listen}), for logging, metrics or
 * tests, without re-writing the forwarding of every call — and without forgetting one: a wrapper
 * that forwards {@code disconnected} but not {@code unauthorized} would hide a refused token.
 */
public abstract class ForwardingTerminalTransport implements TerminalTransport {

    private final TerminalTransport delegate;

    protected ForwardingTerminalTransport(TerminalTransport delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void start(Listener listener) {
        delegate.start(listen(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * The listener handed to the wrapped transport; by default the terminal's own. Return a
     * {@link ForwardingListener} that overrides the calls to watch.
     */
    protected Listener listen(Listener terminal) {
        return terminal;
    }

    @Override
    public boolean send(ClientMessage message) {
        return delegate.send(message);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** A listener that passes every call on to another one; override the calls to watch and call {@code super}. */
    public static class ForwardingListener implements Listener {
        private final Listener delegate;

        public ForwardingListener(Listener delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public void connected() {
            delegate.connected();
        }

        @Override
        public void received(HubMessage message) {
            delegate.received(message);
        }

        @Override
        public void disconnected(String reason) {
            delegate.disconnected(reason);
        }

        @Override
        public void unreadable(String reason) {
            delegate.unreadable(reason);
        }

        @Override
        public void unauthorized(String reason) {
            delegate.unauthorized(reason);
        }
    }
}
