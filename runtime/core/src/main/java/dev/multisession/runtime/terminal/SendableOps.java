package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.ValueLimits;
import java.util.List;

/**
 * Whether a terminal's own edit keeps the protocol's limits ({@link ValueLimits}: a string of
 * at most 10,000 characters, at most 1,000 operations, numbers below 10^38, ...). The hub
 * refuses a mutation that breaks them as {@code malformed} without consuming its id, so it
 * would stay first in the outbox and hold back every later edit of the terminal; the terminal
 * finds it before anything is sent, and refuses the edit as it refuses one that breaks the id
 * rules.
 */
final class SendableOps {

    private SendableOps() {}

    /** What in {@code ops} the hub would refuse, naming the operation's path; null if nothing. */
    static String problem(List<Op> ops) {
        if (ops.size() > ValueLimits.DEFAULT.maxOps()) {
            return ValueLimits.DEFAULT.check(ops);
        }
        for (Op op : ops) {
            String broken = ValueLimits.DEFAULT.check(op);
            if (broken != null) {
                return "path " + op.path() + ": " + broken;
            }
        }
        return null;
    }
}
