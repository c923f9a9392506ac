package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenBatch;
import dev.multisession.runtime.hub.tokens.TokenBatchException;
import dev.multisession.runtime.hub.tokens.TokenHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of a hub's terminals, one per terminal, each bound to one session and one
 * terminal id. Only SHA-256 hashes are kept (see {@link TokenHash} for why that suffices);
 * {@link #issue} returns the clear token once and it cannot be recovered afterwards;
 * {@link #issueAll} does the same for many terminals at once.
 *
 * <p>A store opened on a file writes every change through to it and picks up changes other
 * processes make (for example a token issued from the command line while the hub runs): the
 * file's modification time is checked before each authentication. Thread-safe.
 */
public final class TerminalTokens implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalTokens.class);

    private final Path file;
    /** Replaces the file with the entries; {@link TokenFile#write} except in tests that count writes. */
    private final BiConsumer<Path, List<TokenEntry>> write;
    private final Clock clock;
    /** Keyed by session and terminal: a terminal has at most one valid token. */
    private final Map<TerminalIdentity, TokenEntry> byTerminal = new HashMap<>();
    private final Map<String, TokenEntry> byHash = new HashMap<>();
    private FileTime loadedModified;
    private long loadedSize = -1;

    private TerminalTokens(Path file, BiConsumer<Path, List<TokenEntry>> write, Clock clock) {
        this.file = file;
        this.write = write;
        this.clock = clock;
    }

    /** A store kept in memory only (tests, or tokens handed in by code). */
    public static TerminalTokens inMemory() {
        return new TerminalTokens(null, TokenFile::write, Clock.systemUTC());
    }

    /**
     * A store backed by {@code file} (see {@link TokenFile} for the format); the file is read
     * now if it exists and created on the first {@link #issue}.
     *
     * @throws IllegalArgumentException if the file exists but is not a token file
     */
    public static TerminalTokens open(Path file) {
        return open(file, TokenFile::write);
    }

    /** {@link #open(Path)} writing the file through {@code write} (tests count the writes this way). */
    static TerminalTokens open(Path file, BiConsumer<Path, List<TokenEntry>> write) {
        TerminalTokens tokens = new TerminalTokens(Objects.requireNonNull(file, "file"), write, Clock.systemUTC());
        synchronized (tokens) {
            tokens.reloadIfChanged();
        }
        return tokens;
    }

    /**
     * Issues a new token for the terminal and returns it in clear text; this is the only time it
     * is visible. Any earlier token of the same terminal stops working at once (rotation).
     */
    public synchronized String issue(String session, String terminal) {
        TerminalIdentity identity = new TerminalIdentity(requireId(session, "session"), requireId(terminal, "terminal"));
        Issued issued = issueTokens(List.of(identity));
        LOG.info("issued a token for terminal {} of session {}{}", terminal, session,
                issued.rotated() == 0 ? "" : " (its previous token is revoked)");
        return issued.tokens().get(0);
    }

    /**
     * Issues a token for each terminal, as {@link #issue} does, with one write of the file for the
     * whole batch, and returns them in clear text in the order of {@code terminals}; this is the
     * only time they are visible. Every pair is checked as {@link #issue} checks it, and none may
     * appear twice, before anything changes: a refused batch issues no token. A terminal that
     * already has a token gets a new one and the old one stops working (rotation).
     *
     * @throws TokenBatchException naming the first refused pair
     */
    public synchronized List<String> issueAll(List<TerminalIdentity> terminals) {
        TokenBatch.check(terminals, TerminalTokens::requireIds);
        if (terminals.isEmpty()) {
            return List.of();
        }
        Issued issued = issueTokens(terminals);
        LOG.info("issued {} terminal tokens; {} of those terminals had a token, now revoked", issued.tokens().size(),
                issued.rotated());
        return issued.tokens();
    }

    /** New tokens in clear text, in the order asked, and how many of their terminals had one before. */
    private record Issued(List<String> tokens, int rotated) {}

    /** Gives each terminal (checked, none twice) a new token, in one write of the file. */
    private Issued issueTokens(List<TerminalIdentity> terminals) {
        reloadIfChanged();
        Instant now = clock.instant();
        List<String> tokens = new ArrayList<>(terminals.size());
        Map<TerminalIdentity, TokenEntry> next = new HashMap<>(byTerminal);
        int rotated = 0;
        for (TerminalIdentity terminal : terminals) {
            String token = TokenHash.newToken();
            if (next.put(terminal, new TokenEntry(terminal.session(), terminal.terminal(), TokenHash.hash(token), now))
                    != null) {
                rotated++;
            }
            tokens.add(token);
        }
        hold(next);
        return new Issued(tokens, rotated);
    }

    /** Revokes the terminal's token; returns whether it had one. Open connections are not cut. */
    public synchronized boolean revoke(String session, String terminal) {
        reloadIfChanged();
        Map<TerminalIdentity, TokenEntry> next = new HashMap<>(byTerminal);
        if (next.remove(new TerminalIdentity(session, terminal)) == null) {
            return false;
        }
        hold(next);
        LOG.info("revoked the token of terminal {} of session {}", terminal, session);
        return true;
    }

    /** Every terminal that holds a token, with its hash and creation time. */
    public synchronized List<TokenEntry> entries() {
        reloadIfChanged();
        return List.copyOf(byTerminal.values());
    }

    @Override
    public synchronized Optional<TerminalIdentity> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        reloadIfChanged();
        // The map lookup compares hashes, which tells a timing observer nothing about any
        // stored token; the final check is constant-time all the same.
        TokenEntry entry = byHash.get(TokenHash.hash(token));
        if (entry == null || !TokenHash.matches(token, entry.sha256())) {
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    private void reloadIfChanged() {
        if (file == null) {
            return;
        }
        FileTime modified;
        long size;
        try {
            if (!Files.exists(file)) {
                if (loadedSize != -1) {
                    replaceAll(List.of());
                    loadedSize = -1;
                    loadedModified = null;
                }
                return;
            }
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            LOG.warn("cannot check token file {}; keeping the tokens already loaded", file, e);
            return;
        }
        if (modified.equals(loadedModified) && size == loadedSize) {
            return;
        }
        replaceAll(TokenFile.read(file));
        loadedModified = modified;
        loadedSize = size;
        LOG.debug("loaded {} terminal tokens from {}", byTerminal.size(), file);
    }

    private void replaceAll(Collection<TokenEntry> entries) {
        byTerminal.clear();
        byHash.clear();
        for (TokenEntry entry : entries) {
            byTerminal.put(entry.identity(), entry);
            byHash.put(entry.sha256(), entry);
        }
    }

    /**
     * Makes {@code next} the store's tokens: written to the file first, held in memory only once
     * that succeeded, so that a failed write (a full disk, a read-only directory) leaves the store
     * as the file is, with the old tokens working and no new one that would be lost on restart.
     */
    private void hold(Map<TerminalIdentity, TokenEntry> next) {
        if (file != null) {
            write.accept(file, new ArrayList<>(next.values()));
            remember();
        }
        replaceAll(next.values());
    }

    /** Notes the file as just written, so that the next check does not read it back. */
    private void remember() {
        try {
            loadedModified = Files.getLastModifiedTime(file);
            loadedSize = Files.size(file);
        } catch (IOException e) {
            // The next authentication re-reads the file, which holds what was just written.
            loadedModified = null;
        }
    }

    private static void requireIds(String session, String terminal) {
        requireId(session, "session");
        requireId(terminal, "terminal");
    }

    private static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " id must not be blank");
        }
        return value;
    }
}
