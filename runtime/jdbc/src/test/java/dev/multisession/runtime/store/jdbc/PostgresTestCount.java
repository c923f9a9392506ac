package dev.multisession.runtime.store.jdbc;

/**
 * Prints, at the end of a test run, how many tests tagged {@value #TAG} ran, failed and were
 * skipped, and on which server: a green run shows that the PostgreSQL store was exercised.
 * Registered through {@code META-INF/services}, so every module that uses the test fixture
 * reports it.
 */
public final class PostgresTestCount extends TaggedTestCount {
    /** The tag of the tests that run on PostgreSQL. */
    public static final String TAG = "postgresql";

    public PostgresTestCount() {
        super(TAG);
    }

    @Override
    protected String describe(int total) {
        return "PostgreSQL tests: " + total + " ran on " + PostgresServer.kind();
    }
}
