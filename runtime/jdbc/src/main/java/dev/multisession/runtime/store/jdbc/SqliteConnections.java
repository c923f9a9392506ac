package dev.multisession.runtime.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens connections to one SQLite file with the settings every store needs: write-ahead
 * log (readers never block the writer), the chosen sync level, a busy timeout for the rare
 * outside reader such as a backup, and write transactions that start with
 * {@code BEGIN IMMEDIATE} so that two writers never both read and then fail to upgrade.
 */
final class SqliteConnections {
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final SqliteSync sync;

    SqliteConnections(Path file, SqliteSync sync) {
        this.file = file.toAbsolutePath();
        this.sync = sync;
    }

    Path file() {
        return file;
    }

    /** A connection for write transactions: auto-commit off, each transaction {@code BEGIN IMMEDIATE}. */
    Connection openWriter() throws SQLException {
        createParentDirectories();
        SQLiteConfig config = baseConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection(url());
        connection.setAutoCommit(false);
        return connection;
    }

    /** A connection for reads outside write transactions (auto-commit: each read sees the latest commit). */
    Connection openReader() throws SQLException {
        return baseConfig().createConnection(url());
    }

    /**
     * A data source with the same settings, for code that opens and closes its own connections
     * (the schema migrations); creates the parent directories first.
     */
    DataSource dataSource() {
        createParentDirectories();
        SQLiteDataSource dataSource = new SQLiteDataSource(baseConfig());
        dataSource.setUrl(url());
        return dataSource;
    }

    private SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(sync == SqliteSync.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    private String url() {
        return "jdbc:sqlite:" + file;
    }

    private void createParentDirectories() {
        Path parent = file.getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create directory " + parent + " for " + file.getFileName(), e);
            }
        }
    }
}
