package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/**
 * Runs the works of several sessions in one SQLite transaction and commits it once: each work
 * inside its own {@code SAVEPOINT}, so one that throws is rolled back alone and fails alone
 * while the others commit. A failure the savepoints cannot contain (a rollback or the commit
 * that fails) loses the whole transaction, and every work of the group fails. Sets each work's
 * outcome; telling the callers is the caller's job, after this returns.
 */
final class GroupCommit {

    private final Connection writer;
    private final Statements statements;
    private final HubSql sql;

    /**
     * @param writer the connection to write on, auto-commit off, used by nobody else meanwhile
     * @param statements where the works get their statements on {@code writer}
     */
    GroupCommit(Connection writer, Statements statements, HubSql sql) {
        this.writer = writer;
        this.statements = statements;
        this.sql = sql;
    }

    /**
     * Runs {@code group} in order in one transaction.
     *
     * @return whether a commit was made (false when every work failed, or the commit did)
     */
    boolean run(List<QueuedWork<?>> group) {
        boolean alone = group.size() == 1;
        boolean anyCommitted = false;
        for (QueuedWork<?> work : group) {
            Savepoint savepoint = null;
            try {
                savepoint = alone ? null : writer.setSavepoint();
                work.run(JdbcSessionTx.lock(statements, sql, work.session));
                if (savepoint != null) {
                    writer.releaseSavepoint(savepoint);
                }
                anyCommitted = true;
            } catch (SQLException e) {
                work.fail(new StoreException("transaction on session " + work.session + " failed: "
                        + e.getMessage(), e));
            } catch (RuntimeException | Error e) {
                work.fail(e);
            }
            if (work.failure() != null && !undo(savepoint, work)) {
                failAll(group, work.failure());
                return false;
            }
        }
        try {
            if (anyCommitted) {
                writer.commit();
            } else {
                writer.rollback();
            }
        } catch (SQLException e) {
            failAll(group, new StoreException("cannot commit " + group.size() + " transaction(s): " + e.getMessage(), e));
            return false;
        }
        return anyCommitted;
    }

    /** Rolls back one failed work (to its savepoint, or all of a lone work); false if that failed too. */
    private boolean undo(Savepoint savepoint, QueuedWork<?> work) {
        try {
            if (savepoint == null) {
                writer.rollback();
            } else {
                writer.rollback(savepoint);
                writer.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            work.failure().addSuppressed(e);
            return false;
        }
    }

    /** The whole transaction is lost: every work of the group fails, none is committed. */
    private void failAll(List<QueuedWork<?>> group, Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        for (QueuedWork<?> work : group) {
            if (work.failure() == null) {
                work.fail(cause instanceof RuntimeException || cause instanceof Error ? cause
                        : new StoreException(cause.getMessage(), cause));
            }
        }
    }
}
