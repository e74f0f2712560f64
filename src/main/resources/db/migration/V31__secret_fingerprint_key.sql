-- The key of the legacy import's fingerprints (HMAC-SHA256 in legacy_hash). It never changes, so a re-import keeps
-- seeing "unchanged"; it is a secret at rest like any *_enc column: encrypted by the keyset, re-encrypted by a rotation.
CREATE TABLE secret_fingerprint_key (
    id      smallint PRIMARY KEY CHECK (id = 1),
    key_enc bytea NOT NULL
);
