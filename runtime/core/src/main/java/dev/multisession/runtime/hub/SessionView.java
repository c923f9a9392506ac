package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import java.util.Optional;

/**
 * What {@link MutationRules} may read of a session while deciding: its head, its orders and
 * where it stands with each terminal. {@link SessionWorkingCopy} serves it inside a
 * transaction; tests serve it from a table.
 */
interface SessionView {

    SessionHead head();

    /** The order as decided so far, open or removed; empty if the session never had it. */
    Optional<StoredOrder> order(String uid);

    /** The last mutation applied from a terminal, {@link TerminalCursor#NONE} if none. */
    TerminalCursor terminal(String terminalId);
}
