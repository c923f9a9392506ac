package dev.multisession.runtime.transport.websocket;

import java.time.Duration;
import java.util.Objects;

/**
 * What one terminal connection may do.
 *
 * @param maxMessageBytes    largest text message accepted; a larger one closes the connection with 1009
 * @param rateLimit          how many messages per second it may send
 * @param outboundQueueLimit messages that may wait to be written before the connection is dropped as too slow
 * @param idleTimeout        a connection silent for this long is closed (clients ping well within it)
 */
public record ConnectionLimits(int maxMessageBytes, RateLimit rateLimit, int outboundQueueLimit, Duration idleTimeout) {

    /** 1 MiB messages, {@link RateLimit#DEFAULT}, 10,000 queued messages, 60 seconds idle. */
    public static final ConnectionLimits DEFAULT =
            new ConnectionLimits(1 << 20, RateLimit.DEFAULT, 10_000, Duration.ofSeconds(60));

    public ConnectionLimits {
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxMessageBytes < 256) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 256, got " + maxMessageBytes);
        }
        if (outboundQueueLimit < 1) {
            throw new IllegalArgumentException("outboundQueueLimit must be at least 1, got " + outboundQueueLimit);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
    }
}
