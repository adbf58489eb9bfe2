CREATE TABLE conversations (
    id TEXT NOT NULL PRIMARY KEY,
    channel_id TEXT NOT NULL,
    user_id TEXT NULL,
    started_at TEXT NOT NULL,
    last_activity_at TEXT NOT NULL,
    last_sequence INTEGER NOT NULL DEFAULT 0,
    state_json TEXT NULL,
    state_version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE transcript_activities (
    conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    activity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    from_role TEXT NULL,
    text TEXT NULL,
    timestamp TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (conversation_id, sequence)
);

CREATE UNIQUE INDEX ix_transcript_activities_activity_id ON transcript_activities (activity_id);
