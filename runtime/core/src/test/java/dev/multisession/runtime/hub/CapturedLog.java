package dev.multisession.runtime.hub;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is logged while an action runs on the calling thread. The tests' logging backend
 * (slf4j-simple) writes to whatever {@code System.err} is at the moment it writes, so this
 * swaps it for the action, and passes the text on to the real one afterwards so the build's
 * output still shows it.
 */
final class CapturedLog {

    private CapturedLog() {}

    /** Runs {@code action} and returns the text logged meanwhile, stack traces included. */
    static String during(Runnable action) {
        PrintStream real = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(real);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        real.print(text);
        return text;
    }

    /** How many lines of {@code log} contain {@code text}. */
    static long lines(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).count();
    }

    /** {@code log} without the frames of its stack traces, short enough for an assertion's message. */
    static String withoutStackFrames(String log) {
        return String.join("\n", log.lines().filter(line -> !line.startsWith("\tat ")).toList());
    }
}
