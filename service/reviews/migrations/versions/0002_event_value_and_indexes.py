"""Dismissed values for agency exemptions; indexes for listing by time and reading a review's events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_events") as batch:
        batch.add_column(sa.Column("value", sa.Text(), nullable=True))
    op.create_index("ix_reviews_created_at", "reviews", ["created_at"])
    op.create_index("ix_review_events_review_kind", "review_events", ["review_id", "kind", "id"])


def downgrade() -> None:
    op.drop_index("ix_review_events_review_kind", "review_events")
    op.drop_index("ix_reviews_created_at", "reviews")
    with op.batch_alter_table("review_events") as batch:
        batch.drop_column("value")
