"""matriks peran hasil, tim kerja, second assignments (issue 17)

Tables of :mod:`kinerja_desktop.store.models_peran`: tim_kerja, peran_hasil (the matrix cells with
the draft RHK they offer), usulan_tanggapan (a pegawai's answer to a draft RHK), penugasan
(mutasi / promosi / ganti penilai / Plt. / Plh. within a year) and rhk_impor (RHK imported from
another system, waiting to be accepted).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rhk_impor',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('parent_text', sa.Text(), nullable=False),
    sa.Column('perspektif', sa.String(length=24), nullable=True),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('source_file', sa.String(length=255), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_rhk_impor_employee_id'), 'rhk_impor', ['employee_id'], unique=False)
    op.create_table('tim_kerja',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('members', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_tim_kerja_employee_id'), 'tim_kerja', ['employee_id'], unique=False)
    op.create_table('penugasan',
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('tmt', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('jabatan', sa.String(length=300), nullable=False),
    sa.Column('unit_id', sa.String(length=36), nullable=True),
    sa.Column('penilai_id', sa.String(length=36), nullable=True),
    sa.Column('nomor_sk', sa.String(length=120), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=True),
    sa.Column('closed_plan_id', sa.String(length=36), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['closed_plan_id'], ['plan.id'], ),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['penilai_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_penugasan_employee_id'), 'penugasan', ['employee_id'], unique=False)
    op.create_table('peran_hasil',
    sa.Column('rhk_id', sa.String(length=36), nullable=False),
    sa.Column('employee_id', sa.String(length=36), nullable=False),
    sa.Column('tim_kerja_id', sa.String(length=36), nullable=True),
    sa.Column('peran', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('indicators', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employee.id'], ),
    sa.ForeignKeyConstraint(['rhk_id'], ['rhk.id'], ),
    sa.ForeignKeyConstraint(['tim_kerja_id'], ['tim_kerja.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_peran_hasil_employee_id'), 'peran_hasil', ['employee_id'], unique=False)
    op.create_index(op.f('ix_peran_hasil_rhk_id'), 'peran_hasil', ['rhk_id'], unique=False)
    op.create_table('usulan_tanggapan',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('usulan_id', sa.String(length=36), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('rhk_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ),
    sa.ForeignKeyConstraint(['rhk_id'], ['rhk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'usulan_id')
    )
    op.create_index(op.f('ix_usulan_tanggapan_plan_id'), 'usulan_tanggapan', ['plan_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_usulan_tanggapan_plan_id'), table_name='usulan_tanggapan')
    op.drop_table('usulan_tanggapan')
    op.drop_index(op.f('ix_peran_hasil_rhk_id'), table_name='peran_hasil')
    op.drop_index(op.f('ix_peran_hasil_employee_id'), table_name='peran_hasil')
    op.drop_table('peran_hasil')
    op.drop_index(op.f('ix_penugasan_employee_id'), table_name='penugasan')
    op.drop_table('penugasan')
    op.drop_index(op.f('ix_tim_kerja_employee_id'), table_name='tim_kerja')
    op.drop_table('tim_kerja')
    op.drop_index(op.f('ix_rhk_impor_employee_id'), table_name='rhk_impor')
    op.drop_table('rhk_impor')
