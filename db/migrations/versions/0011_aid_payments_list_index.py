"""the payments' list index (帮扶记录)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 03:40:00.000000

The payments' list opens sorted by type (帮扶类型), then uuid. With 100,000 payments SQLite sorted them all
for each first page (130 ms), and a search (a voucher number's substring, a file's number or name) visited
every row through the year-totals index (150 ms). This index is in the list's order and holds what its
conditions read (deleted, the file, the voucher number): a first page reads 201 entries, a search scans the
index alone (20 ms) — tests/benchmarks/bench_aid_list.py.
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('aid_payments', schema=None) as batch_op:
        batch_op.create_index('ix_aid_payments_list', ['kind', 'uuid', 'deleted', 'case_uuid', 'voucher_no'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('aid_payments', schema=None) as batch_op:
        batch_op.drop_index('ix_aid_payments_list')
