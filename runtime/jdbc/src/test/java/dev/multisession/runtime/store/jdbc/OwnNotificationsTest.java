package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The records of a store's own commit notifications: each taken once, and none kept for ever. */
class OwnNotificationsTest {

    private final OwnNotifications own = new OwnNotifications();

    @Test
    void eachRecordLeavesOutOneNotificationOfItsBackendAndSession() {
        own.sent(101, "bistro");
        own.sent(101, "bistro");
        assertFalse(own.isOwn(102, "bistro"), "another backend: another node's commit");
        assertFalse(own.isOwn(101, "terrace"), "another session");
        assertTrue(own.isOwn(101, "bistro"));
        assertTrue(own.isOwn(101, "bistro"), "two commits, two notifications left out");
        assertFalse(own.isOwn(101, "bistro"), "a third is another node's on a reused backend id");
    }

    @Test
    void aWithdrawnRecordLeavesNothingOut() {
        own.sent(101, "bistro");
        own.withdrawn(101, "bistro");
        assertFalse(own.isOwn(101, "bistro"));
    }

    @Test
    void recordsWhoseNotificationsNeverCameAreDroppedOnReconnect() {
        own.sent(101, "bistro");
        own.forget();
        assertFalse(own.isOwn(101, "bistro"));
    }

    @Test
    void recordsPilingUpAreDroppedRatherThanKept() {
        for (int backend = 0; backend < 10_000; backend++) {
            own.sent(backend, "bistro");
        }
        own.sent(10_000, "bistro"); // one too many: the older ones were lost
        assertFalse(own.isOwn(0, "bistro"));
        assertTrue(own.isOwn(10_000, "bistro"));
    }
}
