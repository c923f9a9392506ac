package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus scrapes the operator port after real traffic from a terminal on a real WebSocket. */
class MetricsEndpointTest {

    @TempDir
    Path dir;
    private OperatorNode node;

    @BeforeEach
    void start() {
        node = new OperatorNode(dir);
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    @Test
    void theScrapeCountsConnectionsCatchUpsMutationsByOutcomeBatchesAndCommits() throws Exception {
        try (ProtocolTerminal bar = new ProtocolTerminal(node.server.loopbackUri(), node.tokens.issue("bistro", "bar"))) {
            bar.hello("bistro", "bar", "anna");
            assertTrue(bar.set(1, 1, "O1", "table", "T1").contains("\"ack\""));
            assertTrue(bar.set(2, 1, "O1", "note", "window").contains("\"ack\""));
            assertTrue(bar.set(3, 7, "O1", "note", "old run").contains("stale_run"));

            OperatorNode.Answer scrape = node.call("GET", node.operatorUri("/metrics"), OperatorNode.ADMIN_TOKEN);

            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = scrape.body();
            assertEquals(1.0, sample(text, "multisession_connections", "node=\"node-a\""));
            assertEquals(1.0, sample(text, "multisession_sessions", "node=\"node-a\""));
            assertEquals(0.0, sample(text, "multisession_queue_mutations", "node=\"node-a\""));
            assertEquals(1.0, sample(text, "multisession_catchups_total", "how=\"replay\""));
            assertEquals(2.0, sample(text, "multisession_mutations_total", "outcome=\"accepted\""));
            assertEquals(1.0, sample(text, "multisession_mutations_total", "reason=\"stale_run\""));
            assertEquals(3.0, sample(text, "multisession_batch_mutations_sum", "node=\"node-a\""));
            assertEquals(3.0, sample(text, "multisession_commit_seconds_count", "node=\"node-a\""));
            assertTrue(text.contains("multisession_commit_seconds_bucket{"), "a histogram for Grafana");
            assertEquals(0.0, sample(text, "multisession_store_errors_total", "node=\"node-a\""));
            assertEquals(0.0, sample(text, "multisession_rate_limited_total", "node=\"node-a\""));
        }
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private static double sample(String scrape, String name, String label) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (matcher.find()) {
            if (matcher.group(1).contains(label)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + label + " in:\n" + scrape);
    }
}
