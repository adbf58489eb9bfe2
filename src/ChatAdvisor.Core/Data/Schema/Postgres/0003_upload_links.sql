CREATE TABLE upload_links (
    token_hash TEXT NOT NULL PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    expires_at_unix BIGINT NOT NULL,
    used BOOLEAN NOT NULL DEFAULT FALSE
);
