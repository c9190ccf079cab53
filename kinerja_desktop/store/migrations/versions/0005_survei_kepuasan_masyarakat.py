"""survei kepuasan masyarakat: surveys per unit and period, responses, indicators that take the IKM

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('skm_survey',
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=12), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('analysis', sa.Text(), nullable=False),
    sa.Column('follow_up', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('unit_id', 'year', 'period')
    )
    with op.batch_alter_table('skm_survey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skm_survey_unit_id'), ['unit_id'], unique=False)

    op.create_table('skm_response',
    sa.Column('survey_id', sa.String(length=36), nullable=False),
    sa.Column('u1', sa.Integer(), nullable=False),
    sa.Column('u2', sa.Integer(), nullable=False),
    sa.Column('u3', sa.Integer(), nullable=False),
    sa.Column('u4', sa.Integer(), nullable=False),
    sa.Column('u5', sa.Integer(), nullable=False),
    sa.Column('u6', sa.Integer(), nullable=False),
    sa.Column('u7', sa.Integer(), nullable=False),
    sa.Column('u8', sa.Integer(), nullable=False),
    sa.Column('u9', sa.Integer(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('usia', sa.String(length=8), nullable=True),
    sa.Column('jenis_kelamin', sa.String(length=1), nullable=True),
    sa.Column('pendidikan', sa.String(length=12), nullable=True),
    sa.Column('pekerjaan', sa.String(length=12), nullable=True),
    sa.Column('layanan', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['skm_survey.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skm_response', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skm_response_fingerprint'), ['fingerprint'], unique=False)
        batch_op.create_index(batch_op.f('ix_skm_response_survey_id'), ['survey_id'], unique=False)

    op.create_table('skm_indicator_link',
    sa.Column('indicator_id', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('indicator_id')
    )


def downgrade() -> None:
    op.drop_table('skm_indicator_link')
    with op.batch_alter_table('skm_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skm_response_survey_id'))
        batch_op.drop_index(batch_op.f('ix_skm_response_fingerprint'))

    op.drop_table('skm_response')
    with op.batch_alter_table('skm_survey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skm_survey_unit_id'))

    op.drop_table('skm_survey')
