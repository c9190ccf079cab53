"""employee name index (the employee list is ordered by name)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_employee_name", "employee", ["name"])


def downgrade() -> None:
    op.drop_index("ix_employee_name", table_name="employee")
