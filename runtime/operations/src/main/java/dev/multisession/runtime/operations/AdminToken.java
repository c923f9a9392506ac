package dev.multisession.runtime.operations;

import dev.multisession.runtime.hub.tokens.TokenHash;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The operators' bearer token. Only its SHA-256 is kept; a request is let in when its
 * {@code Authorization: Bearer} header hashes to it (compared in constant time). A terminal's
 * token is just another wrong token here.
 */
final class AdminToken {

    private static final String BEARER = "Bearer ";
    /** Shorter tokens are easy to guess; generated ones are far longer. */
    static final int MIN_LENGTH = 24;

    private final String sha256;

    private AdminToken(String sha256) {
        this.sha256 = sha256;
    }

    static AdminToken of(String clearToken) {
        Objects.requireNonNull(clearToken, "adminToken");
        if (clearToken.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_LENGTH
                    + " characters long: use a long random value (openssl rand -base64 32)");
        }
        return new AdminToken(TokenHash.hash(clearToken.strip()));
    }

    boolean admits(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return !token.isEmpty() && TokenHash.matches(token, sha256);
    }
}
