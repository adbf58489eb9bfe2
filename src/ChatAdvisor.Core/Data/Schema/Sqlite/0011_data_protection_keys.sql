-- The portal's model holds the Data Protection key ring on every provider; SQLite keeps the keys in their folder
-- (DataProtection:KeysPath) and leaves this table empty, PostgreSQL stores them here (see the PostgreSQL script).
CREATE TABLE data_protection_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NULL,
    xml TEXT NULL
);
