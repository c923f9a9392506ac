package dev.multisession.runtime.operations;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, how many tests tagged {@value #TAG} ran, failed and were
 * skipped: a machine without Chromium skips them (saying why), and CI fails on such a line.
 * Registered through {@code META-INF/services}.
 */
public final class BrowserTestCount implements TestExecutionListener {
    /** The tag of the tests that drive a real browser. */
    public static final String TAG = "browser";

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
            System.out.printf("Browser tests: %d ran in headless Chromium: %d passed, %d failed, %d skipped%n", total,
                    passed.get(), failed.get(), skipped.get());
        }
    }

    private static boolean tagged(TestIdentifier test) {
        return test.getTags().contains(TestTag.create(TAG));
    }
}
