"""indexes for the central overview and the SKM views (issues 16, 18)

Covering indexes for the instansi overview (central/overview.py): a year's plans, their RHK and
indicator ids, whether an indicator has a realisation in a period, and a year's evaluation
statuses and predikat are all read from indexes without touching the (wide) rows. On the
20,000-employee demo the overview went from 1.6-2.0 s to the figures in tests/bench/bench_overview.py.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_plan_year_cover", "plan", ["year", "deleted", "id", "employee_id", "status", "is_current"]),
    ("ix_rhk_plan_cover", "rhk", ["plan_id", "id"]),
    ("ix_indicator_rhk_cover", "indicator", ["rhk_id", "id"]),
    ("ix_realisation_indicator", "realisation", ["indicator_id", "period", "deleted"]),
    ("ix_evaluation_plan_cover", "evaluation", ["plan_id", "period", "status", "predikat", "deleted"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
