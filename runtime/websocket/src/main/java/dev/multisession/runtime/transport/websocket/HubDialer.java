package dev.multisession.runtime.transport.websocket;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty client a terminal opens its hub connections with: TLS trust, message and frame
 * limits, timeouts, and the terminal's token on every upgrade request. It knows nothing of
 * reconnecting or of the protocol; it dials and says whether a failure was a refused token.
 */
final class HubDialer {

    private static final Logger LOG = LoggerFactory.getLogger(HubDialer.class);

    private final URI uri;
    private final String token;
    private final Duration connectTimeout;
    private final WebSocketClient client;

    /**
     * @param trustStore the certificates trusted for {@code wss://}, or null for the JVM's default trust
     * @param idleTimeout how long a silent connection lasts (a backstop: the keep-alive decides first)
     */
    HubDialer(URI uri, String token, KeyStoreFile trustStore, int maxMessageBytes, Duration connectTimeout,
            Duration idleTimeout) {
        this.uri = uri;
        this.token = token;
        this.connectTimeout = connectTimeout;
        HttpClient http = new HttpClient();
        if (trustStore != null) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setTrustStorePath(trustStore.path().toAbsolutePath().toString());
            ssl.setTrustStorePassword(trustStore.password());
            ssl.setTrustStoreType(trustStore.type());
            http.setSslContextFactory(ssl);
        }
        this.client = new WebSocketClient(http);
        client.setMaxTextMessageSize(maxMessageBytes);
        client.setMaxFrameSize(maxMessageBytes);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(idleTimeout);
    }

    /** Starts the client's threads; needed once before the first {@link #dial}. */
    void start() {
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket client for " + uri, e);
        }
    }

    /** Opens a connection whose events go to {@code endpoint}; the future fails if the connection or the upgrade does. */
    CompletableFuture<Session> dial(Session.Listener endpoint) throws IOException {
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setHeader("Authorization", "Bearer " + token);
        request.setTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return client.connect(endpoint, request);
    }

    /** Closes every connection and stops the client's threads. */
    void stop() {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("WebSocket client for {} did not stop cleanly", uri, e);
        }
    }

    /** The HTTP status of a refused upgrade anywhere in the cause chain, or 0. */
    static int upgradeStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException upgrade) {
                return upgrade.getResponseStatusCode();
            }
            if (cause instanceof org.eclipse.jetty.websocket.core.exception.UpgradeException upgrade) {
                return upgrade.getResponseStatusCode();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }

    /** Whether a failed dial was the hub refusing the token. */
    static boolean refusedToken(Throwable failure) {
        int status = upgradeStatus(failure);
        return status == 401 || status == 403;
    }
}
