package dev.multisession.runtime.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.transport.websocket.HubServer;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin page reads and does on one hub node: the picture of its sessions and
 * terminals, and the operator's actions — close a session's day, disconnect a terminal (here),
 * revoke a terminal's token (everywhere, when the tokens are in the hub's database). Each action
 * is logged with what it did.
 */
public final class AdminConsole {

    private static final Logger LOG = LoggerFactory.getLogger(AdminConsole.class);

    private final Hub hub;
    private final TerminalActivity activity;
    private final AdminState state;
    private final ToIntFunction<TerminalIdentity> disconnect;
    private final TokenRevoker revoker;

    /**
     * @param hub      the node's hub, built with {@code activity} among its observers
     * @param activity what the hub's observer has seen of the terminals
     * @param node     the node's name, shown on the page
     * @param server   the node's WebSocket server, whose connections "disconnect" closes
     * @param revoker  how to revoke a terminal's token
     */
    public AdminConsole(Hub hub, TerminalActivity activity, String node, HubServer server, TokenRevoker revoker) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.state = new AdminState(hub, activity, Objects.requireNonNull(node, "node"), Clock.systemUTC());
        this.disconnect = Objects.requireNonNull(server, "server")::disconnect;
        this.revoker = Objects.requireNonNull(revoker, "revoker");
    }

    /** The page's picture of the node now. */
    public ObjectNode state() {
        return state.snapshot();
    }

    /** Moves whenever something the page shows may have changed. */
    public long version() {
        return activity.version();
    }

    /**
     * Closes the day of {@code session}; returns the new run id, or empty if the hub's store has
     * never held that session (a mistyped name must not create one).
     */
    public OptionalLong closeDay(String session) {
        // the head alone says whether the store holds the session: no need to read its orders
        if (hub.config().store().readHead(session).isEmpty()) {
            LOG.warn("an operator asked to close the day of session {}, which this hub's store does not hold;"
                    + " nothing done", session);
            return OptionalLong.empty();
        }
        long run = hub.resetSession(session);
        LOG.warn("an operator closed the day of session {}: run {} begins", session, run);
        return OptionalLong.of(run);
    }

    /** Closes the terminal's connections on this node; returns how many. It may connect again. */
    public int disconnect(String session, String terminal) {
        int closed = disconnect.applyAsInt(new TerminalIdentity(session, terminal));
        LOG.warn("an operator disconnected terminal {} of session {} ({} connection(s) closed)", terminal, session,
                closed);
        return closed;
    }

    /** Revokes the terminal's token; its connections close. Returns whether it had one. */
    public boolean revoke(String session, String terminal) {
        boolean revoked = revoker.revoke(session, terminal);
        LOG.warn("an operator revoked the token of terminal {} of session {}{}", terminal, session,
                revoked ? "" : " (it had none)");
        return revoked;
    }
}
