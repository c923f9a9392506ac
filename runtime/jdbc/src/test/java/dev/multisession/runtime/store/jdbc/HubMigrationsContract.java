package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the hub's schema migrations promise on every database: a database made before Flyway is
 * taken over without loss, and a schema this code cannot vouch for is refused at start-up.
 */
abstract class HubMigrationsContract {
    /** A plain connection (auto-commit on) to an empty database of the test's own. */
    abstract Connection connect() throws SQLException;

    /** A hub store on that database. */
    abstract HubStore openStore();

    /** Fills the database the way the runner before Flyway did, at {@code version}. */
    abstract void createLegacy(Connection connection, int version) throws SQLException;

    @Test
    void aDatabaseMadeBeforeFlywayIsBaselinedAndKeepsItsData() throws SQLException {
        try (Connection connection = connect()) {
            createLegacy(connection, 1);
        }
        try (HubStore store = openStore()) {
            assertEquals(new SessionHead(2, 7, 3, 1), store.inSession(LegacyHubDatabase.SESSION, tx -> tx.head()));
            List<StoredOrder> orders = store.inSession(LegacyHubDatabase.SESSION, tx -> tx.openOrders());
            assertEquals(1, orders.size());
            assertEquals(LegacyHubDatabase.ORDER_UID, orders.get(0).uid());
            assertEquals("T7", orders.get(0).data().get("table").asText());
            assertEquals(new TerminalCursor(11, 7), store.inSession(LegacyHubDatabase.SESSION, tx -> tx.terminal("bar")));
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version, type FROM flyway_schema_history ORDER BY installed_rank")) {
            assertTrue(rs.next());
            assertEquals("1", rs.getString(1));
            assertEquals("BASELINE", rs.getString(2));
            // the later migrations follow; V1 must not run again on a baselined database
            while (rs.next()) {
                assertTrue(Integer.parseInt(rs.getString(1)) > 1, "ran again: V" + rs.getString(1));
            }
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM log")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        try (HubStore again = openStore()) {
            assertEquals(7, again.inSession(LegacyHubDatabase.SESSION, tx -> tx.head()).seq());
        }
    }

    @Test
    void aDatabaseMadeBeforeFlywayAtAnUnknownVersionIsRefused() throws SQLException {
        try (Connection connection = connect()) {
            createLegacy(connection, 99);
        }
        StoreException refused = assertThrows(StoreException.class, this::openStore);
        assertTrue(refused.getMessage().contains("schema is at version 99"), refused.getMessage());
    }

    @Test
    void anAppliedVersionThisCodeDoesNotKnowIsRefused() throws SQLException {
        openStore().close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 1, 'test', 0, " + trueLiteral() + ")");
        }
        StoreException refused = assertThrows(StoreException.class, this::openStore);
        assertTrue(refused.getMessage().contains("99"), refused.getMessage());
    }

    @Test
    void anAppliedScriptThatWasEditedAfterwardsIsRefused() throws SQLException {
        openStore().close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        StoreException refused = assertThrows(StoreException.class, this::openStore);
        assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("checksum"), refused.getMessage());
    }

    /** How the database writes a true boolean in the history table. */
    String trueLiteral() {
        return "true";
    }
}
