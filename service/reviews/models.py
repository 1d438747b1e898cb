"""The tables of the review records: ``reviews`` (one kept analysis) and ``review_events`` (append-only).

Both are only ever inserted into (migration 0003 adds triggers that make the database refuse an
UPDATE, DELETE or TRUNCATE). The current state of a review (its decision, dismissed findings,
corrected category) is read from its latest events.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.types import TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

EVENT_KINDS = ("decision", "dismissal", "category")
DECISIONS = ("publish", "redact", "withhold")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UtcDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every backend (SQLite stores it without the offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            value = value.astimezone(timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return value


class Base(DeclarativeBase):
    pass


class Review(Base):
    """One analysis kept as a review: what the tool said about a draft, when, and for whom."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str | None] = mapped_column(String(200), index=True, doc="the CMS's id of the record")
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"), doc="the latest earlier review of the same record_id")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    created_by: Mapped[str] = mapped_column(String(100))
    content_sha256: Mapped[str] = mapped_column(String(64), doc="sha256 of title + NUL + body (UTF-8)")
    title_sha256: Mapped[str] = mapped_column(String(64), doc="sha256 of the title: checks a title sent with a correction")
    model_name: Mapped[str | None] = mapped_column(String(100))
    model_version: Mapped[str | None] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[float] = mapped_column(Float)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    verdict: Mapped[str] = mapped_column(String(20), index=True)
    findings: Mapped[list] = mapped_column(JSON, doc="ground, type, article, action, field, start, end, length, "
                                                     "score, reason, replacement; text only with keep_text")
    title: Mapped[str | None] = mapped_column(Text, doc="the draft's title, only with keep_text")
    body: Mapped[str | None] = mapped_column(Text, doc="the draft's body, only with keep_text")


class ReviewEvent(Base):
    """Something an editor did about a review: a decision, a dismissed finding, a category correction."""

    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    kind: Mapped[str] = mapped_column(String(20), doc="decision | dismissal | category")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    decision: Mapped[str | None] = mapped_column(String(20), doc="publish | redact | withhold (kind decision)")
    finding: Mapped[int | None] = mapped_column(Integer, doc="0-based index of the dismissed finding")
    category: Mapped[str | None] = mapped_column(String(40), doc="the corrected category (kind category)")
    note: Mapped[str | None] = mapped_column(Text, doc="why: the decision's note, the dismissal's reason")
    value: Mapped[str | None] = mapped_column(Text, doc="a dismissed finding's text (declared not secret) or a "
                                                        "corrected item's title, when the editor sent it")

    __table_args__ = (Index("ix_review_events_review_kind", "review_id", "kind", "id"),)
