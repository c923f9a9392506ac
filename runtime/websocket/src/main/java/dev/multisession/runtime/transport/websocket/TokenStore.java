package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.util.Optional;

/**
 * Answers which terminal a bearer token belongs to. The server asks it once per WebSocket
 * upgrade; the identity it returns is fixed for the whole connection.
 */
@FunctionalInterface
public interface TokenStore {

    /**
     * The session and terminal the token was issued for, or empty when the token is unknown,
     * revoked or blank. Implementations must not log the token.
     */
    Optional<TerminalIdentity> authenticate(String token);
}
