"""The advisory lock keys BOTK takes on PostgreSQL, in spaces of their own.

Two-int keys: (NAMESPACE, hashtext(thread id)) held a thread in older BOTK
versions (an accept still respects them), (ADMIN, n) serialise migrations and
document writes. The single-bigint keys of the running processes
(``owner_session.py``) live in another space: PostgreSQL never confuses a
bigint key with a pair of ints.
"""

NAMESPACE = 0x424F544B  # "BOTK"
ADMIN = NAMESPACE + 1
MIGRATION_LOCK = 1
DOCUMENT_WRITE_LOCK = 2
