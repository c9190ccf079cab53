"""signed changes: account keys, change signatures and freeze clocks

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("public_key", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("key_wrap", sa.JSON(), nullable=True))
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(sa.Column("clock", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("sig", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("sig")
        batch.drop_column("clock")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("key_wrap")
        batch.drop_column("public_key")
