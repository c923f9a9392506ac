package dev.multisession.runtime.hub.tokens;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the terminals of a batch of tokens to issue, before a token store writes anything: each
 * must pass the store's own check for a single terminal, and none may appear twice (it could hold
 * only one of its two tokens). The token stores call it first, so a refused batch changes nothing.
 */
public final class TokenBatch {

    /** A token store's check of one terminal's ids, as its single issue makes it. */
    @FunctionalInterface
    public interface IdCheck {
        /**
         * @throws IllegalArgumentException saying what is wrong with the ids
         */
        void check(String session, String terminal);
    }

    private TokenBatch() {}

    /**
     * Checks every terminal of the batch, in order.
     *
     * @throws TokenBatchException for the first terminal that is missing, fails {@code check} or
     *     repeats an earlier one
     */
    public static void check(List<TerminalIdentity> terminals, IdCheck check) {
        Objects.requireNonNull(terminals, "terminals");
        Objects.requireNonNull(check, "check");
        Map<TerminalIdentity, Integer> seen = new HashMap<>();
        for (int index = 0; index < terminals.size(); index++) {
            TerminalIdentity terminal = terminals.get(index);
            if (terminal == null) {
                throw new TokenBatchException(index, null, "no terminal given");
            }
            try {
                check.check(terminal.session(), terminal.terminal());
            } catch (IllegalArgumentException e) {
                throw new TokenBatchException(index, terminal, e.getMessage());
            }
            Integer earlier = seen.putIfAbsent(terminal, index);
            if (earlier != null) {
                throw new TokenBatchException(index, terminal, TokenBatchException.REPEATED, earlier);
            }
        }
    }
}
