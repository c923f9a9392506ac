package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Metrics and the admin API answer only to the admin token, on the operator port only; the
 * operators' actions do what they say.
 */
class OperatorSecurityTest {

    @TempDir
    Path dir;
    private OperatorNode node;
    private String terminalToken;

    @BeforeEach
    void start() {
        node = new OperatorNode(dir);
        terminalToken = node.tokens.issue("bistro", "bar");
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/admin/api/state", "/admin/api/events"})
    void withoutTheAdminTokenNothingIsShown(String path) throws Exception {
        URI uri = node.operatorUri(path);
        for (String wrong : new String[] {null, "", "admin-token-for-tests-012345678X", terminalToken}) {
            OperatorNode.Answer refused = node.call("GET", uri, wrong);
            assertEquals(401, refused.statusCode(), path + " with " + (wrong == null ? "no token" : "a wrong token"));
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertFalse(refused.body().contains("bistro"), refused.body());
        }
    }

    @Test
    void actionsWithoutTheAdminTokenChangeNothing() throws Exception {
        for (String action : new String[] {"close-day", "disconnect", "revoke"}) {
            OperatorNode.Answer refused = node.call("POST",
                    node.operatorUri("/admin/api/" + action + "?session=bistro&terminal=bar"), terminalToken);
            assertEquals(401, refused.statusCode(), action);
        }
        assertEquals(1L, (long) node.store.inSession("bistro", tx -> tx.head().runId()), "the day was not closed");
        assertTrue(node.tokens.authenticate(terminalToken).isPresent(), "the token was not revoked");
    }

    @Test
    void neitherMetricsNorTheAdminPageAreOnTheTerminalsPort() throws Exception {
        URI terminals = URI.create("http://127.0.0.1:" + node.server.port());
        for (String path : new String[] {"/metrics", "/admin/", "/admin/api/state"}) {
            OperatorNode.Answer answer = node.call("GET", terminals.resolve(path), OperatorNode.ADMIN_TOKEN);
            assertEquals(404, answer.statusCode(), path);
        }
    }

    @Test
    void anAdminTokenTooShortToBeSafeIsRefusedAtStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OperatorServer.builder().adminToken("short"));
        assertTrue(refused.getMessage().contains("at least 24"), refused.getMessage());
        IllegalStateException nothing = assertThrows(IllegalStateException.class,
                () -> OperatorServer.builder().port(0).adminToken(OperatorNode.ADMIN_TOKEN).start());
        assertTrue(nothing.getMessage().contains("serves nothing"), nothing.getMessage());
    }

    @Test
    void theOperatorsActionsCloseTheDayDisconnectAndRevoke() throws Exception {
        try (ProtocolTerminal bar = new ProtocolTerminal(node.server.loopbackUri(), terminalToken)) {
            bar.hello("bistro", "bar", "anna");
            assertTrue(bar.set(1, 1, "O1", "table", "T1").contains("\"ack\""));

            OperatorNode.Answer closed = node.call("POST", node.operatorUri("/admin/api/close-day?session=bistro"),
                    OperatorNode.ADMIN_TOKEN);
            assertEquals(200, closed.statusCode(), closed.body());
            assertEquals("{\"runId\":2}", closed.body());
            bar.await("\"snapshot\"");

            OperatorNode.Answer disconnected = node.call("POST",
                    node.operatorUri("/admin/api/disconnect?session=bistro&terminal=bar"), OperatorNode.ADMIN_TOKEN);
            assertEquals("{\"closed\":1}", disconnected.body());
            assertEquals(StatusCode.POLICY_VIOLATION, bar.closed.get(20, TimeUnit.SECONDS));
        }
        try (ProtocolTerminal again = new ProtocolTerminal(node.server.loopbackUri(), terminalToken)) {
            again.hello("bistro", "bar", "anna");
            OperatorNode.Answer revoked = node.call("POST",
                    node.operatorUri("/admin/api/revoke?session=bistro&terminal=bar"), OperatorNode.ADMIN_TOKEN);
            assertEquals("{\"revoked\":true}", revoked.body());
            assertEquals(StatusCode.POLICY_VIOLATION, again.closed.get(20, TimeUnit.SECONDS));
        }
        assertFalse(node.tokens.authenticate(terminalToken).isPresent());
    }

    @Test
    void closingTheDayOfAnUnknownSessionIsNotFoundAndCreatesNothing() throws Exception {
        OperatorNode.Answer answer = node.call("POST", node.operatorUri("/admin/api/close-day?session=bistrot"),
                OperatorNode.ADMIN_TOKEN);
        assertEquals(404, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"error\":\"no session bistrot in this hub's store: check its name (GET /admin/api/state lists"
                + " the sessions)\"}\n", answer.body());
        assertTrue(node.store.readCommitted("bistrot").isEmpty(), "the mistyped session was created");
    }

    @Test
    void anActionTheStoreFailsIsAOneLineJsonError() throws Exception {
        node.store.inSession("bistro", tx -> null);
        node.store.close(); // the store stops answering
        OperatorNode.Answer answer = node.call("POST", node.operatorUri("/admin/api/close-day?session=bistro"),
                OperatorNode.ADMIN_TOKEN);
        assertEquals(500, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().startsWith("{\"error\":\"close-day failed: "), answer.body());
        assertEquals(1, answer.body().strip().lines().count(), answer.body());
    }

    @Test
    void anActionWithoutItsSessionIsABadRequest() throws Exception {
        OperatorNode.Answer answer = node.call("POST", node.operatorUri("/admin/api/disconnect?session=bistro"),
                OperatorNode.ADMIN_TOKEN);
        assertEquals(400, answer.statusCode());
        OperatorNode.Answer get = node.call("GET", node.operatorUri("/admin/api/revoke?session=bistro&terminal=bar"),
                OperatorNode.ADMIN_TOKEN);
        assertEquals(405, get.statusCode());
    }

    @Test
    void everyRefusalOfTheApiIsOneLineOfJsonForScripts() throws Exception {
        OperatorNode.Answer wrongToken = node.call("POST",
                node.operatorUri("/admin/api/revoke?session=bistro&terminal=bar"), terminalToken);
        assertEquals(401, wrongToken.statusCode());
        assertTrue(wrongToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertOneLineOfJson(wrongToken, "{\"error\":\"the admin token is required (Authorization: Bearer <admin token>)\"}");

        OperatorNode.Answer wrongMethod = node.call("GET",
                node.operatorUri("/admin/api/revoke?session=bistro&terminal=bar"), OperatorNode.ADMIN_TOKEN);
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertOneLineOfJson(wrongMethod, "{\"error\":\"/admin/api/revoke is POST only\"}");

        OperatorNode.Answer postedRead = node.call("POST", node.operatorUri("/admin/api/state"), OperatorNode.ADMIN_TOKEN);
        assertEquals(405, postedRead.statusCode());
        assertEquals("GET", postedRead.headers().firstValue("Allow").orElse(""));
        assertOneLineOfJson(postedRead, "{\"error\":\"/admin/api/state is GET only\"}");
        assertTrue(node.tokens.authenticate(terminalToken).isPresent(), "the token was not revoked");
    }

    @Test
    void aMistypedActionIsNamedAsUnknownWhateverItsMethodAndQuery() throws Exception {
        for (String method : new String[] {"POST", "GET"}) {
            OperatorNode.Answer answer = node.call(method, node.operatorUri("/admin/api/revok"), OperatorNode.ADMIN_TOKEN);
            assertEquals(404, answer.statusCode(), method);
            assertOneLineOfJson(answer, "{\"error\":\"unknown action revok: close-day, disconnect or revoke\"}");
        }
    }

    private static void assertOneLineOfJson(OperatorNode.Answer answer, String expected) {
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        assertEquals(expected, answer.body().strip());
        assertEquals(1, answer.body().strip().lines().count(), answer.body());
    }
}
