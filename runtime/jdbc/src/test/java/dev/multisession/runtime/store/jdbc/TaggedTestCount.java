package dev.multisession.runtime.store.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, how many tests with one tag ran, failed and were skipped,
 * so that CI can fail on tests that need something the machine lacked (a server, a browser)
 * while the build stayed green. Subclasses are registered through {@code META-INF/services}.
 */
public abstract class TaggedTestCount implements TestExecutionListener {

    private final TestTag tag;
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    protected TaggedTestCount(String tag) {
        this.tag = TestTag.create(tag);
    }

    /** The start of the printed line, such as {@code "PostgreSQL tests: 3 ran on a server"}. */
    protected abstract String describe(int total);

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest() && test.getTags().contains(tag)) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest() || !test.getTags().contains(tag)) {
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
            System.out.printf("%s: %d passed, %d failed, %d skipped%n", describe(total), passed.get(), failed.get(),
                    skipped.get());
        }
    }
}
