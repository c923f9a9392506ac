package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.runtime.hub.spi.SessionHead;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a (re)connecting terminal catches up, as a table. The session is in run 2 at seq 50 with
 * tag 500; its log holds seqs 40 to 50 (floor 40; the event at the floor is kept), tagged
 * 10 x seq, but for seq 45, which was logged before tags existed (tag 0). A terminal names its
 * run, its last seq and the tag of its state there (0: none). Without tags a terminal at seq 44
 * or 50 that followed another history of the session would replay from there and never know.
 */
class CatchUpRulesTest {

    private static final SessionHead HEAD = new SessionHead(2, 50, 9, 40, 500);

    @ParameterizedTest(name = "run {0}, seq {1}, tag {2}: {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            # run | seq | tag | plan     | why
            2     | 50  | 500 | REPLAY   | at the head; the same event
            2     | 50  | 501 | DIVERGED | at the head; another event: a restored hub went on past the terminal
            2     | 45  | 450 | DIVERGED | the hub's event there predates tags; so the terminal's tagged one is another
            2     | 45  | 0   | REPLAY   | the terminal names no tag: nothing to verify; as before tags
            2     | 44  | 440 | REPLAY   | in the log; the same event
            2     | 44  | 441 | DIVERGED | in the log; another event
            2     | 40  | 400 | REPLAY   | at the floor: its event is kept to check the tag
            2     | 40  | 401 | DIVERGED | at the floor; another event
            2     | 39  | 390 | SNAPSHOT | older than the log: a snapshot replaces the copy anyway
            2     | 39  | 0   | SNAPSHOT | older than the log; no tag
            2     | 51  | 510 | DIVERGED | ahead of the hub: its store went back
            2     | 51  | 0   | DIVERGED | ahead of the hub; no tag
            2     | 0   | 0   | SNAPSHOT | nothing applied; the log starts later
            1     | 50  | 500 | SNAPSHOT | another run
            3     | 10  | 100 | SNAPSHOT | a run the hub has not reached
            """)
    void planForAConnectingTerminal(long run, long seq, long tag, String plan, String why) {
        assertEquals(CatchUpRules.Plan.valueOf(plan), CatchUpRules.plan(HEAD, run, seq, tag, CatchUpRulesTest::logged),
                why);
    }

    @ParameterizedTest(name = "seq {0}, tag {1}: {2}")
    @CsvSource(textBlock = """
            # a log whose floor event was trimmed before tags existed, or a session just reset
            40, 400, SNAPSHOT
            41, 410, REPLAY
            """)
    void aTagTheHubCannotCheckCostsASnapshot(long seq, long tag, String plan) {
        Map<Long, Long> log = Map.of(41L, 410L);
        assertEquals(CatchUpRules.Plan.valueOf(plan), CatchUpRules.plan(new SessionHead(2, 41, 9, 40, 410), 2, seq, tag,
                s -> log.getOrDefault(s, CatchUpRules.UNKNOWN)));
    }

    @ParameterizedTest(name = "seq {0}, tag {1}: {2}")
    @CsvSource(textBlock = """
            # the day was just closed at seq 50 (tag 777): the log is empty, the head names the close
            50, 777, REPLAY
            50, 500, DIVERGED
            0,    0, SNAPSHOT
            """)
    void aClosedDayIsCheckedAgainstTheHead(long seq, long tag, String plan) {
        assertEquals(CatchUpRules.Plan.valueOf(plan), CatchUpRules.plan(new SessionHead(3, 50, 0, 50, 777), 3, seq, tag,
                s -> CatchUpRules.UNKNOWN));
    }

    /** The log: seqs 40..50 tagged 10 x seq, seq 45 logged before tags; anything else is gone. */
    private static long logged(long seq) {
        if (seq < 40 || seq > 50) {
            return CatchUpRules.UNKNOWN;
        }
        return seq == 45 ? 0 : seq * 10;
    }
}
