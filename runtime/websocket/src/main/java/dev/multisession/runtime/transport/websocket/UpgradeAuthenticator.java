package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenHash;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a WebSocket upgrade before any hub state exists for it. The token comes from
 * {@code Authorization: Bearer <token>} or, for browsers (whose WebSocket API cannot set
 * headers), from the {@code token} query parameter. A missing or unknown token gets
 * {@code 401} and the upgrade never happens.
 */
final class UpgradeAuthenticator implements WebSocketCreator {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeAuthenticator.class);
    private static final String BEARER = "Bearer ";

    private final TokenStore tokens;
    private final HubEndpoint hub;
    private final ConnectionLimits limits;
    private final OpenSockets open;
    private final HubObserver observer;

    UpgradeAuthenticator(TokenStore tokens, HubEndpoint hub, ConnectionLimits limits, OpenSockets open,
            HubObserver observer) {
        this.observer = observer;
        this.tokens = tokens;
        this.open = open;
        this.hub = hub;
        this.limits = limits;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Optional<String> token = token(request);
        long revocationCheckpoint = open.checkpoint(); // before the check: what is revoked after it is looked at again
        Optional<TerminalIdentity> identity;
        try {
            identity = token.flatMap(tokens::authenticate);
        } catch (RuntimeException e) {
            // the token store could not answer (its database is down): not the terminal's fault
            LOG.error("cannot check the token of a WebSocket upgrade from {}", Request.getRemoteAddr(request), e);
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "the hub cannot check tokens now; try again later");
            return null;
        }
        if (identity.isEmpty()) {
            // The token itself is never logged, only where the attempt came from.
            LOG.warn("refused a WebSocket upgrade from {}: missing or unknown token",
                    Request.getRemoteAddr(request));
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"multisession\"");
            Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401,
                    "a valid terminal token is required (Authorization: Bearer <token>)");
            return null;
        }
        return new HubSocket(identity.get(), TokenHash.hash(token.get()), revocationCheckpoint, open, observer, hub,
                limits);
    }

    /** The bearer token of the request; the header wins over the query parameter. */
    static Optional<String> token(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        Fields query = Request.extractQueryParameters(request);
        String token = query.getValue("token");
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
    }
}
