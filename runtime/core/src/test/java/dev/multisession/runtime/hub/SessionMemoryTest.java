package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import org.junit.jupiter.api.Test;

/** What a session's memory keeps, and when it gives up. */
class SessionMemoryTest {

    private final InMemoryHubStore store = new InMemoryHubStore();

    /** Commits a batch that writes {@code uids} (as the hub does: decided, written, then learnt). */
    private void commitOrders(SessionMemory memory, String... uids) {
        store.inSession("s", tx -> {
            SessionMemory.ReadThrough reads = memory.readThrough(tx);
            SessionWorkingCopy copy = new SessionWorkingCopy(reads, 100);
            SessionHead head = copy.head();
            for (String uid : uids) {
                copy.order(uid);
                head = new SessionHead(head.runId(), head.seq() + 1, head.lastOrderNumber() + 1, head.logFloor());
                copy.keep(new Decision(null, "T", new TerminalCursor(head.seq(), head.seq()),
                        new StoredOrder(uid, 1, head.lastOrderNumber(), JsonNodeFactory.instance.objectNode(),
                                JsonNodeFactory.instance.objectNode(), false, false), null, head));
            }
            copy.writeTo(tx);
            memory.committed(copy, reads);
            return null;
        });
    }

    @Test
    void aNewMemoryKnowsNothingToDecideOn() {
        assertNull(new SessionMemory().speculate());
    }

    @Test
    void aCommittedBatchIsKnownAndItsHeadStillDescribesTheStore() {
        SessionMemory memory = new SessionMemory();
        commitOrders(memory, "O1", "O2");

        SessionMemory.Speculation speculation = memory.speculate();
        assertNotNull(speculation);
        assertTrue(speculation.order("O1").isPresent());
        assertEquals(2, speculation.head().seq());
        assertTrue(store.inSession("s", speculation::holdsIn));
    }

    @Test
    void anOrderTakenForNewThatTheStoreHoldsFailsTheCheck() {
        SessionMemory other = new SessionMemory();
        commitOrders(other, "O1");
        SessionMemory memory = new SessionMemory();
        commitOrders(memory, "O2"); // knows O2 and the head, not O1

        SessionMemory.Speculation speculation = memory.speculate();
        assertFalse(speculation.order("O1").isPresent());
        assertFalse(store.inSession("s", speculation::holdsIn));
    }

    @Test
    void pastItsBoundASessionIsForgottenAndDecidedInTheStore() {
        SessionMemory memory = new SessionMemory(3);
        commitOrders(memory, "O1", "O2", "O3");
        assertEquals(3, memory.orderCount());

        commitOrders(memory, "O4");

        assertEquals(0, memory.orderCount());
        assertNull(memory.speculate(), "nothing left to decide on before the transaction");
    }
}
