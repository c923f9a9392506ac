package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.transport.ForwardingTerminalTransport;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transport that notes the errors, drops and refusals its terminal is told about. */
final class WatchedTransport extends ForwardingTerminalTransport {

    final List<HubMessage.Error> errors = new CopyOnWriteArrayList<>();
    final List<String> drops = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    WatchedTransport(TerminalTransport delegate) {
        super(delegate);
    }

    @Override
    protected Listener listen(Listener terminal) {
        return new ForwardingListener(terminal) {
            @Override
            public void received(HubMessage message) {
                if (message instanceof HubMessage.Error error) {
                    errors.add(error);
                }
                super.received(message);
            }

            @Override
            public void disconnected(String reason) {
                drops.add(reason);
                super.disconnected(reason);
            }

            @Override
            public void unauthorized(String reason) {
                refusals.add(reason);
                super.unauthorized(reason);
            }
        };
    }
}
