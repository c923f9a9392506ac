package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.sample.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Numbers the hub cannot run with are a usage error before any file or database is opened. */
class HubOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--pg-pool, 0", "--workers, 0", "--log-size, -1", "--max-batch, 0", "--queue-per-session, 0",
        "--queue-per-connection, 0", "--pg-lock-timeout, -5"})
    void aNumberOutOfRangeIsAUsageErrorNamingTheOption(String option, String value) {
        Path database = dir.resolve("hub.db");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("hub", "--config", dir.resolve("hub.json").toString(), "--sqlite",
                database.toString(), option, value);
        assertEquals(CommandLine.ExitCode.USAGE, exit, err.toString());
        assertTrue(err.toString().contains(option + " must be at least"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(database), "nothing was opened");
    }
}
