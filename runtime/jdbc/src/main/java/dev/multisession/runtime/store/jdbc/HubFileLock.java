package dev.multisession.runtime.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second hub off an SQLite file that one already uses: an exclusive lock on
 * {@code <file>.lock} for as long as the store is open. SQLite itself would let the second hub
 * in and fail its writes much later with {@code SQLITE_BUSY}; this refuses it at once. The
 * operating system drops the lock when the process dies, even with {@code kill -9}. A separate
 * file, because closing a channel on the database file itself would drop SQLite's own locks.
 */
final class HubFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HubFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code database}; throws {@link StoreException} if another hub holds it. */
    static HubFileLock take(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        Exception failure = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
            failure = e; // held in this JVM already, or the file system refused
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new StoreException("another hub is already using " + database + " (it holds " + file
                    + "); stop it first, or give this hub its own database file", failure);
        }
        return new HubFileLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
