package dev.multisession.runtime.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL file from the class path cut into statements. A statement ends with a line whose
 * last character is {@code ;}; lines starting with {@code --} are comments. That is enough for
 * the DDL of the migrations and keeps the drivers' differing multi-statement support out of it.
 */
final class SqlScript {
    private SqlScript() {}

    static String resource(String path) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + path, e);
        }
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.length() == 0 ? "" : "\n").append(line.stripTrailing());
            if (trimmed.endsWith(";")) {
                current.setLength(current.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
