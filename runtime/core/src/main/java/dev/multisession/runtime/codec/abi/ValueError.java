package dev.multisession.runtime.codec.abi;

/**
 * A value that cannot be read, naming the key it was read under. A collection that reads its
 * elements under its own key puts the element's index or name into the key when one fails
 * ({@link #within}), so the message names the full path without the element being read again.
 */
final class ValueError extends IllegalArgumentException {

    private final String key;
    private final String problem;

    /** @param problem what is wrong, after the quoted key: {@code "must be an object or null, …"} */
    ValueError(String key, String problem, Throwable cause) {
        super("'" + key + "' " + problem, cause);
        this.key = key;
        this.problem = problem;
    }

    /**
     * This error with {@code step} ({@code "[3]"}, {@code ".bar"}) put after {@code key}, the
     * key an element was read under; as it is if it did not come from that read.
     */
    ValueError within(String key, String step) {
        if (!startsWithStep(this.key, key)) {
            return this;
        }
        ValueError moved = new ValueError(key + step + this.key.substring(key.length()), problem, getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** Whether {@code path} is {@code key} or a path below it (not merely a longer key that starts alike). */
    private static boolean startsWithStep(String path, String key) {
        if (!path.startsWith(key)) {
            return false;
        }
        return path.length() == key.length() || path.charAt(key.length()) == '[' || path.charAt(key.length()) == '.';
    }
}
