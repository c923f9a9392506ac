package dev.multisession.runtime.store.jdbc;

/**
 * What differs between the SQL databases the stores run on. Everything else (upserts with
 * {@code ON CONFLICT}, {@code LIMIT ?}, partial indexes) is written once in {@link HubSql}.
 */
public enum SqlDialect {
    /** SQLite 3.24 or later: JSON kept as text, the whole database is locked by a write transaction. */
    SQLITE("sqlite", "?", ""),
    /** PostgreSQL 12 or later: JSON kept as jsonb, a session is locked by its row. */
    POSTGRES("postgres", "CAST(? AS jsonb)", " FOR UPDATE");

    private final String resourceDirectory;
    private final String jsonParameter;
    private final String lockClause;

    SqlDialect(String resourceDirectory, String jsonParameter, String lockClause) {
        this.resourceDirectory = resourceDirectory;
        this.jsonParameter = jsonParameter;
        this.lockClause = lockClause;
    }

    /** Where this dialect's migrations live on the class path, e.g. {@code db/sqlite}. */
    public String migrationsPath() {
        return "db/" + resourceDirectory;
    }

    /** A parameter placeholder for a JSON text bound with {@code setString}. */
    String jsonParameter() {
        return jsonParameter;
    }

    /**
     * What follows the select of a session's head to lock that session until the transaction
     * ends. Empty for SQLite, whose write transactions ({@code BEGIN IMMEDIATE}) already exclude
     * each other.
     */
    String lockClause() {
        return lockClause;
    }
}
