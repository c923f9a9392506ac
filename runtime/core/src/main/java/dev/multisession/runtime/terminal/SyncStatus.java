package dev.multisession.runtime.terminal;

/**
 * Where a terminal stands with the hub, read at one moment ({@link Terminal#status()}): one value
 * to show in a status bar instead of several calls that may each see a different moment.
 *
 * @param online the hub has welcomed the terminal on the current connection
 * @param synced online, nothing pending and nothing the hub told of missing (see
 *     {@link Terminal#whenSynced()})
 * @param pendingMutations changes made here the hub has not confirmed yet; they are in the
 *     terminal's store and are sent whenever it is online
 * @param lastSeq the last session sequence number the terminal applied
 * @param lastError why the last connection failed or dropped (for example a refused token), or
 *     null once the hub has welcomed the terminal again; else why the terminal cannot show the
 *     hub's state (a change or snapshot it could not read or apply, see
 *     {@link TerminalListener#desynced}), or null once a snapshot it can apply has arrived
 */
public record SyncStatus(boolean online, boolean synced, int pendingMutations, long lastSeq, String lastError) {}
