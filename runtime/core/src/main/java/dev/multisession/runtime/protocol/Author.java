package dev.multisession.runtime.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a change and when the hub accepted it: JSON {@code {"terminal":..,"user":..,"time":..}}
 * with {@code time} as ISO-8601. {@code user} may be null.
 */
public record Author(String terminal, String user, Instant time) {
    public Author {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(time, "time");
    }
}
