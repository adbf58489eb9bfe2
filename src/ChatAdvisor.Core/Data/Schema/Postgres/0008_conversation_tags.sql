-- Recruiters' tags and notes on conversations, written in the portal. created_by / author_user_id are AspNetUsers ids.
CREATE TABLE conversation_tags (
    conversation_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, tag)
);

CREATE INDEX ix_conversation_tags_tag ON conversation_tags (tag);

CREATE TABLE conversation_notes (
    id BIGSERIAL PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    author_user_id TEXT NOT NULL,
    text TEXT NOT NULL CHECK (char_length(text) <= 2000),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_conversation_notes_conversation_id ON conversation_notes (conversation_id);
