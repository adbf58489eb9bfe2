CREATE TABLE cv_submissions (
    id TEXT NOT NULL PRIMARY KEY,
    reference TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    roles TEXT NOT NULL,
    location TEXT NULL,
    notice_period TEXT NULL,
    talent_pool INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    file_type TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    file_sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    answer_activity_ids TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    consented_at TEXT NOT NULL,
    submitted_at TEXT NOT NULL
);

CREATE UNIQUE INDEX ix_cv_submissions_reference ON cv_submissions (reference);

CREATE TABLE data_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE INDEX ix_data_requests_reference ON data_requests (reference);
