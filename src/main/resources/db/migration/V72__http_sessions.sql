-- Issue 19: the webapps' HTTP sessions (Tasklist, Cockpit and Admin logins, their CSRF token) live here, not in one
-- node's memory, so a round-robin balancer may send a signed-in user's next request to any node. Spring Session JDBC
-- reads and writes these two tables (spring.session.jdbc.table-name: automation.http_session); their columns are the
-- ones it expects. It does not create them itself (initialize-schema: never): schema changes go through Flyway only.

CREATE TABLE http_session (
    primary_id            char(36) PRIMARY KEY,
    session_id            char(36) NOT NULL,
    creation_time         bigint NOT NULL,
    last_access_time      bigint NOT NULL,
    max_inactive_interval int NOT NULL,
    expiry_time           bigint NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX http_session_id_idx ON http_session (session_id);
CREATE INDEX http_session_expiry_idx ON http_session (expiry_time);          -- the expired-session sweep
CREATE INDEX http_session_principal_idx ON http_session (principal_name);

CREATE TABLE http_session_attributes (
    session_primary_id char(36) NOT NULL REFERENCES http_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
