package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.sample.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        return runWithInput(new ByteArrayInputStream(new byte[0]), args);
    }

    /** Runs with {@code stdin} as the standard input of {@code hub token create}. */
    private Run runWithInput(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == TokenCreateCommand.class
                        ? (K) new TokenCreateCommand(stdin)
                        : CommandLine.defaultFactory().create(type);
            }
        });
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
    void aListOfTerminalsGetsItsTokensInOneBatchPrintedOnePerLine() throws Exception {
        String db = dir.resolve("hub.db").toString();
        Path list = Files.writeString(dir.resolve("terminals.txt"), """
                # the bistro's tills
                bistro,bar

                  bistro , kitchen\s
                cafe,till-1
                """);

        Run created = run("hub", "token", "create", "--sqlite", db, "--from", list.toString());

        assertEquals(0, created.exit(), created.err());
        List<String> lines = created.out().lines().toList();
        assertEquals(3, lines.size(), created.out());
        List<TerminalIdentity> expected = List.of(new TerminalIdentity("bistro", "bar"),
                new TerminalIdentity("bistro", "kitchen"), new TerminalIdentity("cafe", "till-1"));
        try (SqliteHubStore store = SqliteHubStore.open(Path.of(db)); StoredTokens tokens = store.tokens()) {
            for (int i = 0; i < expected.size(); i++) {
                String[] columns = lines.get(i).split("\t");
                assertEquals(3, columns.length, lines.get(i));
                assertEquals(expected.get(i), new TerminalIdentity(columns[0], columns[1]));
                assertEquals(Optional.of(expected.get(i)), tokens.authenticate(columns[2]));
            }
        }
        assertTrue(created.err().contains("Created 3 tokens"), created.err());
    }

    @Test
    void aMalformedLineIsReportedByItsNumberAndNoTokenIsCreated() throws Exception {
        assertEquals("line 3 is not session,terminal: \"bistro,\"",
                refusedList("bistro,bar\n# next: no terminal\nbistro,\n"));
    }

    @Test
    void aTerminalListedTwiceIsReportedByBothLinesAndNoTokenIsCreated() throws Exception {
        assertEquals("line 4 (session \"bistro\", terminal \"bar\"): already in the batch on line 1",
                refusedList("bistro,bar\nbistro,kitchen\n\nbistro, bar\n"));
    }

    /**
     * Runs {@code create --from} on a list that must be refused, checks that it exits with a usage
     * error, prints no token and stores none, and answers what it said was wrong.
     */
    private String refusedList(String content) throws Exception {
        String db = dir.resolve("hub.db").toString();
        Path list = Files.writeString(dir.resolve("terminals.txt"), content);

        Run created = run("hub", "token", "create", "--sqlite", db, "--from", list.toString());

        assertEquals(CommandLine.ExitCode.USAGE, created.exit());
        assertEquals("", created.out());
        assertEquals(List.of(), tokensIn(db));
        String error = created.err().strip();
        String prefix = "error: " + list + ": ";
        String suffix = "; no token was created";
        assertTrue(error.startsWith(prefix) && error.endsWith(suffix), error);
        return error.substring(prefix.length(), error.length() - suffix.length());
    }

    @Test
    void aBlankIdIsAUsageErrorWithTheReasonAndNoTokenIsCreated() {
        String db = dir.resolve("hub.db").toString();
        Run created = run("hub", "token", "create", "--sqlite", db, "--session", "bistro", "--terminal", " ");

        assertEquals(CommandLine.ExitCode.USAGE, created.exit());
        assertEquals("", created.out());
        assertEquals("error: terminal id must not be blank; no token was created", created.err().strip());
        assertEquals(List.of(), tokensIn(db));
    }

    @Test
    void aConfigFileThatHoldsNoTokensIsAUsageErrorWithTheReason() throws Exception {
        Path config = Files.writeString(dir.resolve("hub.json"), "{\"format\": \"something else\"}");
        Run single = run("hub", "token", "create", "--config", config.toString(), "--session", "bistro", "--terminal", "bar");
        Run listed = runWithInput(new ByteArrayInputStream("bistro,bar\n".getBytes(StandardCharsets.UTF_8)),
                "hub", "token", "create", "--config", config.toString(), "--from", "-");

        for (Run run : List.of(single, listed)) {
            assertOneLineError(run, CommandLine.ExitCode.USAGE, "error: token file " + config);
        }
        assertEquals("{\"format\": \"something else\"}", Files.readString(config), "the file is left as it was");
    }

    @Test
    void aTokenFileThatCannotBeWrittenIsReportedWithoutAStackTrace() throws Exception {
        // its directory cannot be made: a plain file holds the name (file permissions would not stop root)
        Path config = Files.writeString(dir.resolve("not-a-directory"), "").resolve("hub.json");
        Run single = run("hub", "token", "create", "--config", config.toString(), "--session", "bistro", "--terminal", "bar");
        Run listed = runWithInput(new ByteArrayInputStream("bistro,bar\n".getBytes(StandardCharsets.UTF_8)),
                "hub", "token", "create", "--config", config.toString(), "--from", "-");

        for (Run run : List.of(single, listed)) {
            assertOneLineError(run, CommandLine.ExitCode.SOFTWARE, "error: cannot write token file " + config);
        }
    }

    /** The command printed no token and one line of error, no stack trace, and exited with {@code exit}. */
    private static void assertOneLineError(Run run, int exit, String start) {
        assertEquals(exit, run.exit(), run.err());
        assertEquals("", run.out());
        String error = run.err().strip();
        assertTrue(error.startsWith(start) && error.endsWith("; no token was created") && !error.contains("\n"), error);
    }

    @Test
    void theListCanComeFromStandardInputIntoAConfigFile() {
        Path config = dir.resolve("hub.json");
        Run created = runWithInput(new ByteArrayInputStream("bistro,bar\nbistro,kitchen\n".getBytes(StandardCharsets.UTF_8)),
                "hub", "token", "create", "--config", config.toString(), "--from", "-");

        assertEquals(0, created.exit(), created.err());
        List<String> lines = created.out().lines().toList();
        assertEquals(2, lines.size(), created.out());
        TerminalTokens tokens = TerminalTokens.open(config);
        assertEquals(Optional.of(new TerminalIdentity("bistro", "kitchen")),
                tokens.authenticate(lines.get(1).split("\t")[2]));
        assertEquals(2, tokens.entries().size());
    }

    @Test
    void aListAndASingleTerminalTogetherAreAUsageError() {
        Run run = run("hub", "token", "create", "--sqlite", dir.resolve("hub.db").toString(), "--from", "-",
                "--session", "bistro", "--terminal", "bar");
        assertEquals(CommandLine.ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }

    private List<String> tokensIn(String db) {
        try (SqliteHubStore store = SqliteHubStore.open(Path.of(db)); StoredTokens tokens = store.tokens()) {
            return tokens.list().stream().map(t -> t.session() + "/" + t.terminal()).toList();
        }
    }

    @Test
    void withoutAPlaceForTheTokensItIsAUsageError() {
        Run run = run("hub", "token", "list");
        assertEquals(CommandLine.ExitCode.USAGE, run.exit());
        assertTrue(run.err().contains("--config") && run.err().contains("--sqlite"), run.err());
    }
}
