package dev.multisession.runtime.store.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, how many tests tagged {@value #TAG} ran, failed and were
 * skipped, and on which server: a green run shows that the PostgreSQL store was exercised.
 * Registered through {@code META-INF/services}, so every module that uses the test fixture
 * reports it.
 */
public final class PostgresTestCount implements TestExecutionListener {
    /** The tag of the tests that run on PostgreSQL. */
    public static final String TAG = "postgresql";

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest() && tagged(test)) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() || !tagged(test)) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int total = passed.get() + failed.get() + skipped.get();
        if (total > 0) {
            System.out.printf("PostgreSQL tests: %d ran on %s: %d passed, %d failed, %d skipped%n", total,
                    PostgresServer.kind(), passed.get(), failed.get(), skipped.get());
        }
    }

    private static boolean tagged(TestIdentifier test) {
        return test.getTags().contains(TestTag.create(TAG));
    }
}
