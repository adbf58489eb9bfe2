CREATE TABLE upload_links (
    token_hash TEXT NOT NULL PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    expires_at_unix INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
