package dev.multisession.runtime.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a change and when the hub accepted it: JSON {@code {"terminal":..,"user":..,"time":..}}
 * with {@code time} as ISO-8601. {@code user} may be null.
 */
public record Author(String terminal, String user, Instant time) {

    /**
     * The most characters of a user (a {@code hello}'s, a {@code mutate}'s or a {@code remove}'s):
     * the hub records it for the order and for every element a change touches, so a long one
     * would make an order's info, and every snapshot, thousands of times the message's size.
     */
    public static final int MAX_USER_CHARS = 200;

    public Author {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(time, "time");
    }
}
