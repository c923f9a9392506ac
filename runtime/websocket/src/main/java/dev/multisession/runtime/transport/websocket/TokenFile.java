package dev.multisession.runtime.transport.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the token file: a small JSON document listing, per terminal, the session,
 * the terminal id and the SHA-256 of its token.
 *
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "tokens" : [
 *     { "session" : "bistro", "terminal" : "bar", "sha256" : "9f2c…", "created" : "2025-01-31T08:00:00Z" }
 *   ]
 * }
 * }</pre>
 *
 * Writes go to a temporary file that is then moved over the old one, so a crash never leaves
 * half a file; on POSIX systems the file is readable by its owner only.
 */
final class TokenFile {

    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMappers.files();

    private TokenFile() {}

    /** The entries in {@code file}; an absent file holds none. */
    static List<TokenEntry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT
                || !root.path("tokens").isArray()) {
            throw new IllegalArgumentException("token file " + file
                    + " is not a format " + FORMAT + " token file (expected {\"format\":1,\"tokens\":[…]})");
        }
        List<TokenEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode token : root.get("tokens")) {
            entries.add(entry(file, index++, token));
        }
        return entries;
    }

    /** Replaces {@code file} with the given entries, atomically where the file system allows. */
    static void write(Path file, List<TokenEntry> entries) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode tokens = root.putArray("tokens");
        for (TokenEntry entry : entries) {
            tokens.addObject()
                    .put("session", entry.session())
                    .put("terminal", entry.terminal())
                    .put("sha256", entry.sha256())
                    .put("created", entry.created().toString());
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                ownerOnly(temp);
                MAPPER.writeValue(temp.toFile(), root);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token file " + file, e);
        }
    }

    private static TokenEntry entry(Path file, int index, JsonNode token) {
        String session = token.path("session").textValue();
        String terminal = token.path("terminal").textValue();
        String sha256 = token.path("sha256").textValue();
        String created = token.path("created").textValue();
        if (session == null || terminal == null || sha256 == null || sha256.length() != 64) {
            throw new IllegalArgumentException("token file " + file + ": entry " + index
                    + " needs text members session, terminal and sha256 (64 hex digits)");
        }
        try {
            return new TokenEntry(session, terminal, sha256, created == null ? Instant.EPOCH : Instant.parse(created));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("token file " + file + ": entry " + index
                    + " has a \"created\" that is not an ISO-8601 instant", e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
