package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mutation whose handling throws is answered {@code internal}, changes nothing, and is logged
 * once with its stack trace, for the decision the hub committed: not also for a decision that
 * was thrown away (made before the transaction on a memory the store no longer matched, or in a
 * transaction the store ran again), and not at all when the transaction failed, whose failure is
 * what the terminal was answered and what the log says.
 */
class HubFailedMutationLogTest {

    private static final String FAILED = "mutate 2 of terminal A of session s failed";
    private static final String CAUSE = "IllegalStateException: the clock cannot be read";

    /** The hub's clock, which the rules read once for each mutation they decide; unreadable while broken. */
    private static final class BreakableClock extends NoonClock {
        boolean broken;
        int reads;

        @Override
        public Instant instant() {
            reads++;
            if (broken) {
                throw new IllegalStateException("the clock cannot be read");
            }
            return super.instant();
        }
    }

    /** Can run each transaction twice, the first run rolled back as after a conflict, or fail every commit. */
    private static final class UnsteadyStore extends DelegatingHubStore {
        boolean runsTwice;
        boolean commitsFail;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            if (commitsFail) {
                return delegate.inSession(session, tx -> {
                    work.run(tx);
                    throw new IllegalStateException("the disk is full");
                });
            }
            if (runsTwice) {
                try {
                    delegate.inSession(session, tx -> {
                        work.run(tx);
                        throw new Conflict();
                    });
                } catch (Conflict rolledBack) {
                    // the store runs the work again in a new transaction
                }
            }
            return delegate.inSession(session, work);
        }

        /** What the store holds of the session and of terminal A's mutations. */
        String state() {
            CommittedSession committed = delegate.readCommitted("s").orElseThrow();
            TerminalCursor a = delegate.inSession("s", tx -> tx.terminal("A"));
            return committed + " " + a;
        }
    }

    private static final class Conflict extends RuntimeException {
        Conflict() {
            super("could not serialize access", null, false, false);
        }
    }

    /** A terminal that edits order O1's note. */
    private static final class Till {
        final List<HubMessage> inbox = new ArrayList<>();
        final HubConnection connection;

        Till(Hub hub, String terminal) {
            connection = hub.connect(new TerminalIdentity("s", terminal), inbox::add);
            connection.receive(new ClientMessage.Hello("s", terminal, null, 0, 0, 1));
        }

        /** Sets O1's note and returns the hub's answer. */
        HubMessage note(long mutationId, long baseRevision, String note) {
            connection.receive(new ClientMessage.Mutate(mutationId, 1, "O1", baseRevision, "u",
                    List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(note)))));
            return inbox.stream().filter(m -> !(m instanceof HubMessage.Event)).reduce((a, b) -> b).orElseThrow();
        }
    }

    private final UnsteadyStore store = new UnsteadyStore();
    private final BreakableClock clock = new BreakableClock();
    private final Hub hub = Hub.builder().store(store).clock(clock).sameThread().build();
    private final Till a = new Till(hub, "A");

    /** A edits O1 on this node, so the node remembers the session; then B edits it on another node. */
    private void anotherNodeMovesTheSessionOn() {
        assertInstanceOf(HubMessage.Ack.class, a.note(1, 0, "a1"));
        Till b = new Till(Hub.builder().store(store).sameThread().build(), "B");
        assertInstanceOf(HubMessage.Ack.class, b.note(1, 1, "b1"));
    }

    /** The answer to A's second edit sent while the clock is broken, what was logged meanwhile, the store before. */
    private record Failed(HubMessage answer, String log, String before) {}

    private Failed secondEditWithBrokenClock() {
        String before = store.state();
        clock.broken = true;
        clock.reads = 0;
        HubMessage[] answer = new HubMessage[1];
        String log = CapturedLog.during(() -> answer[0] = a.note(2, 1, "a2"));
        clock.broken = false;
        return new Failed(answer[0], log, before);
    }

    private static void assertInternal(HubMessage answer) {
        HubMessage.Error error = assertInstanceOf(HubMessage.Error.class, answer);
        assertEquals(Reason.INTERNAL, error.code());
        assertEquals("mutate 2", error.ref());
    }

    private static void assertLoggedOnce(String log) {
        String lines = CapturedLog.withoutStackFrames(log);
        assertEquals(1, CapturedLog.lines(log, "WARN"), lines);
        assertEquals(1, CapturedLog.lines(log, FAILED), lines);
        assertEquals(1, CapturedLog.lines(log, CAUSE), "the exception, once: " + lines);
        assertTrue(log.contains(".DecidedBatch.decide("), "with the stack trace of where it was thrown: " + log);
    }

    /** The mutation was answered {@code internal}, logged once, and changed nothing. */
    private void assertFailedAlone(Failed failed) {
        assertInternal(failed.answer());
        assertLoggedOnce(failed.log());
        assertEquals(failed.before(), store.state(), "nothing changed");
    }

    /** A's second edit, sent again once the clock works, is its second mutation: the failed one consumed nothing. */
    private void assertResentIsNew(long seq) {
        HubMessage.Ack ack = assertInstanceOf(HubMessage.Ack.class, a.note(2, 1, "a2"));
        assertFalse(ack.duplicate());
        assertEquals(seq, ack.seq());
    }

    @Test
    void aMutationThatThrowsIsLoggedOnceWhenItsBatchIsDecidedBeforeItsTransaction() {
        assertInstanceOf(HubMessage.Ack.class, a.note(1, 0, "a1"));

        Failed failed = secondEditWithBrokenClock();

        assertEquals(1, clock.reads, "decided once, before its transaction");
        assertFailedAlone(failed);
        assertResentIsNew(2);
    }

    @Test
    void aMutationThatThrowsIsLoggedOnceWhenAnotherNodeMovedTheSessionOnAndItsBatchIsDecidedAgain() {
        anotherNodeMovesTheSessionOn();

        Failed failed = secondEditWithBrokenClock();

        assertEquals(2, clock.reads, "decided before the transaction, and in it again against the store");
        assertFailedAlone(failed);
        assertResentIsNew(3);
    }

    @Test
    void aMutationThatThrowsIsLoggedOnceWhenTheStoreRunsItsTransactionAgain() {
        anotherNodeMovesTheSessionOn();
        store.runsTwice = true;

        Failed failed = secondEditWithBrokenClock();

        assertEquals(3, clock.reads, "decided before the transaction, then in each of its two runs");
        assertFailedAlone(failed);
    }

    @Test
    void aFailedTransactionIsLoggedAsTheStoreFailingAndNotAsTheMutationsItsDecisionFailed() {
        assertInstanceOf(HubMessage.Ack.class, a.note(1, 0, "a1"));
        store.commitsFail = true;

        Failed failed = secondEditWithBrokenClock();

        assertEquals(1, clock.reads, "decided before the transaction, which then failed");
        assertInternal(failed.answer());
        String answered = ((HubMessage.Error) failed.answer()).message();
        assertTrue(answered.contains("the disk is full"), "the store's failure, not the mutation's: " + answered);
        String lines = CapturedLog.withoutStackFrames(failed.log());
        assertEquals(0, CapturedLog.lines(failed.log(), FAILED), "its decision was never committed: " + lines);
        assertEquals(0, CapturedLog.lines(failed.log(), CAUSE), lines);
        assertEquals(1, CapturedLog.lines(failed.log(), "WARN"), lines);
        assertEquals(1, CapturedLog.lines(failed.log(), "the hub's store fails (session s: a transaction of"
                + " 1 mutation(s) failed: java.lang.IllegalStateException: the disk is full)"), lines);
        assertEquals(failed.before(), store.state(), "nothing changed");
    }
}
