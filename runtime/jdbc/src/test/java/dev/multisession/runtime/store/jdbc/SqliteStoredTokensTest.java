package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.SessionHead;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On SQLite every user of the tokens goes through the one store that has the file open. */
class SqliteStoredTokensTest extends StoredTokensContract {
    @TempDir
    Path dir;
    private SqliteHubStore store;

    @Override
    StoredTokens openTokens() {
        if (store == null) {
            store = SqliteHubStore.open(dir.resolve("hub.db"));
            closeAfter(store);
        }
        return store.tokens();
    }

    @Override
    Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
    }

    /** Tokens change between the hub's own transactions, which go on as before. */
    @Test
    void tokensChangeBetweenTheHubsTransactions() throws Exception {
        StoredTokens tokens = tokens();
        store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 1, 0, 0));
            return null;
        });
        String token = tokens.issue(session, "bar");
        assertEquals(1L, (long) store.inSession(session, tx -> tx.head().seq()));
        assertTrue(tokens.revoke(session, "bar"));
        assertEquals(Optional.empty(), tokens.authenticate(token));
    }

    /** The command line cannot open the file of a running hub: it is told so at once, nothing waits. */
    @Test
    void aSecondProcessOnTheFileOfARunningHubIsRefusedAtOnce() throws Exception {
        tokens();
        StoreException refused = assertThrows(StoreException.class, () -> SqliteHubStore.open(dir.resolve("hub.db")));
        assertTrue(refused.getMessage().contains("hub.db"), refused.getMessage());
    }
}
