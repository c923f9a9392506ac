package dev.multisession.runtime.store.memory;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link TerminalStore} in memory: it survives a {@link Terminal} being closed and rebuilt in
 * the same JVM (tests simulate a crash that way), not the process. Thread-safe.
 */
public final class InMemoryTerminalStore implements TerminalStore {

    private long runId;
    private long lastSeq;
    private long lastMutationId;
    private long lastTag;
    private final Map<String, HubMessage.OrderState> confirmed = new LinkedHashMap<>();
    private final TreeMap<Long, ClientMessage> outbox = new TreeMap<>();

    @Override
    public synchronized TerminalState load() {
        return new TerminalState(runId, lastSeq, lastMutationId, new ArrayList<>(confirmed.values()),
                new ArrayList<>(outbox.values()), lastTag);
    }

    @Override
    public synchronized void write(TerminalWrite write) {
        runId = write.runId();
        lastSeq = write.lastSeq();
        lastMutationId = write.lastMutationId();
        lastTag = write.lastTag();
        if (write.clearOrders()) {
            confirmed.clear();
        }
        for (String uid : write.deleteOrders()) {
            confirmed.remove(uid);
        }
        for (HubMessage.OrderState order : write.putOrders()) {
            confirmed.put(order.order(), order);
        }
        for (Long id : write.dequeue()) {
            outbox.remove(id);
        }
        for (ClientMessage entry : write.enqueue()) {
            outbox.put(TerminalWrite.mutationId(entry), entry);
        }
    }
}
