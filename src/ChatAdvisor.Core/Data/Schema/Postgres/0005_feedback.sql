ALTER TABLE transcript_activities ADD COLUMN answer_ref TEXT NULL;

CREATE INDEX ix_transcript_activities_answer_ref ON transcript_activities (answer_ref);

CREATE TABLE answer_feedback (
    id BIGSERIAL PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    answer_activity_id TEXT NOT NULL,
    helpful BOOLEAN NOT NULL,
    reason TEXT NULL,
    channel_id TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX ix_answer_feedback_answer ON answer_feedback (conversation_id, answer_activity_id);
