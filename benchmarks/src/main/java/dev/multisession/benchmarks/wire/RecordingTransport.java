package dev.multisession.benchmarks.wire;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.transport.ForwardingTerminalTransport;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a terminal's transport and records, as the encoded bytes that travel on the wire, every
 * mutation the terminal sends and every change the hub broadcasts back.
 */
final class RecordingTransport extends ForwardingTerminalTransport {

    private final MessageCodec codec = MessageCodec.instance();
    private final List<String> sentMutations = new ArrayList<>();
    private final List<String> receivedChanges = new ArrayList<>();

    RecordingTransport(TerminalTransport delegate) {
        super(delegate);
    }

    @Override
    protected Listener listen(Listener terminal) {
        return new ForwardingListener(terminal) {
            @Override
            public void received(HubMessage message) {
                if (message instanceof HubMessage.Change) {
                    synchronized (RecordingTransport.this) {
                        receivedChanges.add(codec.encode(message));
                    }
                }
                super.received(message);
            }
        };
    }

    @Override
    public boolean send(ClientMessage message) {
        if (message instanceof ClientMessage.Mutate) {
            synchronized (this) {
                sentMutations.add(codec.encode(message));
            }
        }
        return super.send(message);
    }

    synchronized void clear() {
        sentMutations.clear();
        receivedChanges.clear();
    }

    synchronized List<String> sentMutations() {
        return List.copyOf(sentMutations);
    }

    synchronized List<String> receivedChanges() {
        return List.copyOf(receivedChanges);
    }

    static int bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
