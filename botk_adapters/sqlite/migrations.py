"""Forward-only schema migrations; index + 1 is the ``PRAGMA user_version``.

Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

from botk_adapters.sqlite.turn_migrations import LEANER_TURN_WRITES, TURNS_ON_THREADS

THREADS = """
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    assistant_id TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX messages_thread_seq ON messages(thread_id, seq);
CREATE UNIQUE INDEX messages_client_id ON messages(thread_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
CREATE TABLE turn_locks (
    thread_id TEXT PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
    owner TEXT NOT NULL,
    expires_at REAL NOT NULL
);
"""

DOCUMENTS = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    chunk_count INTEGER NOT NULL DEFAULT 0,
    added_at REAL NOT NULL
);
CREATE TABLE document_chunks (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    location TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX document_chunks_document ON document_chunks(document_id, ordinal);
CREATE VIRTUAL TABLE document_index USING fts5(
    title, heading, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '6'
);
"""

MEASUREMENTS = """
CREATE TABLE readings (
    id_dato INTEGER PRIMARY KEY,
    estacion TEXT NOT NULL,
    timestamp REAL NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    dispositivo TEXT NOT NULL DEFAULT '',
    bateria REAL,
    humedad REAL,
    nivel REAL,
    temperatura REAL,
    synthetic INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX readings_station_time ON readings(estacion, timestamp);
CREATE INDEX readings_time ON readings(timestamp);
"""

OPENAI_VECTOR_STORES = """
CREATE TABLE openai_vector_stores (
    key TEXT PRIMARY KEY,
    vector_store_id TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE openai_vector_store_files (
    vector_store_id TEXT NOT NULL,
    name TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    file_id TEXT NOT NULL,
    uploaded_at REAL NOT NULL,
    PRIMARY KEY (vector_store_id, name)
);
"""

RATE_LIMITS = """
CREATE TABLE rate_limit_buckets (
    client TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    updated_at REAL NOT NULL
);
"""

# Per-term document frequencies of the search index: lets a search skip terms
# found in most passages, which cost time and add nothing to bm25.
DOCUMENT_VOCABULARY = """
CREATE VIRTUAL TABLE document_vocabulary USING fts5vocab(document_index, row);
"""

# Bytes of each uploaded file, so that uploads can be held to a total budget.
DOCUMENT_SIZES = """
ALTER TABLE documents ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0;
"""

# Table cells are stored as facts (their labels, value and limit) beside their
# text; a generation number tells every process when its cached vocabulary (for
# typo tolerance) is stale. Documents indexed before are read again by the next
# ingest (an empty hash never matches), so that their tables become facts.
DOCUMENT_FACTS = """
ALTER TABLE document_chunks ADD COLUMN fact TEXT;
CREATE TABLE document_index_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO document_index_state (id, generation) VALUES (1, 0);
UPDATE documents SET content_hash = '';
"""

# Quality flags of each measured value (NULL: valid); flagged values stay stored
# but statistics leave them out. Readings stored before this are judged on their next import.
# The partial indexes find the few flagged and synthetic readings without a scan.
READING_FLAGS = """
ALTER TABLE readings ADD COLUMN flag_temperatura TEXT;
ALTER TABLE readings ADD COLUMN flag_humedad TEXT;
ALTER TABLE readings ADD COLUMN flag_nivel TEXT;
CREATE INDEX readings_flagged ON readings(estacion, timestamp)
    WHERE (flag_temperatura IS NOT NULL OR flag_humedad IS NOT NULL OR flag_nivel IS NOT NULL);
CREATE INDEX readings_synthetic ON readings(id_dato) WHERE synthetic = 1;
"""


MIGRATIONS: list[str] = [
    THREADS,
    DOCUMENTS,
    MEASUREMENTS,
    OPENAI_VECTOR_STORES,
    RATE_LIMITS,
    DOCUMENT_VOCABULARY,
    DOCUMENT_SIZES,
    DOCUMENT_FACTS,
    READING_FLAGS,
    LEANER_TURN_WRITES,
    TURNS_ON_THREADS,
]
