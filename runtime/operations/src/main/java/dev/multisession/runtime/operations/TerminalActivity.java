package dev.multisession.runtime.operations;

import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the admin page shows of the terminals that a hub node has seen since it started: whether
 * each is online, its user, when it was last heard of, and the latest conflicts and refusals of
 * each session. Fed as a {@link HubObserver}; every change bumps {@link #version()}, which the
 * page's live stream watches. Thread-safe.
 */
public final class TerminalActivity implements HubObserver {

    /** How many conflicts and refusals a session keeps for the page. */
    static final int RECENT = 50;

    /** One terminal as last seen. */
    public record Seen(String session, String terminal, int connections, String user, Instant lastSeen) {}

    /** A refused mutation or an operation dropped as a conflict. */
    public record Incident(Instant at, String session, String terminal, String kind, String reason, String message) {}

    private final Clock clock;
    private final Map<TerminalIdentity, Seen> terminals = new LinkedHashMap<>();
    private final Map<String, Deque<Incident>> incidents = new LinkedHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public TerminalActivity() {
        this(Clock.systemUTC());
    }

    TerminalActivity(Clock clock) {
        this.clock = clock;
    }

    /** One up on every change: the live stream sends a new picture when it moved. */
    public long version() {
        return version.get();
    }

    /** Every terminal seen, by session then first appearance. */
    public synchronized List<Seen> terminals() {
        return new ArrayList<>(terminals.values());
    }

    /** The session's latest conflicts and refusals, newest first. */
    public synchronized List<Incident> incidents(String session) {
        Deque<Incident> recent = incidents.get(session);
        return recent == null ? List.of() : new ArrayList<>(recent);
    }

    @Override
    public synchronized void connected(TerminalIdentity terminal) {
        Seen seen = terminals.get(terminal);
        terminals.put(terminal, new Seen(terminal.session(), terminal.terminal(),
                (seen == null ? 0 : seen.connections()) + 1, seen == null ? null : seen.user(), clock.instant()));
        version.incrementAndGet();
    }

    @Override
    public synchronized void greeted(TerminalIdentity terminal, String user, CatchUp how) {
        Seen seen = terminals.get(terminal);
        terminals.put(terminal, new Seen(terminal.session(), terminal.terminal(),
                seen == null ? 1 : seen.connections(), user, clock.instant()));
        version.incrementAndGet();
    }

    @Override
    public synchronized void disconnected(TerminalIdentity terminal) {
        Seen seen = terminals.get(terminal);
        if (seen != null) {
            terminals.put(terminal, new Seen(seen.session(), seen.terminal(), Math.max(0, seen.connections() - 1),
                    seen.user(), clock.instant()));
        }
        version.incrementAndGet();
    }

    @Override
    public synchronized void answered(TerminalIdentity terminal, HubMessage reply) {
        Instant now = clock.instant();
        Seen seen = terminals.get(terminal);
        if (seen != null) {
            terminals.put(terminal, new Seen(seen.session(), seen.terminal(), seen.connections(), seen.user(), now));
        }
        if (reply instanceof HubMessage.Ack ack) {
            for (HubMessage.DroppedOp dropped : ack.dropped()) {
                record(new Incident(now, terminal.session(), terminal.terminal(), "conflict", dropped.reason(),
                        dropped.message()));
            }
        } else if (reply instanceof HubMessage.Rejected rejected) {
            record(new Incident(now, terminal.session(), terminal.terminal(), "refused", rejected.reason(),
                    rejected.message()));
        } else if (reply instanceof HubMessage.Error error) {
            record(new Incident(now, terminal.session(), terminal.terminal(), "refused", error.code(),
                    error.message()));
        }
        version.incrementAndGet();
    }

    @Override
    public synchronized void rateLimited(TerminalIdentity terminal) {
        record(new Incident(clock.instant(), terminal.session(), terminal.terminal(), "refused", "rate_limited",
                "queue full or over the message rate"));
        version.incrementAndGet();
    }

    @Override
    public void reset(String session, long runId) {
        version.incrementAndGet();
    }

    private void record(Incident incident) {
        Deque<Incident> recent = incidents.computeIfAbsent(incident.session(), s -> new ArrayDeque<>());
        recent.addFirst(incident);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }
}
