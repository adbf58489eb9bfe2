CREATE TABLE conversations (
    id TEXT NOT NULL PRIMARY KEY,
    channel_id TEXT NOT NULL,
    user_id TEXT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    last_sequence BIGINT NOT NULL DEFAULT 0,
    state_json TEXT NULL,
    state_version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE transcript_activities (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sequence BIGINT NOT NULL,
    activity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    from_role TEXT NULL,
    text TEXT NULL,
    timestamp TIMESTAMPTZ NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (conversation_id, sequence)
);

CREATE UNIQUE INDEX ix_transcript_activities_activity_id ON transcript_activities (activity_id);
