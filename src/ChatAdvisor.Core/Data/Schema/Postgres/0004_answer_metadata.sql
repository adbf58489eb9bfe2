ALTER TABLE transcript_activities ADD COLUMN answer_mode TEXT NULL;
ALTER TABLE transcript_activities ADD COLUMN answer_confidence DOUBLE PRECISION NULL;
ALTER TABLE transcript_activities ADD COLUMN answer_citations TEXT NULL;
