package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationFeedTest {

    private final List<String> revoked = new ArrayList<>();
    private final RevocationFeed feed = new RevocationFeed(revoked::add, 7);

    @Test
    void aNumberedPayloadRevokesItsHashAndRaisesTheLastNumberHeard() {
        feed.accept(RevocationFeed.payload(9, "abc"));
        feed.accept(RevocationFeed.payload(8, "def"));

        assertEquals(List.of("abc", "def"), revoked);
        assertEquals(9, feed.lastSeen());
    }

    @Test
    void aPayloadOfAnOlderNodeIsAllHash() {
        feed.accept("abc");

        assertEquals(List.of("abc"), revoked);
        assertEquals(7, feed.lastSeen());
    }

    @Test
    void anUnreadableNumberStillRevokesTheHashAndLeavesTheNumberAlone() {
        feed.accept("x:abc");
        feed.accept("99999999999999999999:def");

        assertEquals(List.of("abc", "def"), revoked);
        assertEquals(7, feed.lastSeen());
    }
}
