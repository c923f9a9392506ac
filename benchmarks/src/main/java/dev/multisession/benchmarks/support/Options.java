package dev.multisession.benchmarks.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} command-line options. */
public final class Options {

    private Options() {}

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
