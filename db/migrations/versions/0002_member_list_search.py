"""member list and search: keyset indexes per sort column, search indexes, FTS5 trigram index (SQLite)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 22:30:00

Written by hand (design §3, §6; db/member_list.py and db/search.py use these):

* ``(column, uuid)`` indexes for keyset paging of the member list by each sortable column (those of
  member_no, id_number and phone replace the one-column indexes, which they serve as well);
* expression indexes on the last 4 and 6 characters of the ID number and on the name from its second
  and from its third character, a partial index of the few names longer than three characters, a partial index of the
  deleted rows (counts subtract them instead of reading every row);
* on SQLite only: ``members_fts``, an external-content FTS5 table with the trigram tokenizer over
  ``members.name`` and ``members.employer`` (its rowid is the members rowid), kept in step by three
  triggers and filled once here. It is not part of the models' metadata: create_all does not build it,
  db/migrations/env.py keeps autogenerate from proposing to drop it, and the search falls back to LIKE
  where it is missing (PostgreSQL, or a schema made by create_all).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SORT_COLUMNS = ('member_no', 'gender', 'birth_date', 'id_number', 'phone', 'employer', 'employment_form',
                'joined_on', 'status', 'base_union', 'office_code', 'updated_at')
# one-column indexes that the (column, uuid) ones replace
REPLACED = ('member_no', 'id_number', 'phone')

# Kept in step with db/search.py (FTS_TABLE, FTS_TRIGGERS): a later migration that changes them copies
# the new text here, it never imports it (a migration must keep meaning what it meant when it landed).
FTS_CREATE = (
    "CREATE VIRTUAL TABLE members_fts USING fts5("
    "name, employer, content='members', content_rowid='rowid', tokenize='trigram')"
)
FTS_TRIGGERS = (
    "CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN "
    "INSERT INTO members_fts(rowid, name, employer) VALUES (new.rowid, new.name, new.employer); END",
    "CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN "
    "INSERT INTO members_fts(members_fts, rowid, name, employer) "
    "VALUES ('delete', old.rowid, old.name, old.employer); END",
    "CREATE TRIGGER members_fts_update AFTER UPDATE OF name, employer ON members BEGIN "
    "INSERT INTO members_fts(members_fts, rowid, name, employer) "
    "VALUES ('delete', old.rowid, old.name, old.employer); "
    "INSERT INTO members_fts(rowid, name, employer) VALUES (new.rowid, new.name, new.employer); END",
)


def upgrade() -> None:
    for column in REPLACED:
        op.drop_index(f'ix_members_{column}', table_name='members')
    for column in SORT_COLUMNS:
        op.create_index(f'ix_members_{column}_uuid', 'members', [column, 'uuid'], unique=False)
    op.create_index('ix_members_id_tail4', 'members', [sa.text('substr(id_number, 15)')], unique=False)
    op.create_index('ix_members_id_tail6', 'members', [sa.text('substr(id_number, 13)')], unique=False)
    op.create_index('ix_members_name_from2', 'members', [sa.text('substr(name, 2)')], unique=False)
    op.create_index('ix_members_name_from3', 'members', [sa.text('substr(name, 3)')], unique=False)
    op.create_index('ix_members_long_name', 'members', ['name'], unique=False,
                    sqlite_where=sa.text('length(name) > 3'), postgresql_where=sa.text('length(name) > 3'))
    op.create_index('ix_members_deleted', 'members', ['uuid'], unique=False,
                    sqlite_where=sa.text('deleted = 1'), postgresql_where=sa.text('deleted'))
    if op.get_bind().dialect.name != 'sqlite':
        return
    op.execute(FTS_CREATE)
    for trigger in FTS_TRIGGERS:
        op.execute(trigger)
    op.execute("INSERT INTO members_fts(members_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('members_fts_insert', 'members_fts_delete', 'members_fts_update'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute('DROP TABLE IF EXISTS members_fts')
    for name in ('ix_members_deleted', 'ix_members_long_name', 'ix_members_name_from3', 'ix_members_name_from2',
                 'ix_members_id_tail6',
                 'ix_members_id_tail4', *(f'ix_members_{column}_uuid' for column in reversed(SORT_COLUMNS))):
        op.drop_index(name, table_name='members')
    for column in REPLACED:
        op.create_index(f'ix_members_{column}', 'members', [column], unique=False)
