package dev.multisession.benchmarks.startup;

import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Opens one terminal's SQLite file once, in a JVM of its own, and prints how long that took:
 * what a terminal pays at start-up, class loading included, which a second open in the same JVM
 * would hide. {@link TerminalStartup} runs it many times.
 */
@Command(name = "TerminalStoreOpen", mixinStandardHelpOptions = true,
        description = "Opens a terminal store once and prints open_ns=<nanoseconds>.")
public final class TerminalStoreOpen implements Callable<Integer> {

    /** How the schema is brought up to date. */
    enum Runner {
        /** {@link SqliteTerminalStore#open}, as shipped. */
        SHIPPED,
        /** Flyway on the same scripts, then the same connection settings. */
        FLYWAY
    }

    @Parameters(index = "0", description = "SHIPPED or FLYWAY")
    Runner runner;

    @Parameters(index = "1", description = "the terminal's SQLite file")
    Path file;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TerminalStoreOpen()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        switch (runner) {
            case SHIPPED -> SqliteTerminalStore.open(file).close();
            case FLYWAY -> openWithFlyway();
        }
        System.out.println("open_ns=" + (System.nanoTime() - start));
        return 0;
    }

    private void openWithFlyway() throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure(TerminalStoreOpen.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/terminal")
                .group(true)
                .placeholderReplacement(false)
                .load()
                .migrate();
        // the store keeps one writer connection open; open it too so both arms end at the same point
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
        }
    }
}
