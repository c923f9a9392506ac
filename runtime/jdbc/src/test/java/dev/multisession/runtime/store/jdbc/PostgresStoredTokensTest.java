package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each {@link #openTokens} is another hub node: its own store, pool and listener on one database. */
@Tag(PostgresTestCount.TAG)
class PostgresStoredTokensTest extends StoredTokensContract {
    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @Override
    StoredTokens openTokens() {
        PostgresHubStore store = PG.openHubStore(2);
        closeAfter(store);
        return store.tokens();
    }

    @Override
    Connection connect() throws Exception {
        return PG.connect();
    }
}
