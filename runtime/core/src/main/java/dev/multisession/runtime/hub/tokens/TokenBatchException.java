package dev.multisession.runtime.hub.tokens;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.util.OptionalInt;

/**
 * A batch of tokens was refused because of one of its terminals, before anything was written: no
 * token of the batch was issued. The message names the pair by its place in the batch, counting
 * from 1, and by its ids; {@link #index()} lets a caller name it its own way (a line of a file).
 */
public final class TokenBatchException extends IllegalArgumentException {

    /** The {@link #reason()} of a pair that appears twice in the batch. */
    public static final String REPEATED = "already in the batch";

    private static final long serialVersionUID = 1L;

    private final int index;
    private final transient TerminalIdentity terminal;
    private final String reason;
    private final int repeatedIndex;

    TokenBatchException(int index, TerminalIdentity terminal, String reason) {
        this(index, terminal, reason, -1);
    }

    TokenBatchException(int index, TerminalIdentity terminal, String reason, int repeatedIndex) {
        super("pair " + (index + 1) + " of the batch" + (terminal == null ? "" : " (" + describe(terminal) + ")")
                + ": " + reason + (repeatedIndex < 0 ? "" : " as pair " + (repeatedIndex + 1))
                + "; no token was issued");
        this.index = index;
        this.terminal = terminal;
        this.reason = reason;
        this.repeatedIndex = repeatedIndex;
    }

    /** The session and terminal in words, quoted so that blank ids show. */
    public static String describe(TerminalIdentity terminal) {
        return "session \"" + terminal.session() + "\", terminal \"" + terminal.terminal() + "\"";
    }

    /** Where the refused pair is in the batch, from 0. */
    public int index() {
        return index;
    }

    /** The refused pair; null when the batch held null in its place. */
    public TerminalIdentity terminal() {
        return terminal;
    }

    /** Why it was refused, without the pair's place and ids. */
    public String reason() {
        return reason;
    }

    /** For a pair that appears twice, where it appeared first (from 0); empty otherwise. */
    public OptionalInt repeatedIndex() {
        return repeatedIndex < 0 ? OptionalInt.empty() : OptionalInt.of(repeatedIndex);
    }
}
