package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.sample.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hub token create | list | revoke} against the hub's SQLite database, as an operator types them. */
class TokenCommandsTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aTokenIsShownOnceListedByItsHashAndRevoked() {
        String db = dir.resolve("hub.db").toString();
        Run created = run("hub", "token", "create", "--sqlite", db, "--session", "bistro", "--terminal", "bar");
        assertEquals(0, created.exit(), created.err());
        String token = created.out().strip();
        assertTrue(token.startsWith("mst_"), created.out());
        try (SqliteHubStore store = SqliteHubStore.open(Path.of(db)); StoredTokens tokens = store.tokens()) {
            assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), tokens.authenticate(token));
        }

        Run listed = run("hub", "token", "list", "--sqlite", db);
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains("bistro") && listed.out().contains("bar"), listed.out());
        assertFalse(listed.out().contains(token), "the token is never shown again: " + listed.out());

        Run revoked = run("hub", "token", "revoke", "--sqlite", db, "--session", "bistro", "--terminal", "bar");
        assertEquals(0, revoked.exit(), revoked.err());
        try (SqliteHubStore store = SqliteHubStore.open(Path.of(db)); StoredTokens tokens = store.tokens()) {
            assertEquals(Optional.empty(), tokens.authenticate(token));
        }
        Run again = run("hub", "token", "revoke", "--sqlite", db, "--session", "bistro", "--terminal", "bar");
        assertEquals(TokenRevokeCommand.NOT_FOUND, again.exit());
        assertTrue(again.err().contains("no valid token"), again.err());
    }

    @Test
    void withoutAPlaceForTheTokensItIsAUsageError() {
        Run run = run("hub", "token", "list");
        assertEquals(CommandLine.ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("--config") && run.err().contains("--sqlite"), run.err());
    }
}
