package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of docs/PROTOCOL.md that concerns a terminal, checked on {@link SyncProtocol} alone:
 * given a stored state and the events so far, one more event gives exactly these effects. Effects
 * are written as short lines ({@link #describe}) so that each case reads as given / when / then.
 * The terminal is T1 of session bistro, worked on by anna; orders are o1, o2, …
 */
class SyncProtocolTest {

    private static final String WENT_BACK = "warning: the hub's store went back";

    static Stream<Case> rules() {
        return Stream.of(
                // ---------------------------------------------------------------- hello
                rule("connect: hello names session, terminal, user and a fresh terminal's cursor")
                        .given(fresh())
                        .when(connected())
                        .then("hello bistro/T1 anna run 0 seq 0"),
                rule("connect: hello carries the stored run and last seq")
                        .given(stored(2, 41, 11))
                        .when(connected())
                        .then("hello bistro/T1 anna run 2 seq 41"),

                // ---------------------------------------------------------------- welcome
                rule("welcome: a terminal of run 0 takes the hub's run and rewrites its offline mutations")
                        .given(stored(0, 0, 2, mutate(1, 0, "o1"), mutate(2, 0, "o1")).then(connected()))
                        .when(received(welcome(3, 7, 0)))
                        .then("persist 3/0/2 dequeue 1,2 enqueue 1,2", "mutate 1 run 3", "mutate 2 run 3",
                                "online"),
                rule("welcome: a terminal with a run keeps it; mutations of an old run are still sent")
                        .given(stored(1, 5, 1, mutate(1, 1, "o1")).then(connected()))
                        .when(received(welcome(2, 9, 0)))
                        .then("mutate 1 run 1", "online"),
                rule("welcome: lastMutationId acknowledges at its seq; the rest is sent again")
                        .given(stored(1, 5, 3, mutate(1, 1, "o1"), mutate(2, 1, "o1"), mutate(3, 1, "o1"))
                                .then(connected()))
                        .when(received(welcome(1, 5, 2)))
                        .then("mutate 3 run 1", "persist 1/5/3 dequeue 1,2", "refresh o1", "online"),
                rule("welcome: mutations acknowledged at a later seq stay until the events reach it")
                        .given(stored(1, 5, 3, mutate(1, 1, "o1"), mutate(2, 1, "o1"), mutate(3, 1, "o1"))
                                .then(connected()))
                        .when(received(welcome(1, 9, 2)))
                        .then("mutate 3 run 1", "online"),
                rule("welcome: a hub that handled more of this terminal's mutations raises the stored counter")
                        .given(fresh().then(connected()))
                        .when(received(welcome(1, 0, 11)))
                        .then("persist 1/0/11", "online"),
                rule("welcome: a terminal that lost its state numbers on after lastMutationId")
                        .given(fresh().then(connected(), received(welcome(1, 0, 11))))
                        .when(edit("o9"))
                        .then("persist 1/0/12 enqueue 12", "mutate 12 run 1"),
                rule("welcome: a second welcome on one connection is a copy and changes nothing (it once renumbered)")
                        .given(stored(1, 5, 3, outbox(1, 3)).then(connected(), received(welcome(1, 5, 0)),
                                received(ack(2, 9))))
                        .when(received(welcome(1, 5, 0)))
                        .then(),
                rule("welcome: events that overtook the welcome wait for it, and do not make the hub look as if it went back")
                        .given(stored(1, 7, 0).then(connected(), received(change(8, "o1", "T2", 1))))
                        .when(received(welcome(1, 7, 0)))
                        .then("online", "persist 1/8/0 put o1", "refresh o1"),
                rule("welcome: events that overtook a diverged welcome are of another history than the terminal's: dropped")
                        .given(stored(1, 7, 0).tagged(70).then(connected(), received(change(8, "o1", "T2", 1))))
                        .when(received(diverged(1, 9, 0)))
                        .then(WENT_BACK, "persist 1/0/0 clear", "online"),
                rule("welcome: a store with a run whose acks were lost is never renumbered")
                        .given(stored(1, 5, 3, outbox(1, 3)).then(connected()))
                        .when(received(welcome(1, 9, 2)))
                        .then("mutate 3 run 1", "online"),

                // ---------------------------------------------------------------- a store that forgot
                rule("lost store: a store that never reached the hub renumbers offline changes the hub's count covers")
                        .given(stored(0, 0, 3, mutate(1, 0, "o1"), mutate(2, 0, "o1"), mutate(3, 0, "o1"))
                                .then(connected()))
                        .when(received(welcome(2, 7, 37)))
                        .then("warning: the hub has handled this terminal's changes up to 37, but this terminal's store"
                                + " never reached the hub", "persist 2/0/40 dequeue 1,2,3 enqueue 38,39,40", "mutate 38 run 2", "mutate 39 run 2",
                                "mutate 40 run 2", "online"),
                rule("lost store: after renumbering, the next change numbers on after the renumbered ones")
                        .given(stored(0, 0, 2, mutate(1, 0, "o1"), mutate(2, 0, "o1"))
                                .then(connected(), received(welcome(2, 7, 37))))
                        .when(edit("o1"))
                        .then("persist 2/0/40 enqueue 40", "mutate 40 run 2"),
                rule("lost store: a snapshot that overtakes the welcome waits for it, so it cannot take the changes for handled")
                        .given(stored(0, 0, 1, mutate(1, 0, "o1")).then(connected(),
                                received(snapshot(2, 7, 37, "o2"))))
                        .when(received(welcome(2, 7, 37)))
                        .then("warning: the hub has handled this terminal's changes up to 37, but this terminal's store"
                                + " never reached the hub", "persist 2/0/38 dequeue 1 enqueue 38", "mutate 38 run 2",
                                "online", "persist 2/7/38 clear put o2", "refresh o1,o2"),
                rule("snapshot: one that comes before the welcome changes nothing yet")
                        .given(stored(1, 5, 1, mutate(1, 1, "o1")).then(connected()))
                        .when(received(snapshot(1, 9, 1, "o2")))
                        .then(),
                rule("lost store: offline changes above the hub's count keep their ids")
                        .given(stored(0, 0, 9, mutate(8, 0, "o1"), mutate(9, 0, "o1")).then(connected()))
                        .when(received(welcome(2, 7, 7)))
                        .then("persist 2/0/9 dequeue 8,9 enqueue 8,9", "mutate 8 run 2", "mutate 9 run 2", "online"),

                // ---------------------------------------------------------------- a hub that went back
                rule("went back: a hub at an earlier seq of the run: the replica is dropped and asked for from 0")
                        .given(stored(1, 50, 5).confirmed("o1", 3).then(connected()))
                        .when(received(welcome(1, 40, 5)))
                        .then(WENT_BACK, "sync after 0", "persist 1/0/5 clear", "online"),
                rule("went back: pending changes above the hub's count are renumbered after it and re-offered")
                        .given(stored(1, 50, 12, mutate(11, 1, "o1"), mutate(12, 1, "o1")).then(connected()))
                        .when(received(welcome(1, 40, 5)))
                        .then(WENT_BACK, "sync after 0", "persist 1/0/7 clear dequeue 11,12 enqueue 6,7", "mutate 6 run 1",
                                "mutate 7 run 1", "online"),
                rule("went back: behind in count only (no edit waits, seq ahead): numbering goes on after its count")
                        .given(stored(1, 50, 12).then(connected()))
                        .when(received(welcome(1, 60, 5)))
                        .then(WENT_BACK, "sync after 0", "persist 1/0/5 clear", "online"),
                rule("went back: an acknowledgement of an earlier connection the hub lost is re-offered")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(ack(3, 9)), disconnected(), connected()))
                        .when(received(welcome(1, 5, 1)))
                        .then(WENT_BACK, "sync after 0", "persist 1/0/3 clear dequeue 2,3 enqueue 2,3", "mutate 2 run 1",
                                "mutate 3 run 1", "online"),
                rule("went back: once the hub's state is taken again every order shown before is refreshed")
                        .given(stored(1, 50, 3).confirmed("o1", 3).then(connected(), received(welcome(1, 60, 1))))
                        .when(received(snapshot(1, 60, 1, "o2")))
                        .then("persist 1/60/1 clear put o2", "refresh o2,o1"),
                rule("went back: early events of the replay wait for the sync already asked, without asking again")
                        .given(stored(1, 50, 3).then(connected(), received(welcome(1, 60, 1))))
                        .when(received(change(51, "o1", "T2", 1)))
                        .then(),
                // ---------------------------------------------------------------- event tags
                rule("tags: hello names the tag of the stored state")
                        .given(stored(1, 41, 11).tagged(410))
                        .when(connected())
                        .then("hello bistro/T1 anna run 1 seq 41 tag 410"),
                rule("tags: an applied event's tag is stored with the seq and named in the next hello")
                        .given(online(1, 5, 0).then(received(tagged(change(6, "o2", "T2", 1), 60)), disconnected()))
                        .when(connected())
                        .then("hello bistro/T1 anna run 1 seq 6 tag 60"),
                rule("tags: a snapshot's tag is stored with its seq")
                        .given(online(1, 5, 0))
                        .when(received(new HubMessage.Snapshot(1, 9, 0, List.of(), 90)))
                        .then("persist 1/9/0 tag 90 clear"),
                rule("tags: a diverged welcome (a restored hub went past the terminal's seq with other events): the "
                        + "replica is dropped and the snapshot the hub sends with it awaited (no sync: a second full transfer), "
                        + "though the hub is ahead in seq and count")
                        .given(stored(1, 40, 5).tagged(400).confirmed("o1", 3).then(connected()))
                        .when(received(diverged(1, 45, 5)))
                        .then(WENT_BACK, "persist 1/0/5 clear", "online"),
                rule("tags: after a diverged welcome, pending changes are re-offered on the hub's state taken again")
                        .given(stored(1, 40, 7, mutate(6, 1, "o1"), mutate(7, 1, "o1")).tagged(400).then(connected()))
                        .when(received(diverged(1, 45, 5)))
                        .then(WENT_BACK, "persist 1/0/7 clear dequeue 6,7 enqueue 6,7", "mutate 6 run 1",
                                "mutate 7 run 1",
                                "online"),
                rule("tags: after a diverged welcome the hub's snapshot redraws every order shown before")
                        .given(stored(1, 40, 5).tagged(400).confirmed("o1", 3).then(connected(),
                                received(diverged(1, 45, 5))))
                        .when(received(new HubMessage.Snapshot(1, 45, 5, List.of(), 450)))
                        .then("persist 1/45/5 tag 450 clear", "refresh o1"),
                rule("tags: a welcome that is not diverged at the same seq changes nothing")
                        .given(stored(1, 40, 5).tagged(400).confirmed("o1", 3).then(connected()))
                        .when(received(welcome(1, 45, 5)))
                        .then("online"),
                rule("welcome: ignored without a connection")
                        .given(stored(1, 5, 0))
                        .when(received(welcome(1, 5, 0)))
                        .then(),

                // ---------------------------------------------------------------- local changes
                rule("edit: offline, the mutation is only stored")
                        .given(stored(1, 5, 0))
                        .when(edit("o1"))
                        .then("persist 1/5/1 enqueue 1"),
                rule("edit: online, it is stored and sent at once in the current run")
                        .given(online(1, 5, 0))
                        .when(edit("o1"))
                        .then("persist 1/5/1 enqueue 1", "mutate 1 run 1"),
                rule("remove: consumes a mutation id like an edit")
                        .given(online(1, 5, 0))
                        .when(remove("o1"))
                        .then("persist 1/5/1 enqueue 1", "remove 1 run 1"),

                // ---------------------------------------------------------------- send window
                rule("window: after welcome at most maxInFlight mutations are in flight")
                        .given(stored(1, 5, 4, outbox(1, 4)).window(2).then(connected()))
                        .when(received(welcome(1, 5, 0)))
                        .then("mutate 1 run 1", "mutate 2 run 1", "online"),
                rule("window: an acknowledgement lets the next one out")
                        .given(stored(1, 5, 4, outbox(1, 4)).window(2).then(connected(), received(welcome(1, 5, 0))))
                        .when(received(ack(1, 6)))
                        .then("mutate 3 run 1"),
                rule("window: an edit waits while the window is full")
                        .given(stored(1, 5, 1, outbox(1, 1)).window(1).then(connected(), received(welcome(1, 5, 0))))
                        .when(edit("o1"))
                        .then("persist 1/5/2 enqueue 2"),
                rule("ack: cumulative, one ack covers every lower id")
                        .given(stored(1, 5, 4, outbox(1, 4)).window(2).then(connected(), received(welcome(1, 5, 0))))
                        .when(received(ack(2, 5)))
                        .then("persist 1/5/4 dequeue 1,2", "refresh o1", "mutate 3 run 1", "mutate 4 run 1"),
                rule("ack: the mutation stays pending until lastSeq reaches the ack's seq")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(ack(1, 7)))
                        .then(),
                rule("ack: the mutation is dropped once the events reach the ack's seq")
                        .given(online(1, 5, 1, outbox(1, 1)).then(received(ack(1, 7)), received(change(6, "o2", "T2", 4))))
                        .when(received(change(7, "o2", "T2", 5)))
                        .then("persist 1/7/1 put o2 dequeue 1", "refresh o2,o1"),
                rule("ack: each dropped operation is reported as a conflict")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(new HubMessage.Ack(1, 6, false, List.of(
                                new HubMessage.DroppedOp(setNote(), Reason.ELEMENT_REMOVED, "line L1 was removed")))))
                        .then("conflict 1 o1 element_removed", "refresh o1"),
                rule("rejected: the mutation is dropped and reported as a conflict")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(new HubMessage.Rejected(1, "o1", Reason.ORDER_REMOVED, "o1 was paid", 6)))
                        .then("persist 1/5/1 dequeue 1", "conflict 1 o1 order_removed", "refresh o1"),
                rule("rejected: a mutation no longer pending is ignored")
                        .given(online(1, 5, 0))
                        .when(received(new HubMessage.Rejected(7, "o1", Reason.STALE_RUN, "old run", 6)))
                        .then(),

                // ---------------------------------------------------------------- resend
                rule("resend: sends again from the expected id")
                        .given(online(1, 5, 4, outbox(1, 4)))
                        .when(received(new HubMessage.Resend(2)))
                        .then("mutate 2 run 1", "mutate 3 run 1", "mutate 4 run 1"),
                rule("resend: requests already on their way for the same id are ignored")
                        .given(online(1, 5, 4, outbox(1, 4)).then(received(new HubMessage.Resend(2))))
                        .when(received(new HubMessage.Resend(2)))
                        .then(),
                rule("resend: a request for an acknowledged id is stale")
                        .given(online(1, 5, 4, outbox(1, 4)).then(received(ack(2, 9))))
                        .when(received(new HubMessage.Resend(2)))
                        .then(),

                // ---------------------------------------------------------------- rate limiting
                rule("rate_limited: sending pauses for the first pause")
                        .given(online(1, 5, 3, outbox(1, 3)))
                        .when(received(rateLimited()))
                        .then("resume after 250 ms, generation 1"),
                rule("rate_limited: while paused nothing is sent")
                        .given(online(1, 5, 3, outbox(1, 3)).window(1).then(received(rateLimited())))
                        .when(received(ack(1, 5)))
                        .then("persist 1/5/3 dequeue 1", "refresh o1"),
                rule("rate_limited: a second one during the pause is ignored")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited())))
                        .when(received(rateLimited()))
                        .then(),
                rule("rate_limited: resend requests wait for the pause")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited())))
                        .when(received(new HubMessage.Resend(2)))
                        .then(),
                rule("pause elapsed: starts again from the first unacknowledged mutation")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(ack(1, 9)), received(rateLimited())))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then("mutate 2 run 1", "mutate 3 run 1"),
                rule("pause: doubles while rate limiting goes on")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited()), new SyncEvent.PauseElapsed(1)))
                        .when(received(rateLimited()))
                        .then("resume after 500 ms, generation 1"),
                rule("pause: an acknowledgement makes the next pause short again")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited()), new SyncEvent.PauseElapsed(1),
                                received(ack(1, 9))))
                        .when(received(rateLimited()))
                        .then("resume after 250 ms, generation 1"),
                rule("pause: one set on an earlier connection is ignored")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited()), disconnected(), connected(),
                                received(welcome(1, 5, 0)), received(rateLimited())))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then(),
                rule("pause: the current connection's pause ends")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(rateLimited()), disconnected(), connected(),
                                received(welcome(1, 5, 0)), received(rateLimited())))
                        .when(new SyncEvent.PauseElapsed(3))
                        .then("mutate 1 run 1", "mutate 2 run 1", "mutate 3 run 1"),
                rule("pause: a hello that was rate limited is said again")
                        .given(stored(1, 5, 0).then(connected(), received(rateLimited())))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then("hello bistro/T1 anna run 1 seq 5"),
                rule("pause: kept early events are asked for again")
                        .given(online(1, 5, 0).then(received(change(7, "o2", "T2", 1)), received(rateLimited())))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then("sync after 5"),
                rule("rate_limited: without a connection it is ignored")
                        .given(stored(1, 5, 0))
                        .when(received(rateLimited()))
                        .then(),

                // ---------------------------------------------------------------- events in order
                rule("event: the next in sequence is applied and stored")
                        .given(online(1, 5, 0))
                        .when(received(change(6, "o2", "T2", 1)))
                        .then("persist 1/6/0 put o2", "refresh o2"),
                rule("event: a seq already applied is ignored")
                        .given(online(1, 5, 0))
                        .when(received(change(5, "o2", "T2", 1)))
                        .then(),
                rule("event: another run's is ignored")
                        .given(online(1, 5, 0))
                        .when(received(new HubMessage.Change(6, 2, "o2", 1, 1, author("T2"), 1, List.of(setNote()))))
                        .then(),
                rule("event: an early one is kept and a sync asked")
                        .given(online(1, 5, 0))
                        .when(received(change(7, "o3", "T2", 2)))
                        .then("sync after 5"),
                rule("event: another early one of the same gap asks no more")
                        .given(online(1, 5, 0).then(received(change(7, "o3", "T2", 2))))
                        .when(received(change(8, "o4", "T2", 3)))
                        .then(),
                rule("event: filling the gap applies the kept events in order")
                        .given(online(1, 5, 0).then(received(change(7, "o3", "T2", 2)), received(change(8, "o4", "T2", 3))))
                        .when(received(change(6, "o2", "T2", 1)))
                        .then("persist 1/8/0 put o2,o3,o4", "refresh o2,o3,o4"),
                rule("event: before welcome an early one asks no sync (the hub's replay is on its way)")
                        .given(stored(1, 5, 0).then(connected()))
                        .when(received(change(7, "o3", "T2", 2)))
                        .then(),
                rule("event: a removal elsewhere deletes the order and says whether it was paid")
                        .given(online(1, 5, 0).then(received(change(6, "o2", "T2", 1))))
                        .when(received(new HubMessage.Removed(7, 1, "o2", 2, author("T2"), 2, true)))
                        .then("persist 1/7/0 delete o2", "refresh o2 (paid o2)"),
                rule("event: the terminal's own change acknowledges it and every lower id")
                        .given(online(1, 5, 2, outbox(1, 2)))
                        .when(received(change(6, "o1", "T1", 2)))
                        .then("persist 1/6/2 put o1 dequeue 1,2", "refresh o1"),
                rule("event: the terminal's own removal acknowledges it")
                        .given(online(1, 5, 1, new ClientMessage.Remove(1, 1, "o1", 3, "anna", true)))
                        .when(received(new HubMessage.Removed(6, 1, "o1", 4, author("T1"), 1, true)))
                        .then("persist 1/6/1 delete o1 dequeue 1", "refresh o1 (paid o1)"),
                rule("event: another terminal's change with the same mutation id acknowledges nothing")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(change(6, "o2", "T2", 1)))
                        .then("persist 1/6/1 put o2", "refresh o2"),
                rule("event: a run of events and acks is settled once")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(new SyncEvent.Received(List.of(change(6, "o2", "T2", 1), ack(1, 6),
                                change(7, "o3", "T2", 2))))
                        .then("persist 1/7/1 put o2,o3 dequeue 1", "refresh o2,o3,o1"),

                // ---------------------------------------------------------------- snapshot
                rule("snapshot: replaces the confirmed state and settles the mutations it holds")
                        .given(stored(1, 5, 3, outbox(1, 3)).confirmed("o9", 2).then(connected(),
                                received(welcome(1, 5, 0))))
                        .when(received(snapshot(1, 9, 2, "o1")))
                        .then("persist 1/9/3 clear put o1 dequeue 1,2", "refresh o9,o1"),
                rule("snapshot: its lastMutationId raises the mutation counter")
                        .given(fresh().then(connected(), received(welcome(1, 9, 0))))
                        .when(received(snapshot(1, 9, 4)))
                        .then("persist 1/9/4 clear"),
                rule("snapshot: kept events it covers are dropped, the next one after it applied")
                        .given(online(1, 5, 0).then(received(change(7, "o3", "T2", 2)), received(change(11, "o4", "T2", 3))))
                        .when(received(snapshot(1, 10, 0, "o2")))
                        .then("persist 1/10/0 clear put o2", "refresh o2", "persist 1/11/0 put o4", "refresh o4"),
                rule("snapshot: a new run drops the confirmed orders")
                        .given(online(1, 5, 0).confirmed("o9", 2))
                        .when(received(snapshot(2, 3, 0)))
                        .then("persist 2/3/0 clear", "refresh o9"),
                rule("snapshot: events kept from an old run never apply in the new one")
                        .given(online(1, 5, 0).then(received(change(8, "o3", "T2", 2)), received(snapshot(2, 6, 0))))
                        .when(received(new HubMessage.Change(7, 2, "o2", 1, 1, author("T2"), 1, List.of(setNote()))))
                        .then("persist 2/7/0 put o2", "refresh o2"),

                // ---------------------------------------------------------------- connection
                rule("disconnect: an online terminal reports going offline")
                        .given(online(1, 5, 0))
                        .when(disconnected())
                        .then("offline"),
                rule("disconnect: a terminal not yet welcomed reports nothing")
                        .given(stored(1, 5, 0).then(connected()))
                        .when(disconnected())
                        .then(),
                rule("disconnect: kept early events are dropped")
                        .given(online(1, 5, 0).then(received(change(7, "o3", "T2", 2)), disconnected(), connected(),
                                received(welcome(1, 5, 0))))
                        .when(received(change(6, "o2", "T2", 1)))
                        .then("persist 1/6/0 put o2", "refresh o2"),
                rule("disconnect: after it, a gap asks for a sync again")
                        .given(online(1, 5, 0).then(received(change(7, "o3", "T2", 2)), disconnected(), connected(),
                                received(welcome(1, 5, 0))))
                        .when(received(change(8, "o4", "T2", 3)))
                        .then("sync after 5"),
                rule("unauthorized: reported, after going offline")
                        .given(online(1, 5, 0))
                        .when(unauthorized())
                        .then("offline", "unauthorized"),
                rule("unauthorized: reported once per streak of refusals")
                        .given(stored(1, 5, 0).then(unauthorized()))
                        .when(unauthorized())
                        .then(),
                rule("unauthorized: a refusal after a connection starts a new streak")
                        .given(stored(1, 5, 0).then(unauthorized(), connected()))
                        .when(unauthorized())
                        .then("unauthorized"),
                // ---------------------------------------------------------------- unreadable
                rule("unreadable: a change that cannot be read is told once and a snapshot asked for")
                        .given(online(1, 5, 0))
                        .when(unreadable())
                        .then("desynced: order o2 cannot be applied", "sync after " + SyncProtocol.ASK_FOR_SNAPSHOT),
                rule("unreadable: more of the same streak ask nothing more and tell nobody again")
                        .given(online(1, 5, 0).then(unreadable()))
                        .when(unreadable())
                        .then(),
                rule("unreadable: later changes are still applied")
                        .given(online(1, 5, 0).then(unreadable()))
                        .when(received(change(6, "o3", "T2", 1)))
                        .then("persist 1/6/0 put o3", "refresh o3"),
                rule("unreadable: offline, it is told and the snapshot is left to the next connection")
                        .given(stored(1, 5, 0))
                        .when(unreadable())
                        .then("desynced: order o2 cannot be applied"),
                rule("unreadable: a snapshot that cannot be applied either is not asked for again")
                        .given(online(1, 5, 0).then(unreadable(), received(snapshot(1, 9, 0, "o2"))))
                        .when(unreadable())
                        .then("desynced: the hub's snapshot cannot be applied: order o2 cannot be applied"),
                rule("unreadable: a snapshot that applies ends the streak; the next failure is told again")
                        .given(online(1, 5, 0).then(unreadable(), received(snapshot(1, 9, 0, "o2")),
                                received(change(10, "o3", "T2", 1))))
                        .when(unreadable())
                        .then("desynced: order o2 cannot be applied", "sync after " + SyncProtocol.ASK_FOR_SNAPSHOT),
                rule("error: any other code changes nothing")
                        .given(online(1, 5, 1, outbox(1, 1)))
                        .when(received(new HubMessage.Error(Reason.FORBIDDEN, "not yours", "mutate 1")))
                        .then(),
                // ---------------------------------------------------------------- the hub failing
                rule("internal: a failed hello waits the first delay")
                        .given(stored(1, 5, 0).then(connected()))
                        .when(received(internal("hello")))
                        .then("warning: the hub failed on hello", "resume after 250 ms, generation 1"),
                rule("internal: after the delay a terminal not welcomed says hello again")
                        .given(stored(1, 5, 0).then(connected(), received(internal("hello"))))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then("hello bistro/T1 anna run 1 seq 5"),
                rule("internal: the delay doubles while the hub keeps failing")
                        .given(stored(1, 5, 0).then(connected(), received(internal("hello")),
                                new SyncEvent.PauseElapsed(1)))
                        .when(received(internal("hello")))
                        .then("resume after 500 ms, generation 1"),
                rule("internal: after a failed mutation the delay ends by sending from the first unacknowledged")
                        .given(online(1, 5, 3, outbox(1, 3)).then(received(ack(1, 9)), received(internal("mutate 2"))))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then("mutate 2 run 1", "mutate 3 run 1"),
                rule("internal: nothing is sent while waiting")
                        .given(online(1, 5, 1, outbox(1, 1)).then(received(internal("mutate 1"))))
                        .when(edit("o1"))
                        .then("persist 1/5/2 enqueue 2"),
                rule("internal: one more failure while waiting adds no second delay")
                        .given(online(1, 5, 2, outbox(1, 2)).then(received(internal("mutate 1"))))
                        .when(received(internal("mutate 2")))
                        .then(),
                rule("internal: a welcome ends the streak; the next failure waits the first delay")
                        .given(stored(1, 5, 0).then(connected(), received(internal("hello")),
                                new SyncEvent.PauseElapsed(1), received(internal("hello")), new SyncEvent.PauseElapsed(1),
                                received(welcome(1, 5, 0)), edit("o1")))
                        .when(received(internal("mutate 1")))
                        .then("warning: the hub failed on mutate 1", "resume after 250 ms, generation 1"),
                rule("internal: a delay of an earlier connection does nothing on the next")
                        .given(stored(1, 5, 0).then(connected(), received(internal("hello")), disconnected(),
                                connected()))
                        .when(new SyncEvent.PauseElapsed(1))
                        .then(),
                rule("internal: without a connection it is ignored")
                        .given(stored(1, 5, 0))
                        .when(received(internal("hello")))
                        .then(),
                rule("pong: changes nothing")
                        .given(online(1, 5, 0))
                        .when(received(new HubMessage.Pong(7)))
                        .then());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(Case rule) {
        SyncProtocol protocol = rule.start().build();
        // what became of each mutation is checked by SyncProtocolOutcomeTest's table
        List<String> effects = protocol.handle(rule.event()).stream()
                .filter(effect -> !(effect instanceof SyncEffect.Outcome))
                .map(SyncProtocolTest::describe).toList();
        assertEquals(rule.expected(), effects);
    }

    @Test
    void aTerminalThatCannotShowTheHubsStateIsNeverInSyncUntilASnapshotApplies() {
        SyncProtocol protocol = online(1, 5, 0).build();
        assertTrue(protocol.isSynced());
        protocol.handle(unreadable());
        assertFalse(protocol.isSynced());
        assertEquals("order o2 cannot be applied", protocol.unreadable());
        protocol.handle(received(snapshot(1, 9, 0, "o2")));
        protocol.handle(unreadable());
        assertFalse(protocol.isSynced(), "the snapshot itself could not be applied");
        assertEquals("the hub's snapshot cannot be applied: order o2 cannot be applied", protocol.unreadable());
        protocol.handle(received(snapshot(1, 10, 0, "o2")));
        assertTrue(protocol.isSynced());
        assertNull(protocol.unreadable());
    }

    @Test
    void aMutationCarriesTheConfirmedRevisionTheUserAndTheOps() {
        SyncProtocol protocol = online(1, 5, 0).confirmed("o1", 4).build();
        List<SyncEffect> effects = protocol.handle(new SyncEvent.LocalEdit("o1", List.of(setNote())));
        assertEquals(new SyncEffect.Send(new ClientMessage.Mutate(1, 1, "o1", 4, "anna", List.of(setNote()))),
                effects.get(1));
    }

    /**
     * A change made before the order's creation was confirmed travels on base revision 0. If the
     * hub goes back, the creation (confirmed and dropped from the outbox) is gone from it while
     * the change is re-offered: sent on revision 0 it would make half an order of it. It is sent
     * on the revision the terminal had, so that a hub that lost the order refuses it.
     */
    @Test
    void aChangeReOfferedToAHubThatWentBackNamesTheRevisionItsOrderHad() {
        SyncProtocol protocol = stored(1, 50, 3, mutate(3, 1, "o1")).confirmed("o1", 4).build();
        protocol.handle(connected());
        List<SyncEffect> effects = protocol.handle(received(welcome(1, 40, 1)));
        ClientMessage.Mutate sent = effects.stream().filter(e -> e instanceof SyncEffect.Send send
                && send.message() instanceof ClientMessage.Mutate).map(e -> (ClientMessage.Mutate)
                ((SyncEffect.Send) e).message()).findFirst().orElseThrow();
        assertEquals(2, sent.mutationId());
        assertEquals(4, sent.baseRevision());
        TerminalWrite stored = effects.stream().filter(e -> e instanceof SyncEffect.Persist).map(e ->
                ((SyncEffect.Persist) e).write()).findFirst().orElseThrow();
        assertEquals(4, ((ClientMessage.Mutate) stored.enqueue().get(0)).baseRevision(), "stored as sent");
        assertEquals("{\"uid\":\"o1\",\"note\":\"window seat\"}", protocol.replica().visible("o1").toString(),
                "until the hub's state is taken again, the order shows as it was, with the change on top");
    }

    @Test
    void storedOrdersAreCopiesThatLaterEventsLeaveAlone() {
        SyncProtocol protocol = online(1, 5, 0).build();
        SyncEffect.Persist first = (SyncEffect.Persist) protocol.handle(received(change(6, "o2", "T2", 1))).get(0);
        protocol.handle(received(new HubMessage.Change(7, 1, "o2", 2, 1, author("T2"), 2,
                List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("changed"))))));
        assertEquals("window seat", first.write().putOrders().get(0).data().get("note").asText());
    }

    // ---------------------------------------------------------------- the table's language

    /** One row: a rule of the protocol, the state it starts from, one event, and the effects it must give. */
    record Case(String rule, Given start, SyncEvent event, List<String> expected) {
        Case given(Given state) {
            return new Case(rule, state, event, expected);
        }

        Case when(SyncEvent next) {
            return new Case(rule, start, next, expected);
        }

        Case then(String... effects) {
            return new Case(rule, start, event, List.of(effects));
        }

        @Override
        public String toString() {
            return rule;
        }
    }

    /** A stored state, the send window, and the events handled before the one under test. */
    record Given(TerminalState stored, int window, List<SyncEvent> events) {
        Given then(SyncEvent... more) {
            List<SyncEvent> all = new ArrayList<>(events);
            all.addAll(Arrays.asList(more));
            return new Given(stored, window, all);
        }

        Given window(int size) {
            return new Given(stored, size, events);
        }

        /** Adds a confirmed order with this revision to the stored state (numbered in the order added). */
        Given confirmed(String uid, long revision) {
            List<HubMessage.OrderState> orders = new ArrayList<>(stored.confirmed());
            orders.add(new HubMessage.OrderState(uid, revision, orders.size() + 1, orderJson(uid), OrderInfo.empty()));
            return new Given(new TerminalState(stored.runId(), stored.lastSeq(), stored.lastMutationId(), orders,
                    stored.outbox(), stored.lastTag()), window, events);
        }

        /** The stored state's tag. */
        Given tagged(long tag) {
            return new Given(new TerminalState(stored.runId(), stored.lastSeq(), stored.lastMutationId(),
                    stored.confirmed(), stored.outbox(), tag), window, events);
        }

        SyncProtocol build() {
            SyncProtocol protocol = new SyncProtocol(new Terminal.Identity("bistro", "T1", "anna"), window);
            protocol.restore(stored);
            for (SyncEvent event : events) {
                protocol.handle(event);
            }
            return protocol;
        }
    }

    static Case rule(String rule) {
        return new Case(rule, null, null, null);
    }

    static Given fresh() {
        return stored(0, 0, 0);
    }

    static Given stored(long runId, long lastSeq, long lastMutationId, ClientMessage... outbox) {
        return new Given(new TerminalState(runId, lastSeq, lastMutationId, List.of(), List.of(outbox)),
                Terminal.DEFAULT_MAX_IN_FLIGHT, List.of());
    }

    /** Connected and welcomed by a hub at the terminal's own run and seq. */
    static Given online(long runId, long lastSeq, long lastMutationId, ClientMessage... outbox) {
        return stored(runId, lastSeq, lastMutationId, outbox).then(connected(), received(welcome(runId, lastSeq, 0)));
    }

    /** Mutations {@code from}..{@code to} of run 1, all on order o1. */
    static ClientMessage[] outbox(long from, long to) {
        List<ClientMessage> entries = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            entries.add(mutate(id, 1, "o1"));
        }
        return entries.toArray(ClientMessage[]::new);
    }

    static ClientMessage mutate(long mutationId, long runId, String order) {
        return new ClientMessage.Mutate(mutationId, runId, order, 0, "anna", List.of(setNote()));
    }

    static Op setNote() {
        return new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("window seat"));
    }

    static ObjectNode orderJson(String uid) {
        return JsonNodeFactory.instance.objectNode().put("uid", uid);
    }

    static SyncEvent connected() {
        return new SyncEvent.Connected();
    }

    static SyncEvent disconnected() {
        return new SyncEvent.Disconnected("connection reset");
    }

    static SyncEvent unreadable() {
        return new SyncEvent.Unreadable("order o2 cannot be applied");
    }

    static SyncEvent unauthorized() {
        return new SyncEvent.Unauthorized("unauthorized: unknown token");
    }

    static SyncEvent edit(String order) {
        return new SyncEvent.LocalEdit(order, List.of(setNote()));
    }

    static SyncEvent remove(String order) {
        return new SyncEvent.LocalRemove(order, true);
    }

    static SyncEvent.Received received(HubMessage message) {
        return SyncEvent.Received.of(message);
    }

    static HubMessage welcome(long runId, long seq, long lastMutationId) {
        return new HubMessage.Welcome("bistro", "T1", runId, seq, lastMutationId);
    }

    /** A welcome that says the terminal's state at its seq is not of this hub's history. */
    static HubMessage diverged(long runId, long seq, long lastMutationId) {
        return new HubMessage.Welcome("bistro", "T1", runId, seq, lastMutationId, true);
    }

    static HubMessage.Event tagged(HubMessage.Event event, long tag) {
        return event.withTag(tag);
    }

    static HubMessage.Ack ack(long mutationId, long seq) {
        return new HubMessage.Ack(mutationId, seq, false, List.of());
    }

    static HubMessage internal(String ref) {
        return new HubMessage.Error(Reason.INTERNAL, "the hub failed on this message: database down", ref);
    }

    static HubMessage rateLimited() {
        return new HubMessage.Error(Reason.RATE_LIMITED, "more than 200 messages per second", null);
    }

    /** A change of run 1 at {@code seq}, made by {@code terminal} as its mutation {@code mutationId}. */
    static HubMessage.Change change(long seq, String order, String terminal, long mutationId) {
        return new HubMessage.Change(seq, 1, order, seq, 1, author(terminal), mutationId, List.of(setNote()));
    }

    static HubMessage.Snapshot snapshot(long runId, long seq, long lastMutationId, String... orders) {
        List<HubMessage.OrderState> states = new ArrayList<>();
        for (String order : orders) {
            states.add(new HubMessage.OrderState(order, 1, states.size() + 1, orderJson(order), OrderInfo.empty()));
        }
        return new HubMessage.Snapshot(runId, seq, lastMutationId, states);
    }

    static Author author(String terminal) {
        return new Author(terminal, "anna", Instant.parse("2026-11-28T19:30:00Z"));
    }

    /** One effect as a short line: what was sent, written, refreshed or told. */
    static String describe(SyncEffect effect) {
        if (effect instanceof SyncEffect.Send send) {
            return describe(send.message());
        }
        if (effect instanceof SyncEffect.Persist persist) {
            return describe(persist.write());
        }
        if (effect instanceof SyncEffect.RefreshModels refresh) {
            String paid = refresh.finalized().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .sorted().collect(Collectors.joining(","));
            return "refresh " + String.join(",", refresh.orders()) + (paid.isEmpty() ? "" : " (paid " + paid + ")");
        }
        if (effect instanceof SyncEffect.ResumeAfter resume) {
            return "resume after " + resume.delay().toMillis() + " ms, generation " + resume.generation();
        }
        SyncEffect.Notice notice = ((SyncEffect.Notify) effect).notice();
        if (notice instanceof SyncEffect.ConnectionChanged changed) {
            return changed.online() ? "online" : "offline";
        }
        if (notice instanceof SyncEffect.ConflictFound found) {
            Conflict conflict = found.conflict();
            return "conflict " + conflict.mutationId() + " " + conflict.order() + " " + conflict.reason();
        }
        if (notice instanceof SyncEffect.Warning warning) {
            return "warning: " + warning.message().replaceFirst("terminal T1: ", "").split("[;:(]")[0].trim();
        }
        if (notice instanceof SyncEffect.Desynced desynced) {
            return "desynced: " + desynced.reason();
        }
        return "unauthorized";
    }

    private static String describe(ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello) {
            return "hello " + hello.session() + "/" + hello.terminal() + " " + hello.user() + " run " + hello.runId()
                    + " seq " + hello.lastSeq() + (hello.lastTag() == 0 ? "" : " tag " + hello.lastTag());
        }
        if (message instanceof ClientMessage.Mutate mutate) {
            return "mutate " + mutate.mutationId() + " run " + mutate.runId();
        }
        if (message instanceof ClientMessage.Remove remove) {
            return "remove " + remove.mutationId() + " run " + remove.runId();
        }
        if (message instanceof ClientMessage.Sync sync) {
            return "sync after " + sync.afterSeq();
        }
        return message.type();
    }

    private static String describe(TerminalWrite write) {
        StringBuilder line = new StringBuilder("persist " + write.runId() + "/" + write.lastSeq() + "/"
                + write.lastMutationId());
        if (write.lastTag() != 0) {
            line.append(" tag ").append(write.lastTag());
        }
        if (write.clearOrders()) {
            line.append(" clear");
        }
        part(line, "put", write.putOrders().stream().map(HubMessage.OrderState::order).toList());
        part(line, "delete", write.deleteOrders());
        part(line, "dequeue", write.dequeue());
        part(line, "enqueue", write.enqueue().stream().map(TerminalWrite::mutationId).toList());
        return line.toString();
    }

    private static void part(StringBuilder line, String name, List<?> values) {
        if (!values.isEmpty()) {
            line.append(' ').append(name).append(' ')
                    .append(values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }
}
