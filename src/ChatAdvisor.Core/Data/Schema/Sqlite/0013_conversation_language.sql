-- The language a conversation is held in, copied from its state on every save, so recruiters can filter by it.
ALTER TABLE conversations ADD COLUMN language TEXT NULL;
CREATE INDEX ix_conversations_language ON conversations (language);
