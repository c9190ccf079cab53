"""scoped replication: the partition of each change, per-partition outbox, longer stream names

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (no table copy): the change log of a large office has millions of rows
    op.add_column("change_log", sa.Column("part", sa.String(length=80), nullable=True))
    with op.batch_alter_table("sync_peer") as batch:
        batch.alter_column("device_id", existing_type=sa.String(length=36), type_=sa.String(length=140))
    op.create_table(
        "sync_part_outbox",
        sa.Column("part", sa.String(length=80), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("prev_sha256", sa.String(length=64), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("sent_to", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("part", "last_seq"),
    )


def downgrade() -> None:
    op.drop_table("sync_part_outbox")
    with op.batch_alter_table("sync_peer") as batch:
        batch.alter_column("device_id", existing_type=sa.String(length=140), type_=sa.String(length=36))
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("part")
