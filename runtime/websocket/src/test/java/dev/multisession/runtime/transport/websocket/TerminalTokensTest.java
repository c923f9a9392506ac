package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.tokens.TokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
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

    @Test
    void hashComparisonRejectsMalformedStoredHashes() {
        String token = TokenHash.newToken();
        assertTrue(TokenHash.matches(token, TokenHash.hash(token)));
        assertFalse(TokenHash.matches(token, "zz"));
        assertFalse(TokenHash.matches(token, TokenHash.hash(token + "1")));
    }
}
