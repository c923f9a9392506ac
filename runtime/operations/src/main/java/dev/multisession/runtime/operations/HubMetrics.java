package dev.multisession.runtime.operations;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import io.micrometer.core.instrument.Counter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hub's metrics in a Micrometer registry, every one tagged with the hub node's name
 * ({@code node}) so that the nodes of one PostgreSQL can be told apart and summed. Give it to
 * the hub as its observer, then {@link #watch} the built hub for the gauges:
 *
 * <pre>{@code
 * HubMetrics metrics = new HubMetrics(registry, "node-1");
 * Hub hub = Hub.builder().store(store).observer(metrics).build();
 * metrics.watch(hub);
 * }</pre>
 *
 * <p>The names as Prometheus shows them are listed in docs/OPERATIONS.md.
 */
public final class HubMetrics implements HubObserver {

    // found once per outcome and reason, not looked up in the registry for every answer (the
    // reasons are the hub's own codes, so these maps stay small)
    private final Map<String, Counter> mutations = new ConcurrentHashMap<>();
    private final Map<String, Counter> conflicts = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Tags node;
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter rateLimited;
    private final Counter storeErrors;
    private final Counter resets;
    private final Counter replays;
    private final Counter snapshots;
    private final DistributionSummary batchSizes;
    private final Timer commits;

    /** Metrics in {@code registry}, tagged {@code node=<node>}. */
    public HubMetrics(MeterRegistry registry, String node) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.node = Tags.of("node", Objects.requireNonNull(node, "node"));
        Gauge.builder("multisession.connections", connections, AtomicInteger::get).tags(this.node)
                .description("Terminal connections open on this node").register(registry);
        rateLimited = Counter.builder("multisession.rate.limited").tags(this.node)
                .description("Messages refused with rate_limited (queue full or over the per-connection rate)")
                .register(registry);
        storeErrors = Counter.builder("multisession.store.errors").tags(this.node)
                .description("Store calls that failed (answered internal)").register(registry);
        resets = Counter.builder("multisession.session.resets").tags(this.node)
                .description("Days closed (sessions reset to a new run)").register(registry);
        replays = catchUps("replay");
        snapshots = catchUps("snapshot");
        batchSizes = DistributionSummary.builder("multisession.batch.mutations").tags(this.node)
                .description("Mutations committed in one store transaction").publishPercentileHistogram()
                .maximumExpectedValue(1024.0).register(registry);
        commits = Timer.builder("multisession.commit").tags(this.node)
                .description("Time of one store transaction of mutations, from its start to its commit")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    private Counter catchUps(String how) {
        return Counter.builder("multisession.catchups").tags(node).tag("how", how)
                .description("Terminals brought up to date by replaying the log or with a snapshot")
                .register(registry);
    }

    /** Adds the gauges read from the hub itself: sessions and waiting mutations. */
    public void watch(Hub hub) {
        Gauge.builder("multisession.sessions", hub, h -> h.sessions().size()).tags(node)
                .description("Sessions this node has served since it started").register(registry);
        Gauge.builder("multisession.queue.mutations", hub, Hub::queuedMutations).tags(node)
                .description("Mutations waiting in the sessions' queues").register(registry);
    }

    @Override
    public void connected(TerminalIdentity terminal) {
        connections.incrementAndGet();
    }

    @Override
    public void disconnected(TerminalIdentity terminal) {
        connections.decrementAndGet();
    }

    @Override
    public void greeted(TerminalIdentity terminal, String user, CatchUp how) {
        caughtUp(how);
    }

    @Override
    public void synced(TerminalIdentity terminal, CatchUp how) {
        caughtUp(how);
    }

    private void caughtUp(CatchUp how) {
        (how == CatchUp.SNAPSHOT ? snapshots : replays).increment();
    }

    @Override
    public void answered(TerminalIdentity terminal, HubMessage reply) {
        String outcome;
        String reason;
        if (reply instanceof HubMessage.Ack ack) {
            outcome = ack.duplicate() ? "duplicate" : "accepted";
            reason = "";
            for (HubMessage.DroppedOp dropped : ack.dropped()) {
                conflicts.computeIfAbsent(dropped.reason(), r -> Counter.builder("multisession.conflicts").tags(node)
                        .tag("reason", r).description("Operations of accepted mutations dropped as conflicts")
                        .register(registry)).increment();
            }
        } else if (reply instanceof HubMessage.Rejected rejected) {
            outcome = "refused";
            reason = rejected.reason();
        } else if (reply instanceof HubMessage.Error error) {
            outcome = "refused";
            reason = error.code();
        } else {
            outcome = "resend";
            reason = "";
        }
        mutations.computeIfAbsent(outcome + '\0' + reason, key -> Counter.builder("multisession.mutations").tags(node)
                .tag("outcome", outcome).tag("reason", reason)
                .description("Mutations answered, by outcome and refusal reason").register(registry)).increment();
    }

    @Override
    public void rateLimited(TerminalIdentity terminal) {
        rateLimited.increment();
    }

    @Override
    public void committed(String session, int mutations, long nanos) {
        batchSizes.record(mutations);
        commits.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void storeFailed(String session) {
        storeErrors.increment();
    }

    @Override
    public void reset(String session, long runId) {
        resets.increment();
    }
}
