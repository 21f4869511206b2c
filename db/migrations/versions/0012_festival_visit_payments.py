"""a festival visit's payment (送温暖慰问)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 06:40:00.000000

A 送温暖 visit's 慰问金 to a household with a file 在档 is also a 送温暖慰问 payment in that file's 帮扶记录
(db.aid.campaigns writes, changes and takes it back with the visit); the visit names the payment it made.
Earlier visits made none: they keep an empty reference.
"""
import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite copies the table to add the named reference, reflecting members' expression indexes it cannot read
    with warnings.catch_warnings(), op.batch_alter_table('festival_visits', schema=None) as batch_op:
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        batch_op.add_column(sa.Column('payment_uuid', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_festival_visits_payment_uuid'), ['payment_uuid'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_festival_visits_payment_uuid_aid_payments'),
                                    'aid_payments', ['payment_uuid'], ['uuid'])


def downgrade() -> None:
    # SQLite copies the table to drop the reference, reflecting members' expression indexes it cannot read
    with warnings.catch_warnings(), op.batch_alter_table('festival_visits', schema=None) as batch_op:
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        batch_op.drop_constraint(batch_op.f('fk_festival_visits_payment_uuid_aid_payments'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_festival_visits_payment_uuid'))
        batch_op.drop_column('payment_uuid')
