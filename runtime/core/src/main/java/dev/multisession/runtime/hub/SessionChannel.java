package dev.multisession.runtime.hub;

import dev.multisession.runtime.flow.Continuation;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session on this hub node, wiring its parts together: the {@link SessionMailbox} queues
 * the messages of all its connections; each batch taken from it is handled in queue order,
 * consecutive mutations and removals in <em>one</em> store transaction (one commit, one fsync)
 * in which {@link MutationRules} decides each against a {@link SessionWorkingCopy}; the
 * {@link Broadcaster} sends the replies and the new events after the commit. A hello, sync or
 * ping is handled in its place in the queue, so a connection's messages keep their order.
 *
 * <p>A run of mutations goes to the store with {@link dev.multisession.runtime.hub.spi.HubStore#inSessionAsync}:
 * while it waits for its commit the hub's thread serves other sessions (so one commit can carry
 * the batches of as many sessions as wait, not only of as many as there are threads), and the
 * answers, the broadcast and the rest of the batch go on on the hub's executor once it is
 * durable. The session's queue stays busy until then, so its batches never overlap.
 */
final class SessionChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SessionChannel.class);
    private static final MessageCodec CODEC = MessageCodec.instance();

    private final String session;
    private final HubConfig config;
    private final SessionMailbox mailbox;
    private final Broadcaster broadcaster;

    private final StoreOutage outage;
    private final HubObserver observer;
    private final Executor executor;
    private final CommitsUnderWay underWay;
    /** Used by the session's batches, one at a time; forgotten when its last terminal leaves. */
    private final SessionMemory memory = new SessionMemory();

    SessionChannel(String session, HubConfig config, Executor executor, StoreOutage outage, HubObserver observer,
            CommitsUnderWay underWay) {
        this.session = session;
        this.executor = executor;
        this.underWay = underWay;
        this.observer = observer;
        this.outage = outage;
        this.config = config;
        this.broadcaster = new Broadcaster(session, config.store());
        this.mailbox = new SessionMailbox(session, executor, config.maxBatch(), config.sessionQueueLimit(),
                config.connectionQueueLimit(), this::handle);
    }

    /** Queues a checked message; false if it is a mutation over the queue's bounds. */
    boolean offer(TerminalConnection connection, ClientMessage message) {
        return mailbox.offer(new SessionMailbox.Work(connection, message));
    }

    /**
     * The connection went away: no more broadcasts to it; its queued messages are skipped. When
     * it was the session's last on this node, the node forgets the session's state until a
     * terminal is back.
     */
    void disconnected(TerminalConnection connection) {
        broadcaster.remove(connection);
        if (!broadcaster.hasConnections()) {
            memory.forget();
        }
    }

    /** Another node may have committed changes: send what the log holds beyond what was broadcast. */
    void remoteCommit() {
        broadcaster.pump();
    }

    /** Closes the day; see {@link Hub#resetSession}. */
    long reset() {
        long runId = broadcaster.reset();
        observer.reset(session, runId);
        return runId;
    }

    /** The greeted connections of this session on this node. */
    List<ConnectionStatus> status() {
        return broadcaster.status();
    }

    int queuedMutations() {
        return mailbox.queuedMutations();
    }

    /** Closes every connection that gets broadcasts. */
    void closeConnections() {
        for (TerminalConnection connection : broadcaster.connections()) {
            connection.close();
        }
    }

    /**
     * Handles a batch in queue order: runs of mutations in one transaction each, other messages
     * in between; completes when all of it is done.
     */
    private CompletionStage<?> handle(List<SessionMailbox.Work> batch) {
        return handleFrom(batch, 0);
    }

    /** Handles {@code batch} from {@code start}; the rest after a run of mutations waits for its commit. */
    private CompletableFuture<?> handleFrom(List<SessionMailbox.Work> batch, int start) {
        List<SessionMailbox.Work> mutations = new ArrayList<>();
        for (int i = start; i < batch.size(); i++) {
            SessionMailbox.Work work = batch.get(i);
            if (work.connection().closed) {
                continue; // the terminal re-sends after reconnecting; nothing was acknowledged
            }
            if (work.mutation()) {
                mutations.add(work);
                continue;
            }
            if (!mutations.isEmpty()) {
                int rest = i;
                return applyMutations(mutations).thenCompose(done -> handleFrom(batch, rest));
            }
            handleControl(work.connection(), work.message());
        }
        return applyMutations(mutations);
    }

    /** A hello, sync or ping, in its place in the queue. */
    private void handleControl(TerminalConnection connection, ClientMessage message) {
        try {
            if (message instanceof ClientMessage.Hello hello) {
                HubObserver.CatchUp how = broadcaster.catchUp(connection, hello.runId(), hello.lastSeq(),
                        hello.lastTag(), true);
                // only a terminal that was brought up to date and gets broadcasts may change orders
                connection.greeted(hello.user());
                observer.greeted(connection.identity, hello.user(), how);
            } else if (message instanceof ClientMessage.Ping ping) {
                broadcaster.reply(connection, new HubMessage.Pong(ping.nonce()));
            } else if (!connection.isGreeted()) {
                broadcaster.reply(connection, new HubMessage.Error(Reason.FORBIDDEN, "send hello first",
                        MessageChecks.referenceOf(message)));
            } else {
                ClientMessage.Sync sync = (ClientMessage.Sync) message;
                observer.synced(connection.identity, broadcaster.sync(connection, sync.afterSeq()));
            }
        } catch (RuntimeException e) {
            outage.failed(message.type() + " of " + connection, e);
            observer.storeFailed(session);
            broadcaster.reply(connection, DecidedBatch.internal(e, message));
            connection.sink.close("the hub's store is unavailable");
            return;
        }
        outage.succeeded();
    }

    /**
     * Applies mutations in one store transaction, then answers each and broadcasts the new
     * events; completes when that is done. A mutation that throws is answered {@code internal}
     * and changes nothing; a transaction that fails answers every one of them {@code internal}.
     *
     * <p>The batch is decided here, on the hub's worker, against the session as this node last
     * committed it ({@link SessionMemory}); the transaction checks that the store still holds that and
     * only writes. Otherwise it decides the batch again against the store, inside the transaction
     * (and again each time the store runs the transaction again). Only the decision committed is
     * logged, after the commit: a mutation that threw is logged once, not once per decision.
     */
    private CompletableFuture<?> applyMutations(List<SessionMailbox.Work> mutations) {
        if (mutations.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long started = System.nanoTime();
        CompletionStage<DecidedBatch> committed;
        // the texts of every event decided for this batch, held until the connections have them
        List<HubMessage.Event> held = Collections.synchronizedList(new ArrayList<>());
        underWay.started();
        try {
            SessionMemory.Speculation speculation = memory.speculate();
            DecidedBatch early = speculation == null ? null
                    : DecidedBatch.decide(speculation, null, mutations, config);
            if (early != null) {
                // the store logs each event as this text: encoding it here keeps that off a
                // store's single writer thread
                hold(early.events(), held);
            }
            committed = commit(tx -> {
                DecidedBatch batch;
                if (early != null && speculation.holdsIn(tx)) {
                    batch = early;
                } else {
                    SessionMemory.ReadThrough reads = memory.readThrough(tx);
                    batch = DecidedBatch.decide(reads, reads, mutations, config);
                    hold(batch.events(), held);
                }
                batch.copy().writeTo(tx);
                return batch;
            });
        } catch (RuntimeException e) {
            committed = CompletableFuture.failedFuture(e);
        }
        return Continuation.on(committed, executor, (batch, failure) -> {
            try {
                if (failure != null) {
                    memory.forget();
                    failed(mutations, failure);
                } else {
                    memory.committed(batch.copy(), batch.reads());
                    succeeded(mutations, batch, started);
                }
            } finally {
                release(held);
                underWay.finished();
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** Encodes {@code events} once and keeps their texts for the log and every connection (see {@link #release}). */
    private static void hold(List<HubMessage.Event> events, List<HubMessage.Event> held) {
        for (HubMessage.Event event : events) {
            held.add(event);
            CODEC.hold(event);
        }
    }

    /**
     * Lets go of the texts held for a batch, once every connection has been handed its events
     * (the transports encode what they are handed at once) or the batch failed.
     */
    private static void release(List<HubMessage.Event> held) {
        synchronized (held) {
            for (HubMessage.Event event : held) {
                CODEC.release(event);
            }
        }
    }

    /**
     * Runs {@code work} in the session's transaction: without holding the thread while it waits
     * for the commit, except on a hub that handles messages on the caller's thread, whose
     * replies must be there when {@code receive} returns.
     */
    private <R> CompletionStage<R> commit(HubStore.SessionWork<R> work) {
        if (config.threading() instanceof HubConfig.Threading.SameThread) {
            return CompletableFuture.completedFuture(config.store().inSession(session, work));
        }
        return config.store().inSessionAsync(session, work);
    }

    private void succeeded(List<SessionMailbox.Work> mutations, DecidedBatch batch, long started) {
        outage.succeeded();
        observer.committed(session, mutations.size(), System.nanoTime() - started);
        for (DecidedBatch.Failure failed : batch.failures()) {
            LOG.warn("{} of {} failed", MessageChecks.referenceOf(failed.work().message()), failed.work().connection(),
                    failed.error());
        }
        tellAnswers(mutations, batch.replies());
        broadcaster.answerAndBroadcast(senders(mutations), batch.replies(), batch.events());
    }

    /**
     * Answers every mutation of a failed transaction {@code internal} with the store's failure,
     * which {@link StoreOutage} logs. A mutation that threw in the transaction's decision is not
     * logged: that decision was never committed and its terminal was answered with the store's
     * failure, not the mutation's. The terminal re-sends it after reconnecting; if it throws
     * again, that is logged with the decision that is committed. A warning now would show the
     * operator a second fault beside the outage that the terminals never saw, and report it twice.
     */
    private void failed(List<SessionMailbox.Work> mutations, Throwable failure) {
        RuntimeException e = failure instanceof RuntimeException runtime ? runtime
                : new IllegalStateException("the hub's store failed: " + failure, failure);
        outage.failed("session " + session + ": a transaction of " + mutations.size() + " mutation(s)", e);
        observer.storeFailed(session);
        List<HubMessage> failures = new ArrayList<>();
        for (SessionMailbox.Work work : mutations) {
            failures.add(DecidedBatch.internal(e, work.message()));
        }
        tellAnswers(mutations, failures);
        broadcaster.answerAndBroadcast(senders(mutations), failures, List.of());
        // this node cannot serve them now: they reconnect, through a load balancer that checks
        // readiness to a node whose store works, or here again once it does
        for (TerminalConnection sender : new LinkedHashSet<>(senders(mutations))) {
            sender.sink.close("the hub's store is unavailable");
        }
    }

    /**
     * Tells the observer every answer, and logs the refused operations of each once: here, after
     * the transaction, not inside it, which a store may run again and which may still fail.
     */
    private void tellAnswers(List<SessionMailbox.Work> mutations, List<HubMessage> replies) {
        for (int i = 0; i < mutations.size(); i++) {
            observer.answered(mutations.get(i).connection().identity, replies.get(i));
            InvalidOps.log(replies.get(i), mutations.get(i).connection());
        }
    }

    private static List<TerminalConnection> senders(List<SessionMailbox.Work> works) {
        List<TerminalConnection> senders = new ArrayList<>(works.size());
        for (SessionMailbox.Work work : works) {
            senders.add(work.connection());
        }
        return senders;
    }
}
