package dev.multisession.runtime.codec;

import java.util.function.Consumer;

/**
 * Where a {@link PolymorphicCodec} reports an object it read as its base because it did not know
 * its subtype: the terminal that is applying a change listens on its own thread while it calls
 * the codecs, and tells its listeners. Outside such a call the report is only logged.
 */
public final class UnknownSubtypes {

    private static final ThreadLocal<Consumer<String>> LISTENER = new ThreadLocal<>();

    private UnknownSubtypes() {}

    /**
     * Runs {@code action} with {@code listener} receiving, on this thread, a message each time an
     * object of an unknown subtype is read as its base (the same message for the same subtype
     * name and base, so a listener that should hear of each once keeps the messages it heard).
     * The log has one warning per subtype name and base in the JVM; a bounded number of names per
     * base is reported at all.
     */
    public static void listening(Consumer<String> listener, Runnable action) {
        Consumer<String> previous = LISTENER.get();
        LISTENER.set(listener);
        try {
            action.run();
        } finally {
            if (previous == null) {
                LISTENER.remove();
            } else {
                LISTENER.set(previous);
            }
        }
    }

    static void report(String message) {
        Consumer<String> listener = LISTENER.get();
        if (listener != null) {
            listener.accept(message);
        }
    }
}
