package dev.multisession.runtime.store.jdbc;

/**
 * How hard an SQLite store pushes a commit to disk before {@code inSession} returns. Both
 * settings use the write-ahead log, and with both a committed change survives the process
 * being killed ({@code kill -9}) at any moment: the commit has reached the operating system
 * before it is acknowledged, and SQLite replays the log on the next open.
 */
public enum SqliteSync {
    /**
     * {@code synchronous=FULL}: every commit waits for fsync of the write-ahead log, so it also
     * survives a power cut or a kernel crash. The default.
     */
    FULL,
    /**
     * {@code synchronous=NORMAL}: the log is synced only at checkpoints. A power cut or kernel
     * crash may lose the last commits (never corrupting the file); a process crash loses none.
     * Several times more commits per second on slow disks.
     */
    NORMAL
}
