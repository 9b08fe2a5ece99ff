"""Migrations of the tables a chat turn writes: messages, turn locks and the threads' counts."""

from __future__ import annotations

# A turn writes fewer pages: message numbers no longer pass through
# sqlite_sequence (a new message takes the highest number + 1, so the order
# within a thread is kept), and a turn lock lives in its key's b-tree alone.
LEANER_TURN_WRITES = """
CREATE TABLE messages_rebuilt (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    created_at REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'completed',
    citations TEXT NOT NULL DEFAULT '[]',
    tool_runs TEXT NOT NULL DEFAULT '[]',
    usage TEXT,
    client_message_id TEXT
);
INSERT INTO messages_rebuilt
    (seq, id, thread_id, role, content, created_at, status, citations, tool_runs, usage, client_message_id)
    SELECT seq, id, thread_id, role, content, created_at, status, citations, tool_runs, usage,
        client_message_id
    FROM messages;
DROP TABLE messages;
ALTER TABLE messages_rebuilt RENAME TO messages;
CREATE INDEX messages_thread_seq ON messages(thread_id, seq);
CREATE UNIQUE INDEX messages_client_id ON messages(thread_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
CREATE TABLE turn_locks_rebuilt (
    thread_id TEXT PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    expires_at REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO turn_locks_rebuilt (thread_id, owner, expires_at)
    SELECT thread_id, owner, expires_at FROM turn_locks;
DROP TABLE turn_locks;
ALTER TABLE turn_locks_rebuilt RENAME TO turn_locks;
"""

# A thread's row says who runs its turn and how many messages it has: a turn
# writes one row of the thread (which it reads anyway) instead of a row of a
# lock table beside it, and checks the thread's room without counting the
# thread's messages, a cost that grew with every message.
TURNS_ON_THREADS = """
ALTER TABLE threads ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN turn_owner TEXT;
ALTER TABLE threads ADD COLUMN turn_expires_at REAL;
UPDATE threads SET message_count = (SELECT count(*) FROM messages WHERE messages.thread_id = threads.id);
UPDATE threads SET
    turn_owner = (SELECT owner FROM turn_locks WHERE turn_locks.thread_id = threads.id),
    turn_expires_at = (SELECT expires_at FROM turn_locks WHERE turn_locks.thread_id = threads.id);
DROP TABLE turn_locks;
"""
