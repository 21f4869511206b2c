"""aid payments to non-filed workers, cap overrides, year-totals index; 金秋助学 grants

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 02:40:00

A payment may now go to a worker without a file in 在档 (应急救助): its file becomes optional and the payee's
name and ID number and the reason are kept; an approver's override of a cap is kept on the payment (who,
why). An index covers a year's totals by type (paid_on, kind, amount_fen, deleted, office_code), so that they
are read from the index alone, and voucher numbers (one per office) are looked up by an index. The 金秋助学 grants (aid_student_grants) are a new table. Existing payments
keep their values; the new columns are empty.
"""
import warnings
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Making case_uuid nullable (and back) recreates the table on SQLite, reflecting the tables its keys refer to:
# the members' expression index (name initials) is not reflected and need not be (it is not copied).
_UNREFLECTED = "Skipped unsupported reflection"


def upgrade() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", _UNREFLECTED, sa.exc.SAWarning)
        _alter_payments()
    _create_grants()


def _alter_payments() -> None:
    with op.batch_alter_table('aid_payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('payee_name', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('payee_id_number', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('override_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('override_reason', sa.Text(), nullable=True))
        batch_op.alter_column('case_uuid', existing_type=sa.String(length=36), nullable=True)
        batch_op.create_index(batch_op.f('ix_aid_payments_payee_id_number'), ['payee_id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_payments_voucher_no'), ['voucher_no'], unique=False)
        batch_op.create_index('ix_aid_payments_year_totals',
                              ['paid_on', 'kind', 'amount_fen', 'deleted', 'office_code'], unique=False)


def _create_grants() -> None:
    op.create_table('aid_student_grants',
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=20), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('student_uuid', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('school_level', sa.String(length=10), nullable=False),
    sa.Column('school', sa.String(length=100), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('aided_elsewhere', sa.Boolean(), nullable=False),
    sa.Column('elsewhere_note', sa.String(length=100), nullable=True),
    sa.Column('publicized_on', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('payment_uuid', sa.String(length=36), nullable=True),
    sa.Column('remarks', sa.Text(), nullable=True),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('sync_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_uuid'], ['aid_cases.uuid'], name=op.f('fk_aid_student_grants_case_uuid_aid_cases')),
    sa.ForeignKeyConstraint(['office_code'], ['offices.code'],
                            name=op.f('fk_aid_student_grants_office_code_offices')),
    sa.ForeignKeyConstraint(['payment_uuid'], ['aid_payments.uuid'],
                            name=op.f('fk_aid_student_grants_payment_uuid_aid_payments')),
    sa.ForeignKeyConstraint(['student_uuid'], ['aid_household_members.uuid'],
                            name=op.f('fk_aid_student_grants_student_uuid_aid_household_members')),
    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_aid_student_grants'))
    )
    with op.batch_alter_table('aid_student_grants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aid_student_grants_case_uuid'), ['case_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_student_grants_office_code'), ['office_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_student_grants_payment_uuid'), ['payment_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_student_grants_student_uuid'), ['student_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_student_grants_sync_seq'), ['sync_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_aid_student_grants_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('aid_student_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_year'))
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_sync_seq'))
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_student_uuid'))
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_payment_uuid'))
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_office_code'))
        batch_op.drop_index(batch_op.f('ix_aid_student_grants_case_uuid'))

    op.drop_table('aid_student_grants')
    # payments without a file cannot go back to a table whose file is required
    op.execute("DELETE FROM aid_payments WHERE case_uuid IS NULL")
    with warnings.catch_warnings(), op.batch_alter_table('aid_payments', schema=None) as batch_op:
        warnings.filterwarnings("ignore", _UNREFLECTED, sa.exc.SAWarning)
        batch_op.drop_index('ix_aid_payments_year_totals')
        batch_op.drop_index(batch_op.f('ix_aid_payments_voucher_no'))
        batch_op.drop_index(batch_op.f('ix_aid_payments_payee_id_number'))
        batch_op.alter_column('case_uuid', existing_type=sa.String(length=36), nullable=False)
        batch_op.drop_column('override_reason')
        batch_op.drop_column('override_by')
        batch_op.drop_column('reason')
        batch_op.drop_column('payee_id_number')
        batch_op.drop_column('payee_name')
