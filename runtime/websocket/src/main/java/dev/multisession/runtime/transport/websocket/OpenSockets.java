package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The terminals' sockets open on one server, so that an operator's action can close those of
 * one token (revoked) or one terminal (disconnected) without waiting for them to send anything.
 *
 * <p>A token is checked at the upgrade and its socket registered here only once open; a
 * revocation heard in between would find nothing to close. So every upgrade takes a
 * {@link #checkpoint()} before its token is checked, and a socket that registers looks again
 * at the revocations heard since: a revocation either is recorded before the socket looks, or
 * finds the socket registered when it closes its token's sockets.
 */
final class OpenSockets {

    /** Revocations kept for sockets still between their check and their registration. */
    static final int REMEMBERED = 4096;

    private final Set<HubSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong heard = new AtomicLong();
    /** The latest revocations heard, by their number here, the token's hash. */
    private final ConcurrentNavigableMap<Long, String> revoked = new ConcurrentSkipListMap<>();

    /** Taken before an upgrade's token is checked; the socket hands it back to {@link #opened}. */
    long checkpoint() {
        return heard.get();
    }

    /**
     * Registers an open socket, then closes it at once if its token was revoked after its
     * {@code checkpoint}: that revocation may have looked for it before it was here. A socket
     * that waited so long that the revocations since were forgotten is closed too, to reconnect
     * and be checked again.
     */
    void opened(HubSocket socket, long checkpoint) {
        sockets.add(socket);
        Map.Entry<Long, String> oldest = revoked.firstEntry();
        if (oldest != null && oldest.getKey() > checkpoint + 1) {
            socket.closeFor("token revocations were missed during the upgrade; reconnect to be checked again");
            return;
        }
        if (revoked.tailMap(checkpoint, false).containsValue(socket.tokenSha256())) {
            socket.closeFor("token revoked");
        }
    }

    void closed(HubSocket socket) {
        sockets.remove(socket);
    }

    /** Closes every socket that authenticated with the token of this hash; returns how many. */
    int closeToken(String sha256, String reason) {
        // recorded before the sockets are looked at: a socket registering meanwhile finds it
        long number = heard.incrementAndGet();
        revoked.put(number, sha256);
        revoked.headMap(number - REMEMBERED, true).clear();
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
