package dev.multisession.runtime.hub.spi;

import java.util.Objects;

/**
 * The multi-session and terminal a connection was authenticated for. A connection can read
 * and write only its own session; a message naming another one is refused.
 */
public record TerminalIdentity(String session, String terminal) {
    public TerminalIdentity {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(terminal, "terminal");
    }
}
