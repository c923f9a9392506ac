package dev.multisession.runtime.operations;

/** Revokes a terminal's token, as the admin page's button asks: {@code StoredTokens::revoke} or {@code TerminalTokens::revoke}. */
@FunctionalInterface
public interface TokenRevoker {
    /** Returns whether the terminal had a valid token. */
    boolean revoke(String session, String terminal);
}
