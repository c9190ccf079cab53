"""daily work: rencana aksi per RHK and period, progres harian (issue 17, items 1 and 2)

The index on progres_harian (employee_id, day) serves a person's day, week and month and a team's
week; the one on rencana_aksi (rhk_id, period) a plan's actions per period.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rencana_aksi',
    sa.Column('rhk_id', sa.String(length=36), nullable=False),
    sa.Column('indicator_id', sa.String(length=36), nullable=True),
    sa.Column('period', sa.String(length=12), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('target_value', sa.Float(), nullable=True),
    sa.Column('target_unit', sa.String(length=80), nullable=False),
    sa.Column('realisation_value', sa.Float(), nullable=True),
    sa.Column('realisation_text', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('mime', sa.String(length=120), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], ),
    sa.ForeignKeyConstraint(['rhk_id'], ['rhk.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_rencana_aksi_rhk_period', 'rencana_aksi', ['rhk_id', 'period'], unique=False)
    op.create_table('progres_harian',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('rhk_id', sa.String(length=36), nullable=True),
    sa.Column('rencana_aksi_id', sa.String(length=36), nullable=True),
    sa.Column('hours', sa.Float(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('mime', sa.String(length=120), nullable=True),
    sa.Column('written_on', sa.Date(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('umpan_balik', sa.Text(), nullable=False),
    sa.Column('umpan_balik_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['rencana_aksi_id'], ['rencana_aksi.id'], ),
    sa.ForeignKeyConstraint(['rhk_id'], ['rhk.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_progres_harian_employee_day', 'progres_harian', ['employee_id', 'day'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_progres_harian_employee_day', table_name='progres_harian')
    op.drop_table('progres_harian')
    op.drop_index('ix_rencana_aksi_rhk_period', table_name='rencana_aksi')
    op.drop_table('rencana_aksi')
