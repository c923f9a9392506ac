package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether PostgreSQL answers, for a node's readiness check, on a short-lived connection
 * of its own: a check that borrowed from the pool would take a connection the terminals need,
 * and while the pool is busy it would wait the pool's timeout and call a working node not ready.
 * One check runs at a time; probes that come while it runs get the last answer instead of
 * opening more connections.
 */
final class ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessCheck.class);

    private final PgNotificationListener.ConnectionSource source;
    private final int timeoutSeconds;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean lastAnswer = true;

    /** {@code source} opens a connection whose connect, login and socket timeouts are all set. */
    ReadinessCheck(PgNotificationListener.ConnectionSource source, int timeoutSeconds) {
        this.source = source;
        this.timeoutSeconds = timeoutSeconds;
    }

    boolean reachable() {
        if (!running.tryLock()) {
            return lastAnswer; // a check is under way; its answer will do for this probe too
        }
        try {
            lastAnswer = ask();
            return lastAnswer;
        } finally {
            running.unlock();
        }
    }

    private boolean ask() {
        try (Connection connection = source.open()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("readiness check: PostgreSQL not reachable", e);
            return false;
        }
    }
}
