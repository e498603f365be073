-- Chat: messages clustered by channel and time in WITHOUT ROWID tables.
PRAGMA journal_mode = WAL;

CREATE TABLE channels (
    channel_id TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    is_private INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE members (
    channel_id TEXT NOT NULL REFERENCES channels ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    joined_at  INTEGER NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;

CREATE TABLE messages (
    channel_id TEXT NOT NULL,
    sent_at    INTEGER NOT NULL,
    message_id TEXT NOT NULL,
    sender_id  INTEGER NOT NULL,
    body       TEXT NOT NULL,
    edited     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, sent_at, message_id),
    FOREIGN KEY (channel_id, sender_id) REFERENCES members (channel_id, user_id)
) WITHOUT ROWID;

CREATE TABLE reactions (
    message_id TEXT NOT NULL,
    user_id    INTEGER NOT NULL,
    emoji      TEXT NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
) WITHOUT ROWID;

CREATE INDEX messages_recent ON messages (channel_id, sent_at DESC);
CREATE UNIQUE INDEX messages_id ON messages (message_id);
CREATE INDEX messages_by_sender ON messages (sender_id, sent_at DESC) WHERE edited = 0;

INSERT INTO channels VALUES ('general', 'General', 0);
INSERT INTO members VALUES ('general', 1, 1700000000), ('general', 2, 1700000100);
INSERT INTO messages (channel_id, sent_at, message_id, sender_id, body) VALUES ('general', 1700000200, 'm1', 1, 'hi');
INSERT INTO reactions VALUES ('m1', 2, '👍');
