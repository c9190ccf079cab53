"""tindak lanjut: recognition, competencies, development plans (issue 15)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=True),
        sa.Column('updated_by', sa.String(length=64), nullable=True),
        sa.Column('deleted', sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('competency_standard',
    sa.Column('jabatan', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('jabatan', 'code')
    )
    with op.batch_alter_table('competency_standard', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competency_standard_jabatan'), ['jabatan'], unique=False)

    op.create_table('competency_assessment',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=24), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('competency_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competency_assessment_employee_id'), ['employee_id'], unique=False)

    op.create_table('development_item',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.String(length=36), nullable=True),
    sa.Column('form', sa.String(length=16), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('competency_code', sa.String(length=24), nullable=True),
    sa.Column('jp', sa.Float(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('certificate_name', sa.String(length=255), nullable=False),
    sa.Column('completion_note', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['evaluation_id'], ['evaluation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('development_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_item_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_development_item_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_development_item_year'), ['year'], unique=False)

    op.create_table('award',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=True),
    sa.Column('decree_no', sa.String(length=120), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    *_synced_columns(),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('award', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_award_year'), ['year'], unique=False)

    # The penilai's recognition mark on an RHK's feedback (inovasi / capaian luar biasa).
    op.add_column('rhk_feedback', sa.Column('mark', sa.String(length=12), nullable=True))
    op.add_column('rhk_feedback', sa.Column('mark_reason', sa.String(length=300), nullable=False,
                                            server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('rhk_feedback', schema=None) as batch_op:
        batch_op.drop_column('mark_reason')
        batch_op.drop_column('mark')
    for table in ('award', 'development_item', 'competency_assessment', 'competency_standard'):
        op.drop_table(table)
