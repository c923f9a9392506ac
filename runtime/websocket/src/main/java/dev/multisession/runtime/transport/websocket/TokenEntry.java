package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * One issued token as it is stored: the terminal it belongs to and the SHA-256 of the token,
 * never the token itself.
 *
 * @param session  the multi-session the token may reach
 * @param terminal the terminal id the token stands for
 * @param sha256   lowercase hex SHA-256 of the token's UTF-8 bytes
 * @param created  when the token was issued
 */
public record TokenEntry(String session, String terminal, String sha256, Instant created) {
    public TokenEntry {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(created, "created");
    }

    /** The identity a connection authenticated with this token gets. */
    public TerminalIdentity identity() {
        return new TerminalIdentity(session, terminal);
    }
}
