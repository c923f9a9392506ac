package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The terminals' sockets open on one server, so that an operator's action can close those of
 * one token (revoked) or one terminal (disconnected) without waiting for them to send anything.
 */
final class OpenSockets {

    private final Set<HubSocket> sockets = ConcurrentHashMap.newKeySet();

    void opened(HubSocket socket) {
        sockets.add(socket);
    }

    void closed(HubSocket socket) {
        sockets.remove(socket);
    }

    /** Closes every socket that authenticated with the token of this hash; returns how many. */
    int closeToken(String sha256, String reason) {
        return close(socket -> socket.tokenSha256().equals(sha256), reason);
    }

    /** Closes every socket of this terminal; returns how many. */
    int closeTerminal(TerminalIdentity identity, String reason) {
        return close(socket -> socket.identity().equals(identity), reason);
    }

    private int close(Predicate<HubSocket> which, String reason) {
        int closed = 0;
        for (HubSocket socket : sockets) {
            if (which.test(socket)) {
                socket.closeFor(reason);
                closed++;
            }
        }
        return closed;
    }
}
