"""The server-side functions of a chat turn: accepting it and finishing it, one round trip each.

A running turn leaves a marker on its thread: the lease of the turn and the
key of its process (``turn_owner``). The process holds a session advisory
lock on that key for as long as it lives (``owner_session.py``), so a marker
whose key nobody holds belongs to a dead process, and the next turn takes the
thread over: a ``kill -9`` never leaves a thread held. The thread's row lock
makes accepts and finishes of one thread take turns; each statement of a
plpgsql function takes a fresh snapshot, so what follows the row lock sees
everything the previous turn committed.

A process of an older BOTK holds a thread with a session advisory lock on
(``NAMESPACE``, hashtext(thread id)); an accept that cannot take that lock
finds the thread busy too.
"""

from __future__ import annotations

from botk_adapters.postgres.lock_keys import NAMESPACE

ACCEPT_FUNCTION = f"""
CREATE FUNCTION botk_accept_turn(
    p_owner bigint, p_lease text, p_thread text, p_id text, p_content text,
    p_created_at double precision, p_client_message_id text, p_reply_prefix text,
    p_max_messages integer, p_history integer,
    OUT outcome text, OUT thread_assistant text, OUT thread_created double precision,
    OUT known_row json, OUT answer_row json, OUT history_rows json
-- Every read here goes by an index; pinned, so that statistics not yet gathered on a young, fast-growing
-- table never make the history a scan of the whole thread.
) LANGUAGE plpgsql SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE
    t record;
    k messages%ROWTYPE;
    v_user text := p_id;
    v_seq bigint;
BEGIN
    -- A marker left under a key its session no longer holds would look dead: say so, take nothing.
    -- (A shared try succeeds only when no session holds the key.)
    IF pg_try_advisory_xact_lock_shared(p_owner) THEN
        outcome := 'owner_lost';
        RETURN;
    END IF;
    SELECT th.assistant_id, th.created_at, th.message_count, th.turn_owner, th.turn_lease INTO t
    FROM threads AS th WHERE th.id = p_thread FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        outcome := 'not_found';
        RETURN;
    END IF;
    thread_assistant := t.assistant_id;
    thread_created := t.created_at;
    IF (t.turn_lease IS NOT NULL AND t.turn_owner <> p_owner
            AND NOT pg_try_advisory_xact_lock_shared(t.turn_owner))
        OR NOT pg_try_advisory_xact_lock({NAMESPACE}, hashtext(p_thread)) THEN
        outcome := 'busy';
        RETURN;
    END IF;
    IF p_client_message_id IS NOT NULL THEN
        SELECT m.* INTO k FROM messages AS m
        WHERE m.thread_id = p_thread AND m.client_message_id = p_client_message_id;
    END IF;
    IF k.id IS NOT NULL THEN
        known_row := row_to_json(k);
        IF k.role <> 'user' OR k.content <> p_content THEN
            outcome := 'key_reused';
            RETURN;
        END IF;
        SELECT row_to_json(a) INTO answer_row FROM messages AS a
        WHERE a.thread_id = p_thread AND a.client_message_id = p_reply_prefix || k.id
            AND a.role = 'assistant';
        IF answer_row IS NOT NULL THEN
            outcome := 'answered';
            RETURN;
        END IF;
        UPDATE messages AS m SET status = 'pending' WHERE m.id = k.id;
        v_user := k.id;
        v_seq := k.seq;
        outcome := 'retry';
    ELSE
        IF p_max_messages IS NOT NULL AND t.message_count + 2 > p_max_messages THEN
            outcome := 'full';
            RETURN;
        END IF;
        INSERT INTO messages (id, thread_id, role, content, created_at, status, client_message_id)
        VALUES (p_id, p_thread, 'user', p_content, p_created_at, 'pending', p_client_message_id)
        RETURNING seq INTO v_seq;
        outcome := 'accepted';
    END IF;
    -- One turn of a thread runs at a time: whatever else is pending was left by a dead one.
    UPDATE messages AS m SET status = 'failed'
    WHERE m.thread_id = p_thread AND m.status = 'pending' AND m.id <> v_user;
    UPDATE threads AS th SET turn_owner = p_owner, turn_lease = p_lease,
        message_count = th.message_count + (outcome = 'accepted')::integer
    WHERE th.id = p_thread;
    SELECT coalesce(json_agg(json_build_array(h.id, h.role, h.content, h.created_at) ORDER BY h.seq), '[]')
    INTO history_rows
    FROM (
        SELECT m.id, m.role, m.content, m.created_at, m.seq FROM messages AS m
        WHERE m.thread_id = p_thread AND m.status = 'completed' AND m.seq < v_seq
        ORDER BY m.seq DESC LIMIT p_history
    ) AS h;
END $$;
"""

# The marker goes if it is still this turn's, then the answer (when there is one) and the question's
# status. The thread's row first, as in every other write to a thread: no two of them deadlock.
FINISH_FUNCTION = """
CREATE FUNCTION botk_finish_turn(
    p_thread text, p_lease text, p_user text, p_id text, p_content text, p_created_at double precision,
    p_citations jsonb, p_tool_runs jsonb, p_usage jsonb, p_client_message_id text
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE threads AS th SET message_count = th.message_count + (p_id IS NOT NULL)::integer,
        turn_owner = CASE WHEN th.turn_lease = p_lease THEN NULL ELSE th.turn_owner END,
        turn_lease = CASE WHEN th.turn_lease = p_lease THEN NULL ELSE th.turn_lease END
    WHERE th.id = p_thread;
    IF p_id IS NOT NULL THEN
        INSERT INTO messages (id, thread_id, role, content, created_at, status, citations, tool_runs, usage,
                              client_message_id)
        VALUES (p_id, p_thread, 'assistant', p_content, p_created_at, 'completed', p_citations, p_tool_runs,
                p_usage, p_client_message_id);
    END IF;
    UPDATE messages AS m SET status = CASE WHEN p_id IS NULL THEN 'failed' ELSE 'completed' END
    WHERE m.id = p_user;
END $$;
"""

TURN_MARKERS = f"""
-- The running turn of a thread, if any: its lease and the key its process holds while alive.
ALTER TABLE threads ADD COLUMN turn_owner bigint, ADD COLUMN turn_lease text;
{ACCEPT_FUNCTION}
{FINISH_FUNCTION}
"""
