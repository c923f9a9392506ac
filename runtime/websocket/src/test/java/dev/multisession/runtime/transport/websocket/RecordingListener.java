package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Records transport events as text ("connected", "received:welcome", "disconnected:…") and checks they never overlap. */
final class RecordingListener implements TerminalTransport.Listener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<HubMessage> messages = new LinkedBlockingQueue<>();
    private final AtomicBoolean inCall = new AtomicBoolean();
    private volatile boolean overlapped;
    private volatile Runnable onConnected = () -> {};

    void onConnected(Runnable action) {
        this.onConnected = action;
    }

    @Override
    public void connected() {
        call(() -> {
            events.add("connected");
            onConnected.run();
        });
    }

    @Override
    public void received(HubMessage message) {
        call(() -> {
            events.add("received:" + message.type());
            messages.add(message);
        });
    }

    @Override
    public void disconnected(String reason) {
        call(() -> events.add("disconnected:" + reason));
    }

    @Override
    public void unauthorized(String reason) {
        call(() -> events.add(reason));
    }

    boolean overlapped() {
        return overlapped;
    }

    /** Waits for the next event starting with {@code prefix}, skipping others; fails after {@code seconds}. */
    String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new AssertionError("no \"" + prefix + "\" event within " + seconds + " s");
            }
            if (event.startsWith(prefix)) {
                return event;
            }
        }
    }

    private void call(Runnable body) {
        if (!inCall.compareAndSet(false, true)) {
            overlapped = true;
        }
        try {
            body.run();
        } finally {
            inCall.set(false);
        }
    }

}
