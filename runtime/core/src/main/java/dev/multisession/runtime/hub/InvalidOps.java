package dev.multisession.runtime.hub;

import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for a mutation whose operations, or whose resulting order, the session's model
 * refused, so that a client sending what its model does not allow is visible to the operator, not
 * only to the client.
 */
final class InvalidOps {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidOps.class);

    private InvalidOps() {}

    /**
     * Logs the refusals {@code reply} carries, if it is an ack that dropped invalid operations or
     * a mutation rejected whole as invalid.
     */
    static void log(HubMessage reply, TerminalConnection from) {
        if (reply instanceof HubMessage.Rejected rejected && Reason.INVALID.equals(rejected.reason())) {
            LOG.info("mutate {} of {}: refused whole as invalid: {}", rejected.mutationId(), from, rejected.message());
            return;
        }
        if (!(reply instanceof HubMessage.Ack ack) || ack.dropped().isEmpty()) {
            return;
        }
        int invalid = 0;
        HubMessage.DroppedOp first = null;
        for (HubMessage.DroppedOp dropped : ack.dropped()) {
            if (Reason.INVALID.equals(dropped.reason())) {
                invalid++;
                first = first == null ? dropped : first;
            }
        }
        if (first != null) {
            LOG.info("mutate {} of {}: {} operation(s) refused as invalid, first: {}", ack.mutationId(), from, invalid,
                    first.message());
        }
    }
}
