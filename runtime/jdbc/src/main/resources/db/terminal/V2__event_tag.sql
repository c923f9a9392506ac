-- The tag (dev.multisession.runtime.protocol.EventTag) of the hub's state at last_seq: the last
-- event applied, or the snapshot taken. The hello names it, so that a hub restored from an older
-- copy that has since gone past last_seq with other events can tell. 0: none (nothing to verify).
ALTER TABLE counters ADD COLUMN last_tag INTEGER NOT NULL DEFAULT 0;
