package dev.multisession.runtime.hub.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One order as the hub stores it.
 *
 * @param uid the order's id
 * @param revision one up on each accepted change
 * @param number the shared order number, assigned on the first accepted change
 * @param data the order's JSON (empty for a tombstone)
 * @param info who created and last changed the order and its collection elements
 * @param removed whether the order was removed (kept as a tombstone so updates are refused)
 * @param finalized whether a removed order was paid rather than abandoned
 */
public record StoredOrder(String uid, long revision, long number, ObjectNode data, ObjectNode info,
        boolean removed, boolean finalized) {
    public StoredOrder {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(info, "info");
    }
}
