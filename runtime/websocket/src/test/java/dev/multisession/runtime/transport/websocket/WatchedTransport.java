package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.transport.TerminalTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transport that notes the errors, drops and refusals its terminal is told about. */
final class WatchedTransport implements TerminalTransport {

    final List<HubMessage.Error> errors = new CopyOnWriteArrayList<>();
    final List<String> drops = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    private final TerminalTransport delegate;

    WatchedTransport(TerminalTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start(Listener listener) {
        delegate.start(new Listener() {
            @Override
            public void connected() {
                listener.connected();
            }

            @Override
            public void received(HubMessage message) {
                if (message instanceof HubMessage.Error error) {
                    errors.add(error);
                }
                listener.received(message);
            }

            @Override
            public void disconnected(String reason) {
                drops.add(reason);
                listener.disconnected(reason);
            }

            @Override
            public void unauthorized(String reason) {
                refusals.add(reason);
                listener.unauthorized(reason);
            }
        });
    }

    @Override
    public boolean send(ClientMessage message) {
        return delegate.send(message);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
