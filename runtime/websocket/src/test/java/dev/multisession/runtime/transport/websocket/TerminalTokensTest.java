package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.tokens.TokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenBatchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTokensTest {

    @TempDir
    Path dir;

    @Test
    void issuedTokenAuthenticatesItsTerminalOnly() {
        TerminalTokens tokens = TerminalTokens.inMemory();
        String bar = tokens.issue("bistro", "bar");
        String kitchen = tokens.issue("bistro", "kitchen");
        assertTrue(bar.startsWith("mst_"));
        assertTrue(bar.length() >= 4 + 43, "256 bits in base64url");
        assertNotEquals(bar, kitchen);
        assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), tokens.authenticate(bar));
        assertEquals(Optional.of(new TerminalIdentity("bistro", "kitchen")), tokens.authenticate(kitchen));
        assertEquals(Optional.empty(), tokens.authenticate(bar + "x"));
        assertEquals(Optional.empty(), tokens.authenticate(""));
        assertEquals(Optional.empty(), tokens.authenticate(null));
        assertEquals(Optional.empty(), tokens.authenticate(TokenHash.newToken()));
    }

    @Test
    void issuingAgainRotatesTheToken() {
        TerminalTokens tokens = TerminalTokens.inMemory();
        String first = tokens.issue("bistro", "bar");
        String second = tokens.issue("bistro", "bar");
        assertEquals(Optional.empty(), tokens.authenticate(first));
        assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), tokens.authenticate(second));
        assertEquals(1, tokens.entries().size());
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        TerminalTokens tokens = TerminalTokens.inMemory();
        String bar = tokens.issue("bistro", "bar");
        assertTrue(tokens.revoke("bistro", "bar"));
        assertFalse(tokens.revoke("bistro", "bar"));
        assertEquals(Optional.empty(), tokens.authenticate(bar));
    }

    @Test
    void fileHoldsHashesOnlyAndIsReadBack() throws Exception {
        Path file = dir.resolve("tokens.json");
        String bar = TerminalTokens.open(file).issue("bistro", "bar");
        String content = Files.readString(file);
        assertFalse(content.contains(bar), "the clear token is never stored");
        assertFalse(content.contains(bar.substring(4, 20)));
        assertTrue(content.contains(TokenHash.hash(bar)));
        assertTrue(content.contains("\"format\" : 1"));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), TerminalTokens.open(file).authenticate(bar));
    }

    @Test
    void aRunningStoreSeesTokensIssuedByAnotherProcess() throws Exception {
        Path file = dir.resolve("tokens.json");
        TerminalTokens running = TerminalTokens.open(file);
        String bar = running.issue("bistro", "bar");
        TerminalTokens commandLine = TerminalTokens.open(file);
        String kitchen = commandLine.issue("bistro", "kitchen");
        commandLine.revoke("bistro", "bar");
        // File systems with coarse timestamps could hide the change; make it visible.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(Optional.of(new TerminalIdentity("bistro", "kitchen")), running.authenticate(kitchen));
        assertEquals(Optional.empty(), running.authenticate(bar));
    }

    @Test
    void aFileThatIsNotATokenFileIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"tokens\":{}}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TerminalTokens.open(file));
        assertTrue(error.getMessage().contains("format 1"), error.getMessage());
        Files.writeString(file, "{\"format\":1,\"tokens\":[{\"session\":\"s\",\"terminal\":\"t\",\"sha256\":\"ab\"}]}");
        error = assertThrows(IllegalArgumentException.class, () -> TerminalTokens.open(file));
        assertTrue(error.getMessage().contains("entry 0"), error.getMessage());
    }

    @Test
    void blankIdsAreRefused() {
        TerminalTokens tokens = TerminalTokens.inMemory();
        assertThrows(IllegalArgumentException.class, () -> tokens.issue(" ", "bar"));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("bistro", ""));
    }

    /** A store on {@code tokens.json} that counts its writes of the file. */
    private TerminalTokens counted(AtomicInteger writes) {
        return TerminalTokens.open(dir.resolve("tokens.json"), (file, entries) -> {
            writes.incrementAndGet();
            TokenFile.write(file, entries);
        });
    }

    /**
     * A write of the file that fails (a full disk) changes nothing: the store still answers as the
     * file does, so no token works only until the next restart and no rotated one stops early.
     */
    @Test
    void aFailedWriteOfTheFileChangesNothing() {
        AtomicBoolean diskFull = new AtomicBoolean();
        TerminalTokens tokens = TerminalTokens.open(dir.resolve("tokens.json"), (file, entries) -> {
            if (diskFull.get()) {
                throw new UncheckedIOException("cannot write token file " + file, new IOException("No space left on device"));
            }
            TokenFile.write(file, entries);
        });
        String bar = tokens.issue("bistro", "bar");
        List<TokenEntry> before = tokens.entries();
        diskFull.set(true);

        assertThrows(UncheckedIOException.class, () -> tokens.issue("bistro", "bar"));
        assertThrows(UncheckedIOException.class, () -> tokens.issue("bistro", "kitchen"));
        assertThrows(UncheckedIOException.class,
                () -> tokens.issueAll(List.of(new TerminalIdentity("bistro", "till"), new TerminalIdentity("bistro", "bar"))));
        assertThrows(UncheckedIOException.class, () -> tokens.revoke("bistro", "bar"));

        assertEquals(before, tokens.entries());
        assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), tokens.authenticate(bar),
                "the token the file holds still works");
        assertEquals(before, TerminalTokens.open(dir.resolve("tokens.json")).entries(), "and the file is unchanged");
    }

    @Test
    void aBatchIsOneWriteOfTheFileAndItsTokensComeInTheOrderAsked() {
        AtomicInteger writes = new AtomicInteger();
        TerminalTokens tokens = counted(writes);
        String oldBar = tokens.issue("bistro", "bar");
        assertEquals(1, writes.get());
        List<TerminalIdentity> asked = List.of(new TerminalIdentity("bistro", "kitchen"),
                new TerminalIdentity("cafe", "till-1"), new TerminalIdentity("bistro", "bar"));

        List<String> issued = tokens.issueAll(asked);

        assertEquals(2, writes.get(), "one write for the batch of 3");
        assertEquals(3, issued.size());
        TerminalTokens reopened = TerminalTokens.open(dir.resolve("tokens.json"));
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(Optional.of(asked.get(i)), reopened.authenticate(issued.get(i)), "token " + i);
        }
        assertEquals(Optional.empty(), reopened.authenticate(oldBar), "rotated like a single issue");
        assertEquals(3, reopened.entries().size());
        assertEquals(List.of(), tokens.issueAll(List.of()));
        assertEquals(2, writes.get(), "an empty batch writes nothing");
    }

    @Test
    void aBatchWithABadPairIssuesNothing() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        TerminalTokens tokens = counted(writes);
        String bar = tokens.issue("bistro", "bar");
        String before = Files.readString(dir.resolve("tokens.json"));

        TokenBatchException refused = assertThrows(TokenBatchException.class, () -> tokens.issueAll(List.of(
                new TerminalIdentity("bistro", "bar"), new TerminalIdentity("bistro", "kitchen"),
                new TerminalIdentity("bistro", " "))));

        assertEquals(1, tokens.entries().size(), "kitchen got no token");
        assertEquals(Optional.of(new TerminalIdentity("bistro", "bar")), tokens.authenticate(bar));
        assertEquals(1, writes.get());
        assertEquals(before, Files.readString(dir.resolve("tokens.json")));
        assertEquals("pair 3 of the batch (session \"bistro\", terminal \" \"): terminal id must not be blank;"
                + " no token was issued", refused.getMessage());
        assertEquals(2, refused.index());
    }

    @Test
    void aPairTwiceInABatchIsRefusedAndNothingIsIssued() {
        TerminalTokens tokens = TerminalTokens.inMemory();

        TokenBatchException refused = assertThrows(TokenBatchException.class, () -> tokens.issueAll(List.of(
                new TerminalIdentity("bistro", "bar"), new TerminalIdentity("bistro", "kitchen"),
                new TerminalIdentity("cafe", "bar"), new TerminalIdentity("bistro", "kitchen"))));

        assertEquals("pair 4 of the batch (session \"bistro\", terminal \"kitchen\"): already in the batch as pair 2;"
                + " no token was issued", refused.getMessage());
        assertEquals(List.of(), tokens.entries());
    }

    @Test
    void hashComparisonRejectsMalformedStoredHashes() {
        String token = TokenHash.newToken();
        assertTrue(TokenHash.matches(token, TokenHash.hash(token)));
        assertFalse(TokenHash.matches(token, "zz"));
        assertFalse(TokenHash.matches(token, TokenHash.hash(token + "1")));
    }
}
