-- On PostgreSQL the Data Protection key ring (cookies, antiforgery, the portal's authenticator secrets) lives in the
-- database, so that every instance reads the same keys; SQLite keeps it in its folder. Each row is one key's XML,
-- encrypted with the configured certificate when there is one.
CREATE TABLE data_protection_keys (
    id SERIAL PRIMARY KEY,
    friendly_name TEXT NULL,
    xml TEXT NULL
);
