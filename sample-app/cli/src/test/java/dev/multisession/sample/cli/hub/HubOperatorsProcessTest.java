package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.sample.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hub --metrics --admin} in its own JVM, and {@code hub admin} talking to it. */
class HubOperatorsProcessTest {

    private static final String ADMIN_TOKEN = "a-long-admin-token-for-the-cli-test";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theOperatorPortServesMetricsAndTheAdminActions() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), ADMIN_TOKEN + "\n");
        Path wrongFile = Files.writeString(dir.resolve("wrong.token"), "not-the-admin-token-at-all-000000\n");
        try (SqliteHubStore store = SqliteHubStore.open(dir.resolve("hub.db"))) {
            store.inSession("bistro", tx -> null); // a session the hub holds
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process hub = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "hub", "--sqlite", dir.resolve("hub.db").toString(), "--host", "127.0.0.1",
                "--port", "0", "--metrics", "--admin", "--operator-port", "0", "--node", "till-1",
                "--admin-token-file", tokenFile.toString())).redirectError(dir.resolve("hub.log").toFile()).start();
        try {
            URI operators = operatorUri(hub);
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operators
                    .resolve("/metrics")).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.body().contains("multisession_connections{node=\"till-1\"}"), scrape.body());

            Run closed = run("hub", "admin", "close-day", "--operator-url", operators.toString(), "--session",
                    "bistro", "--admin-token-file", tokenFile.toString());
            assertEquals(0, closed.exit(), closed.err());
            assertEquals("{\"runId\":2}", closed.out().strip());

            Run mistyped = run("hub", "admin", "close-day", "--operator-url", operators.toString(), "--session",
                    "bistrot", "--admin-token-file", tokenFile.toString());
            assertEquals(AdminCommand.NOT_FOUND, mistyped.exit(), mistyped.err());
            assertTrue(mistyped.err().contains("HTTP 404): {\"error\":\"no session bistrot"), mistyped.err());
            HttpResponse<String> state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operators
                    .resolve("/admin/api/state")).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(state.body().contains("bistrot"), state.body());

            Run refused = run("hub", "admin", "disconnect", "--operator-url", operators.toString(), "--session",
                    "bistro", "--terminal", "bar", "--admin-token-file", wrongFile.toString());
            assertEquals(AdminCommand.REFUSED, refused.exit());
            // one line a shell can read, not the server's HTML error page
            assertEquals("the hub refused disconnect (HTTP 401): {\"error\":\"the admin token is required"
                    + " (Authorization: Bearer <admin token>)\"}", refused.err().strip());
            assertFalse(Files.readString(dir.resolve("hub.log")).contains(ADMIN_TOKEN), "the token is never logged");
        } finally {
            hub.destroy();
            hub.waitFor(20, TimeUnit.SECONDS);
            hub.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aFileTokenRevokedThroughTheRunningHubClosesItsConnection() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), ADMIN_TOKEN + "\n");
        Path config = dir.resolve("tokens.json");
        String terminalToken = TerminalTokens.open(config).issue("bistro", "bar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process hub = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "hub", "--config", config.toString(), "--sqlite", dir.resolve("hub.db").toString(),
                "--host", "127.0.0.1", "--port", "0", "--admin", "--operator-port", "0",
                "--admin-token-file", tokenFile.toString())).redirectError(dir.resolve("hub.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
            URI operators = URI.create(lineMatching(out, "^operators: (http://[^/]+)/"));
            URI terminals = URI.create(lineMatching(out, "^hub listening on (ws://[^,\\s]+)"));
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + terminalToken)
                    .buildAsync(terminals, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);

            Run revoked = run("hub", "admin", "revoke", "--operator-url", operators.toString(), "--session",
                    "bistro", "--terminal", "bar", "--admin-token-file", tokenFile.toString());
            assertEquals(0, revoked.exit(), revoked.err());
            assertEquals(1008, closed.get(30, TimeUnit.SECONDS), "the revoked token's connection is closed");
            socket.abort();
        } finally {
            hub.destroy();
            hub.waitFor(20, TimeUnit.SECONDS);
            hub.destroyForcibly();
        }
    }

    /** The first group of the first line of the hub's output that matches {@code regex}. */
    private String lineMatching(BufferedReader out, String regex) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                String text;
                while ((text = out.readLine()) != null) {
                    Matcher matcher = pattern.matcher(text);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return null;
        });
        String match = found.get(60, TimeUnit.SECONDS);
        assertTrue(match != null, "the hub printed " + regex + ": " + Files.readString(dir.resolve("hub.log")));
        return match;
    }

    @Test
    void theOperatorPortMayNotBeTheTerminalsAndNeedsTheAdminToken() {
        Run same = run("hub", "--sqlite", dir.resolve("a.db").toString(), "--port", "8123", "--metrics",
                "--operator-port", "8123", "--admin-token-file", dir.resolve("none").toString());
        assertEquals(CommandLine.ExitCode.USAGE, same.exit());
        assertTrue(same.err().contains("--operator-port must differ from --port"), same.err());

        Run missing = run("hub", "--sqlite", dir.resolve("b.db").toString(), "--admin", "--admin-token-file",
                dir.resolve("none").toString());
        assertEquals(CommandLine.ExitCode.USAGE, missing.exit());
        assertTrue(missing.err().contains("cannot read --admin-token-file"), missing.err());
        assertFalse(Files.exists(dir.resolve("b.db")), "nothing was opened");
    }

    /** The address the hub prints for its operator server. */
    private URI operatorUri(Process hub) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        Pattern line = Pattern.compile("^operators: (http://[^/]+)/");
        CompletableFuture<URI> found = CompletableFuture.supplyAsync(() -> {
            try {
                String text;
                while ((text = out.readLine()) != null) {
                    Matcher matcher = line.matcher(text);
                    if (matcher.find()) {
                        return URI.create(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return null;
        });
        URI uri = found.get(60, TimeUnit.SECONDS);
        assertTrue(uri != null, "the hub started its operator server: " + Files.readString(dir.resolve("hub.log")));
        return uri;
    }
}
