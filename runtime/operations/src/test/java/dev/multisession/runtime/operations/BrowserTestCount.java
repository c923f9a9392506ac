package dev.multisession.runtime.operations;

import dev.multisession.runtime.store.jdbc.TaggedTestCount;

/**
 * Prints, at the end of a test run, how many tests tagged {@value #TAG} ran, failed and were
 * skipped: a machine without Chromium skips them (saying why), and CI fails on such a line.
 * Registered through {@code META-INF/services}.
 */
public final class BrowserTestCount extends TaggedTestCount {
    /** The tag of the tests that drive a real browser. */
    public static final String TAG = "browser";

    public BrowserTestCount() {
        super(TAG);
    }

    @Override
    protected String describe(int total) {
        return "Browser tests: " + total + " ran in headless Chromium";
    }
}
