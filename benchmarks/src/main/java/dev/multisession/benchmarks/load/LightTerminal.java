package dev.multisession.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One simulated POS device that keeps no models: a raw WebSocket client (the JDK's
 * {@link HttpClient}, whose connections all share one selector thread) that speaks the protocol
 * of docs/PROTOCOL.md — {@code hello}, {@code mutate} within a window of unanswered mutations,
 * {@code ping} — and decodes every message the hub sends with the protocol's own decoder. It
 * remembers only the uids of its session's orders (from the broadcasts), so one process can
 * play thousands of terminals without its own CPU hiding the hub's latency.
 *
 * <p>Latency is end to end: from the moment the pacer scheduled an edit until another terminal
 * of the session has decoded the hub's broadcast of it (both in this JVM, so one clock). The
 * scheduled moment, not the send, starts the clock, so time an edit spends waiting for the
 * window counts too.
 */
final class LightTerminal implements WebSocket.Listener, DrivenTerminal {

    /** Unanswered mutations at most, as the Java terminal keeps by default. */
    static final int WINDOW = 64;
    /** Edits waiting for the window at most; further ones are shed and counted. */
    static final int BACKLOG = 500;
    /** Send times by mutation id modulo this; far more than can be in flight. */
    private static final int RING = 1 << 10;

    private static final MessageCodec CODEC = MessageCodec.instance();

    final String id;
    final String session;
    private final String token;
    private final boolean alone;
    private final Map<String, LightTerminal> everyone;
    private final MeasureWindow window;
    private final SplittableRandom random;
    private final int lines;
    private final AtomicLongArray scheduledAt = new AtomicLongArray(RING);

    // guarded by this
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private final List<String> orders = new ArrayList<>();
    private long runId;
    private long nextMutationId = 1;
    private long acked;

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();

    private final LightStats stats;

    LightTerminal(String id, String session, String token, boolean alone, int lines, Map<String, LightTerminal> everyone,
            MeasureWindow window, LightStats stats, long seed) {
        this.stats = stats;
        this.id = id;
        this.session = session;
        this.token = token;
        this.alone = alone;
        this.lines = lines;
        this.everyone = everyone;
        this.window = window;
        this.random = new SplittableRandom(seed);
    }

    /** Opens the connection and says hello; completes when the hub's {@code welcome} arrived. */
    CompletableFuture<Void> connect(HttpClient http, URI hub) {
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(60))
                .buildAsync(hub, this)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        welcomed.completeExceptionally(failure);
                    }
                });
        return welcomed;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
            sending = CompletableFuture.completedFuture(webSocket);
        }
        send(new ClientMessage.Hello(session, id, "waiter " + id, 0, 0, 1));
        webSocket.request(1);
    }

    /** Creates {@code count} orders of the template's shape, each with fresh order and line uids. */
    void openOrders(int count, ObjectNode template) {
        for (int i = 0; i < count; i++) {
            String uid = id + "-" + session + "-order-" + i;
            ObjectNode order = template.deepCopy();
            order.set("uid", TextNode.valueOf(uid));
            int l = 0;
            for (JsonNode line : order.withArray("lines")) {
                ((ObjectNode) line).set("uid", TextNode.valueOf(lineUid(uid, l++)));
            }
            List<Op> ops = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = order.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                ops.add(new Op.Set(List.of(PathStep.key(field.getKey())), field.getValue()));
            }
            synchronized (this) {
                send(new ClientMessage.Mutate(nextMutationId++, runId, uid, 0, null, ops));
            }
        }
    }

    /** Whether every mutation sent so far is acknowledged and {@code expected} orders are known. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized boolean settled(int expected) {
        return acked == nextMutationId - 1 && orders.size() == expected;
    }

    /**
     * One edit the pacer scheduled at {@code scheduledNanos}: +1 on a random line of a random
     * order of the session, sent now if the window allows, else queued, else shed.
     */
    synchronized void edit(long scheduledNanos) {
        if (nextMutationId - 1 - acked < WINDOW && waiting.isEmpty()) {
            sendEdit(scheduledNanos);
        } else if (waiting.size() < BACKLOG) {
            waiting.add(scheduledNanos);
        } else {
            stats.shed.increment();
        }
    }

    /** A WebSocket ping, as the Java terminal's keep-alive sends; the pong is timed. */
    synchronized void ping() {
        if (socket == null) {
            return;
        }
        stats.pingsSent.increment();
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES).putLong(0, System.nanoTime());
        sending = sending.thenCompose(ws -> ws.sendPing(payload));
        sending.exceptionally(failure -> {
            stats.problems.increment();
            return null;
        });
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        long now = System.nanoTime();
        if (message.remaining() == Long.BYTES) {
            stats.pongsReceived.increment();
            stats.pongs.recordValue(Math.max(0, now - message.getLong(message.position())));
        }
        webSocket.request(1);
        return null;
    }

    private void sendEdit(long scheduledNanos) {
        if (orders.isEmpty()) {
            return;
        }
        String order = orders.get(random.nextInt(orders.size()));
        String line = lineUid(order, random.nextInt(lines));
        long mutationId = nextMutationId++;
        scheduledAt.set((int) (mutationId % RING), scheduledNanos);
        long now = System.nanoTime();
        if (window.contains(scheduledNanos)) {
            stats.lags.recordValue(PacingLag.nanos(now, scheduledNanos));
        }
        send(new ClientMessage.Mutate(mutationId, runId, order, 0, null, List.of(new Op.Add(
                List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf(line)), PathStep.key("qty")),
                IntNode.valueOf(1)))));
    }

    /** Queues the message behind the previous one: the WebSocket takes one send at a time. */
    private synchronized void send(ClientMessage message) {
        if (socket == null) {
            return;
        }
        String text = CODEC.encode(message);
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.exceptionally(failure -> {
            stats.problems.increment();
            return null;
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                received(CODEC.decodeHub(text));
            } catch (ProtocolException e) {
                stats.problems.increment();
            }
        }
        webSocket.request(1);
        return null;
    }

    private void received(HubMessage message) {
        long now = System.nanoTime();
        if (message instanceof HubMessage.Welcome welcome) {
            synchronized (this) {
                runId = welcome.runId();
            }
            welcomed.complete(null);
        } else if (message instanceof HubMessage.Change change) {
            changed(change, now);
        } else if (message instanceof HubMessage.Ack ack) {
            if (!ack.dropped().isEmpty()) {
                stats.problems.increment();
            }
            acknowledged(ack.mutationId());
        } else if (message instanceof HubMessage.Snapshot snapshot) {
            synchronized (this) {
                runId = snapshot.runId();
                for (HubMessage.OrderState state : snapshot.orders()) {
                    know(state.order());
                }
            }
        } else {
            stats.problems.increment(); // error, rejected, resend, removed: none expected here
        }
    }

    private void changed(HubMessage.Change change, long now) {
        String author = change.author().terminal();
        synchronized (this) {
            know(change.order());
        }
        if (author.equals(id)) {
            if (window.contains(now)) {
                stats.accepted.increment();
            }
            acknowledged(change.mutationId());
            if (!alone) {
                return;
            }
        }
        LightTerminal origin = everyone.get(author);
        if (origin == null) {
            return;
        }
        long scheduled = origin.scheduledAt.get((int) (change.mutationId() % RING));
        if (scheduled != 0 && window.contains(scheduled)) {
            stats.latencies.recordValue(Math.max(0, now - scheduled));
        }
    }

    private synchronized void acknowledged(long mutationId) {
        if (mutationId <= acked) {
            return;
        }
        acked = mutationId;
        while (nextMutationId - 1 - acked < WINDOW && !waiting.isEmpty()) {
            sendEdit(waiting.poll());
        }
    }

    private void know(String order) {
        if (!orders.contains(order)) {
            orders.add(order);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        stats.dropped.increment();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        stats.dropped.increment();
        welcomed.completeExceptionally(error);
    }

    @Override
    public synchronized int pending() {
        return (int) (nextMutationId - 1 - acked) + waiting.size();
    }

    void close() {
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null) {
            ws.abort();
        }
    }

    static String lineUid(String order, int index) {
        return order + "-" + index;
    }
}
