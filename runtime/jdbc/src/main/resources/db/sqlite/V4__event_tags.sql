-- The tag (a random 53-bit number, dev.multisession.runtime.protocol.EventTag) of each session's
-- state at its seq: its last event's, or the day's close. Events carry their own tag in the log's
-- JSON. A hello that names a seq and tag this hub's history does not hold comes from a terminal
-- that followed another history (this file was restored from an older copy and has gone on
-- since): it gets a snapshot. 0: no tag (a session stored before tags), nothing to compare.
ALTER TABLE sessions ADD COLUMN tag INTEGER NOT NULL DEFAULT 0;
