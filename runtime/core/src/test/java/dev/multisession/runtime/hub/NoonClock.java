package dev.multisession.runtime.hub;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A hub's clock that stands at noon, UTC. The rules read it once for each mutation they decide,
 * so a test that overrides {@link #instant} can count the decisions or make one fail.
 */
class NoonClock extends Clock {

    static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    @Override
    public Instant instant() {
        return NOON;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
