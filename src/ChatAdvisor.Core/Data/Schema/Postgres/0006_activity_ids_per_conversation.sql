-- Channel activity ids (Teams uses timestamps) are unique within a conversation, not across conversations.
DROP INDEX ix_transcript_activities_activity_id;

CREATE UNIQUE INDEX ix_transcript_activities_conversation_activity ON transcript_activities (conversation_id, activity_id);
