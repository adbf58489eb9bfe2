-- The transcript doubles as the turn inbox: an inbound activity the bot must answer is stored as 'pending' before the
-- channel acknowledges it and becomes 'done' when its turn has finished, so a host that died in between resumes it.
-- Replies name the activity they answer, so a resumed turn does not send again what was already sent.
ALTER TABLE transcript_activities ADD COLUMN turn_status TEXT NULL;
ALTER TABLE transcript_activities ADD COLUMN reply_to_id TEXT NULL;

CREATE INDEX ix_transcript_activities_pending ON transcript_activities (turn_status) WHERE turn_status = 'pending';
CREATE INDEX ix_transcript_activities_reply_to ON transcript_activities (conversation_id, reply_to_id) WHERE reply_to_id IS NOT NULL;
