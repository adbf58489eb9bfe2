ALTER TABLE transcript_activities ADD COLUMN answer_ref TEXT NULL;

CREATE INDEX ix_transcript_activities_answer_ref ON transcript_activities (answer_ref);

CREATE TABLE answer_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    answer_activity_id TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    reason TEXT NULL,
    channel_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ix_answer_feedback_answer ON answer_feedback (conversation_id, answer_activity_id);
