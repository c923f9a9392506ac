package dev.multisession.runtime.transport.websocket;

/**
 * How fast one connection may send messages: a token bucket refilled at
 * {@code messagesPerSecond} holding at most {@code burst} messages. A message over the rate is
 * answered with a {@code rate_limited} error and dropped; a client that keeps flooding, so
 * that more than {@code disconnectAfter} messages are dropped within one second, is
 * disconnected with close code 1008 (policy violation).
 *
 * @param messagesPerSecond the sustained rate, above zero
 * @param burst             how many messages may arrive at once, at least one
 * @param disconnectAfter   dropped messages per second that end the connection, at least one
 */
public record RateLimit(double messagesPerSecond, int burst, int disconnectAfter) {

    /** 200 messages per second, bursts of 400, disconnect after 400 dropped in a second. */
    public static final RateLimit DEFAULT = new RateLimit(200, 400, 400);

    public RateLimit {
        if (!(messagesPerSecond > 0) || burst < 1 || disconnectAfter < 1) {
            throw new IllegalArgumentException("rate limit needs messagesPerSecond > 0, burst >= 1 and disconnectAfter >= 1, got "
                    + messagesPerSecond + ", " + burst + ", " + disconnectAfter);
        }
    }
}
