-- The privacy notice is versioned per language: a consent records which language's version was shown.
ALTER TABLE cv_submissions ADD COLUMN notice_language TEXT NOT NULL DEFAULT 'en';
