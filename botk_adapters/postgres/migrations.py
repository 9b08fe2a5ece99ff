"""Forward-only schema migrations for PostgreSQL; index + 1 is the version in ``botk_schema``.

Never edit a migration that has shipped: append a new one. Several instances
may start at once: a transaction-level advisory lock makes them take turns,
and each applies only what the one before it left to do.
"""

from __future__ import annotations

import time
from typing import Any

import psycopg

from botk_adapters.postgres.lock_keys import ADMIN, MIGRATION_LOCK
from botk_adapters.postgres.turn_sql import TURN_MARKERS
from botk_core.errors import SchemaTooNew

THREADS = """
-- ``message_count`` says whether a turn still fits without counting a long thread's messages.
CREATE TABLE threads (
    id text PRIMARY KEY,
    assistant_id text NOT NULL,
    created_at double precision NOT NULL,
    message_count integer NOT NULL DEFAULT 0
);
-- Few indexes on purpose: every turn writes two messages and updates one.
CREATE TABLE messages (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    thread_id text NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('user', 'assistant')),
    content text NOT NULL,
    created_at double precision NOT NULL,
    status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'pending', 'failed')),
    citations jsonb NOT NULL DEFAULT '[]',
    tool_runs jsonb NOT NULL DEFAULT '[]',
    usage jsonb,
    client_message_id text
);
CREATE UNIQUE INDEX messages_thread_seq ON messages (thread_id, seq);
CREATE UNIQUE INDEX messages_client_id ON messages (thread_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
CREATE INDEX messages_pending ON messages (thread_id) WHERE status = 'pending';
"""

# Spanish full-text search. The words reach PostgreSQL as BOTK's own terms (botk_core.text:
# folded, stop words out, BOTK's Spanish stems, dates written alike), exactly the terms the
# SQLite store indexes, so that both stores find and rank the same passages for a question.
# The configuration keeps each term as it comes (unaccent folds whatever still has an accent;
# no second stemmer, whose stems would split the stores' answers).
DOCUMENTS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION botk_spanish (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION botk_spanish
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;
CREATE TABLE documents (
    id text PRIMARY KEY,
    name text NOT NULL UNIQUE,
    content_hash text NOT NULL,
    source text NOT NULL DEFAULT '',
    chunk_count integer NOT NULL DEFAULT 0,
    added_at double precision NOT NULL,
    size_bytes bigint NOT NULL DEFAULT 0
);
-- A chunk keeps its text, its table fact and its terms by field (the document's name, the
-- heading, the body) as BOTK's query plan and ranking read them; ``search`` indexes them.
CREATE TABLE document_chunks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal integer NOT NULL,
    location text NOT NULL,
    text text NOT NULL,
    fact jsonb,
    title_terms text NOT NULL,
    heading_terms text NOT NULL,
    body_terms text NOT NULL,
    length integer NOT NULL,
    search tsvector NOT NULL
);
-- The vector stays in the row (the long text goes out to TOAST first): a search reads it for every
-- chunk it weighs, and the text only for the few it returns.
ALTER TABLE document_chunks ALTER COLUMN search SET STORAGE MAIN;
CREATE INDEX document_chunks_document ON document_chunks (document_id, ordinal);
CREATE INDEX document_chunks_search ON document_chunks USING gin (search);
-- How many chunks hold each term: rare terms weigh more, and typos are corrected against them.
CREATE TABLE document_vocabulary (
    term text COLLATE "C" PRIMARY KEY,
    chunks integer NOT NULL
);
-- One row: bumped by every change, so that each instance knows when its cached vocabulary is stale;
-- ``analyzed`` is how many chunks there were when the planner last learnt the table's statistics.
CREATE TABLE document_index_state (
    id integer PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL,
    chunks bigint NOT NULL,
    tokens bigint NOT NULL,
    analyzed bigint NOT NULL DEFAULT 0
);
INSERT INTO document_index_state VALUES (1, 0, 0, 0, 0);
"""

MEASUREMENTS = """
CREATE TABLE readings (
    id_dato bigint PRIMARY KEY,
    estacion text NOT NULL,
    timestamp double precision NOT NULL,
    location text NOT NULL DEFAULT '',
    dispositivo text NOT NULL DEFAULT '',
    bateria double precision,
    humedad double precision,
    nivel double precision,
    temperatura double precision,
    synthetic boolean NOT NULL DEFAULT false,
    -- Quality flag of each measured value (NULL: valid); statistics leave flagged values out.
    flag_temperatura text,
    flag_humedad text,
    flag_nivel text
);
CREATE INDEX readings_station_time ON readings (estacion, timestamp);
CREATE INDEX readings_time ON readings (timestamp);
-- The few flagged and synthetic readings, found without a scan.
CREATE INDEX readings_flagged ON readings (estacion, timestamp)
    WHERE (flag_temperatura IS NOT NULL OR flag_humedad IS NOT NULL OR flag_nivel IS NOT NULL);
CREATE INDEX readings_synthetic ON readings (id_dato) WHERE synthetic;
"""

OPENAI_VECTOR_STORES = """
CREATE TABLE openai_vector_stores (
    key text PRIMARY KEY,
    vector_store_id text NOT NULL,
    updated_at double precision NOT NULL
);
CREATE TABLE openai_vector_store_files (
    vector_store_id text NOT NULL,
    name text NOT NULL,
    content_hash text NOT NULL,
    file_id text NOT NULL,
    uploaded_at double precision NOT NULL,
    PRIMARY KEY (vector_store_id, name)
);
"""

RATE_LIMITS = """
CREATE TABLE rate_limit_buckets (
    client text PRIMARY KEY,
    tokens double precision NOT NULL,
    updated_at double precision NOT NULL
);
CREATE INDEX rate_limit_buckets_updated ON rate_limit_buckets (updated_at);
"""

MIGRATIONS: list[str] = [THREADS, DOCUMENTS, MEASUREMENTS, OPENAI_VECTOR_STORES, RATE_LIMITS, TURN_MARKERS]


def migrate(conn: psycopg.Connection[Any]) -> int:
    """Apply the missing migrations in one transaction, holding the migration lock; return the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (ADMIN, MIGRATION_LOCK))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS botk_schema ("
            " version integer PRIMARY KEY, applied_at double precision NOT NULL)"
        )
        row = conn.execute("SELECT coalesce(max(version), 0) FROM botk_schema").fetchone()
        current = int(row[0]) if row else 0
        if current > len(MIGRATIONS):
            # A newer BOTK wrote this database: using it as this version would lose or corrupt its data.
            raise SchemaTooNew(
                f"La base de datos tiene el esquema versión {current}, más nuevo que el de este BOTK "
                f"({len(MIGRATIONS)}): actualiza BOTK o usa otra base de datos (BOTK_DATABASE_URL)."
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            conn.execute(script)
            conn.execute(
                "INSERT INTO botk_schema (version, applied_at) VALUES (%s, %s)", (number, time.time())
            )
    return len(MIGRATIONS)


def version(conn: psycopg.Connection[Any]) -> int:
    """The schema version of the database (0 when BOTK never migrated it)."""
    exists = conn.execute("SELECT to_regclass('botk_schema') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM botk_schema").fetchone()
    return int(row[0]) if row else 0
