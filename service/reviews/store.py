"""The review records repository: open (create and migrate), keep reviews, append events, read and list.

    store = open_store()                                  # GONGKAI_DATABASE_URL or the default SQLite file
    review = store.create(analysis, record, who="王编辑")
    store.decide(review["review_id"], "李审核", "redact", note="已遮盖身份证号")

Writes never get lost under concurrent requests from several worker processes: on SQLite every
write transaction starts with ``BEGIN IMMEDIATE`` (one writer at a time, others wait up to the busy
timeout instead of failing), in WAL mode so readers never wait; on PostgreSQL every write is a
plain insert in its own transaction. Nothing is updated in place.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib.resources import files
from pathlib import Path
from time import sleep
from types import SimpleNamespace
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, event, func, insert, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from classifier.categories import CATEGORIES
from classifier.errors import GongkaiError
from classifier.risk.reviewer import VERDICT_NAMES, verdict_of

from .models import DECISIONS, Review, ReviewEvent, utcnow

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
"""Dates without a zone (``since=2025-01-01``, ``--year 2025``) are days in Beijing time."""

BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another one before giving up."""
LOCK_RETRIES = (0.25, 0.5, 1.0, 2.0)
"""Pauses (seconds) before a SQLite write or migration that found the database locked is tried again: SQLite answers
"database is locked" at once, without its busy wait, in a few races (two processes creating and switching a new file
to WAL, a read that must become a write); the request waits a few seconds more instead of answering 503."""

MAX_NOTE_CHARS = 2_000
MAX_PAGE = 500
DEFAULT_PAGE = 50
MIGRATION_LOCK = 0x676F6E676B6169  # "gongkai": the PostgreSQL advisory lock held while migrating

FINDING_KEYS = ("ground", "type", "article", "action", "field", "start", "end", "score", "reason", "replacement")
"""What a review keeps of a finding by default: everything but the original ``text``."""


class ReviewError(GongkaiError):
    """A review request that cannot be done; ``status`` is the HTTP status the API answers with."""

    def __init__(self, message: str, code: str, status: int = 422):
        super().__init__(message, code)
        self.status = status


def default_database_url() -> str:
    """A SQLite file in the user's data folder (``~/.local/share/gongkai/reviews.db`` on Linux)."""
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('gongkai', appauthor=False)) / 'reviews.db'}"


def open_store(url: str | None = None, *, keep_text: bool = False) -> "ReviewStore":
    """Open the review records at ``url`` (default :func:`default_database_url`), created and migrated."""
    store = ReviewStore(url or default_database_url(), keep_text=keep_text)
    store.migrate()
    return store


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def content_sha256(title: str, body: str) -> str:
    return sha256(f"{title}\x00{body}")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@dataclass(frozen=True)
class Filters:
    """What ``GET /v1/reviews`` and the exports select: a time range, the verdict, the latest decision."""

    since: datetime | None = None
    until: datetime | None = None
    verdict: str | None = None
    decision: str | None = None  # publish | redact | withhold | none (no decision yet)
    record_id: str | None = None


def parse_moment(value: str, *, end: bool = False) -> datetime:
    """``2025-03-01`` (a Beijing day: its start, or with ``end`` the next day's start) or an ISO datetime."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime.combine(day + timedelta(days=1 if end else 0), time(), LOCAL_TZ)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ReviewError(f"时间 {value!r} 无法识别：请用 2025-03-01 或 2025-03-01T08:30:00+08:00 的形式。",
                          "invalid_time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=LOCAL_TZ)


def year_range(year: int) -> tuple[datetime, datetime]:
    """The first moment of ``year`` and of the next one, in Beijing time."""
    return datetime(year, 1, 1, tzinfo=LOCAL_TZ), datetime(year + 1, 1, 1, tzinfo=LOCAL_TZ)


class ReviewStore:
    """The review records in one database (any SQLAlchemy URL; SQLite and PostgreSQL are tested)."""

    def __init__(self, url: str, *, keep_text: bool = False):
        self.keep_text = keep_text
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ReviewError(f"审查记录数据库地址（GONGKAI_DATABASE_URL）无效：{url!r}"
                              "（例如 sqlite:///路径/reviews.db 或 postgresql+psycopg://用户@主机/库名）。",
                              "invalid_database_url", 400) from None
        self.dialect = parsed.get_backend_name()
        try:
            self.engine = self._engine(parsed)
        except (NoSuchModuleError, ImportError):
            raise ReviewError(f"不支持的数据库类型：{parsed.drivername}（可用 sqlite 或 postgresql+psycopg）。",
                              "invalid_database_url", 400) from None
        self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._migrated = False
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"ReviewStore({self.engine.url.render_as_string(hide_password=True)!r})"

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # --- connection ------------------------------------------------------------------------
    def _engine(self, url) -> Engine:
        if self.dialect != "sqlite":
            # No pre-ping (a round trip per request): a connection broken by a server restart fails
            # one request with 503, and SQLAlchemy then discards the pool's stale connections.
            return create_engine(url, pool_size=8, max_overflow=8, pool_recycle=1800)
        database = url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ReviewError(f"无法创建审查记录数据库所在的目录 {folder}（{type(exc).__name__}）。",
                                  "database_unavailable", 503) from None
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            # Let SQLAlchemy's "begin" event (below) open transactions, not the sqlite3 module.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable in WAL mode except on power loss
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection):
            # A writer takes the write lock up front: a deferred transaction that reads first and
            # writes later cannot wait for the lock and would fail with "database is locked".
            connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', '')}")

        return engine

    def _session(self) -> Session:
        """A read session (the tables are created and migrated first if needed)."""
        self._ensure_migrated()
        return Session(self.engine, expire_on_commit=False)

    # --- migrations ------------------------------------------------------------------------
    def alembic_config(self):
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(files("service.reviews") / "migrations"))
        return config

    def head(self) -> str:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self.alembic_config()).get_current_head()

    def current(self) -> str | None:
        """The revision the database is at (None when empty)."""
        with self._unavailable():
            return self._current()

    def _current(self) -> str | None:
        from alembic.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def migrate(self, revision: str = "head") -> None:
        """Create or upgrade the tables to ``revision``, once, even with several processes starting together."""
        config = self.alembic_config()
        with self._unavailable():
            self._again(lambda: self._migrate(config, revision))
        self._migrated = revision == "head"

    def _migrate(self, config, revision: str) -> None:
        from alembic import command

        if revision == "head" and self._current() == self.head():
            return
        with self.engine.connect() as connection:
            if self.dialect == "sqlite":
                connection.execution_options(sqlite_begin="EXCLUSIVE")
            with connection.begin():
                if self.dialect == "postgresql":
                    connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
                config.attributes["connection"] = connection
                command.upgrade(config, revision)

    def _again(self, attempt):
        """``attempt()``, tried again after each pause of :data:`LOCK_RETRIES` while SQLite says the database is locked
        (each attempt is one whole transaction: a failed one wrote nothing)."""
        for pause in (*LOCK_RETRIES, None):
            try:
                return attempt()
            except OperationalError as exc:
                if pause is None or self.dialect != "sqlite" or "locked" not in str(exc):
                    raise
                sleep(pause)

    def _ensure_migrated(self) -> None:
        if not self._migrated:
            with self._lock:
                if not self._migrated:
                    self.migrate()

    def _unavailable(self):
        return _Unavailable(self)

    def tables(self) -> set[str]:
        with self._unavailable():
            return set(inspect(self.engine).get_table_names())

    def close(self) -> None:
        self.engine.dispose()

    # --- writing ---------------------------------------------------------------------------
    def create(self, analysis: dict, record, who: str) -> dict:
        """Keep ``analysis`` of ``record`` (a :class:`classifier.records.Record`) as a new review by ``who``.

        A review of a record id seen before links to the latest earlier one (``previous_review_id``).
        """
        findings = [{k: f.get(k) for k in FINDING_KEYS} | ({"text": f.get("text")} if self.keep_text else {})
                    for f in analysis.get("findings") or ()]
        model = analysis.get("model") or {}
        earlier = (select(func.max(Review.id)).where(Review.record_id == record.id).scalar_subquery()
                   if record.id is not None else None)
        values = dict(record_id=record.id, previous_id=earlier, created_at=utcnow(), created_by=who,
                      content_sha256=content_sha256(record.title, record.body), title_sha256=sha256(record.title),
                      model_name=model.get("name"), model_version=model.get("version"), category=analysis["category"],
                      confidence=float(analysis["confidence"]), needs_review=bool(analysis["needs_review"]),
                      verdict=analysis["verdict"], findings=findings,
                      title=record.title if self.keep_text else None, body=record.body if self.keep_text else None)
        row = self._insert(insert(Review).values(**values).returning(Review.id, Review.previous_id))
        return {"review_id": row.id, "previous_review_id": row.previous_id, "created_at": _iso(values["created_at"]),
                "created_by": who}

    def decide(self, review_id: int, who: str, decision: str, note: str | None = None) -> dict:
        """Record the editor's decision (``publish`` | ``redact`` | ``withhold``) with why."""
        if not isinstance(decision, str) or decision not in DECISIONS:
            raise ReviewError(f"决定 {decision!r} 无效：应为 publish（公开）、redact（去标识化后公开）或 withhold（不予公开）。",
                              "invalid_decision")
        note = _text(note, "note", "说明")
        review = self.get(review_id)
        if not note and _looser(decision, review["current_verdict"]):
            raise ReviewError(f"审查结论为“{VERDICT_NAMES[review['current_verdict']]}”，决定“{DECISION_NAMES[decision]}”"
                              "须写明理由（note）。", "note_required")
        return self._append(ReviewEvent(review_id=review_id, kind="decision", created_by=who, decision=decision, note=note))

    def dismiss(self, review_id: int, n: int, who: str, reason: str | None, value: str | None = None) -> dict:
        """Dismiss finding ``n`` (0-based) as wrong, with a reason.

        ``value`` is the finding's text, which the editor declares not secret by dismissing it; it
        is what :mod:`.exemptions` turns into agency exemptions. It must have the finding's length.
        """
        reason = _text(reason, "reason", "理由")
        if not reason:
            raise ReviewError("驳回发现须写明理由（reason），例如“本单位公开的办公电话”。", "reason_required")
        review = self.get(review_id)
        findings = review["findings"]
        if not 0 <= n < len(findings):
            raise ReviewError(f"审查记录 {review_id} 没有第 {n} 项发现（共 {len(findings)} 项，下标从 0 起）。",
                              "finding_not_found", 404)
        finding = findings[n]
        kept = finding.get("text")
        if value is not None:
            if not isinstance(value, str) or len(value) != finding["end"] - finding["start"] or (kept and value != kept):
                raise ReviewError("text 与该项发现的原文不符（长度或内容不同）。", "text_mismatch")
        return self._append(ReviewEvent(review_id=review_id, kind="dismissal", created_by=who, finding=n,
                                        note=reason, value=value if value is not None else kept))

    def correct_category(self, review_id: int, who: str, category: str, note: str | None = None,
                         title: str | None = None) -> dict:
        """Correct the category; ``title`` (checked against the kept hash) lets the correction train the model."""
        if not isinstance(category, str) or category not in CATEGORIES:
            raise ReviewError(f"类别 {category!r} 无效，应为：" + "、".join(f"{c}（{n}）" for c, n in CATEGORIES.items()) + "。",
                              "invalid_category")
        note = _text(note, "note", "说明")
        review = self.get(review_id)
        if title is not None and (not isinstance(title, str) or sha256(title) != review["title_sha256"]):
            raise ReviewError("title 与该审查记录的标题不符。", "title_mismatch")
        return self._append(ReviewEvent(review_id=review_id, kind="category", created_by=who, category=category,
                                        note=note, value=title))

    def _append(self, row: ReviewEvent) -> dict:
        values = {c.key: getattr(row, c.key) for c in ReviewEvent.__table__.columns if c.key != "id"}
        values["created_at"] = row.created_at = utcnow()
        row.id = self._insert(insert(ReviewEvent).values(**values).returning(ReviewEvent.id)).id
        return _event_dict(row)

    def _insert(self, statement):
        """Run one INSERT … RETURNING as its own transaction and return the returned row.

        On PostgreSQL the statement runs in autocommit mode: one round trip, atomic by itself.
        On SQLite it runs inside ``BEGIN IMMEDIATE`` so that it waits for another writer instead
        of failing on a stale read snapshot.
        """
        self._ensure_migrated()
        with self._unavailable():
            if self.dialect == "sqlite":
                return self._again(lambda: self._insert_immediate(statement))
            with self._autocommit.connect() as connection:
                return connection.execute(statement).one()

    def _insert_immediate(self, statement):
        with self.engine.connect() as connection:
            connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                return connection.execute(statement).one()

    # --- reading ---------------------------------------------------------------------------
    def get(self, review_id: int) -> dict:
        """A review with its events (oldest first), its current state and the ids of its record's other reviews."""
        with self._unavailable(), self._session() as session:
            row = session.get(Review, review_id) if isinstance(review_id, int) and 0 < review_id < 2**63 else None
            if row is None:
                raise ReviewError(f"没有编号为 {review_id} 的审查记录。", "review_not_found", 404)
            events = session.scalars(select(ReviewEvent).where(ReviewEvent.review_id == review_id)
                                     .order_by(ReviewEvent.id)).all()
            related = [] if row.record_id is None else session.scalars(
                select(Review.id).where(Review.record_id == row.record_id).order_by(Review.id)).all()
        return _review_dict(row, events, related)

    def list(self, filters: Filters = Filters(), *, limit: int = DEFAULT_PAGE, before: int | None = None) -> dict:
        """Newest first; ``before`` is the cursor (``next_before`` of the previous page)."""
        if not 1 <= limit <= MAX_PAGE:
            raise ReviewError(f"limit 应在 1–{MAX_PAGE} 之间。", "invalid_limit")
        query = self._select(filters).order_by(Review.id.desc()).limit(limit + 1)
        if before is not None:
            query = query.where(Review.id < before)
        with self._unavailable(), self._session() as session:
            rows = session.scalars(query).all()
            page = rows[:limit]
            events = self._events_of(session, [r.id for r in page])
        items = [_summary(_review_dict(r, events.get(r.id, []), [])) for r in page]
        return {"reviews": items, "next_before": page[-1].id if len(rows) > limit else None}

    def iter_reviews(self, filters: Filters = Filters(), chunk: int = 500) -> Iterator[dict]:
        """Every selected review with its events, oldest first, read ``chunk`` at a time."""
        after = 0
        while True:
            with self._unavailable(), self._session() as session:
                rows = session.scalars(self._select(filters).where(Review.id > after)
                                       .order_by(Review.id).limit(chunk)).all()
                events = self._events_of(session, [r.id for r in rows])
            for row in rows:
                yield _review_dict(row, events.get(row.id, []), [])
            if len(rows) < chunk:
                return
            after = rows[-1].id

    def events(self, kind: str) -> list[tuple[dict, dict]]:
        """Every event of ``kind`` with its review, oldest first (for exemptions and feedback)."""
        with self._unavailable(), self._session() as session:
            pairs = session.execute(select(ReviewEvent, Review).join(Review, Review.id == ReviewEvent.review_id)
                                    .where(ReviewEvent.kind == kind).order_by(ReviewEvent.id)).all()
        return [(_event_dict(e), _review_dict(r, [], [])) for e, r in pairs]

    def count(self) -> tuple[int, int]:
        """(reviews, events) in the database."""
        with self._unavailable(), self._session() as session:
            return (session.scalar(select(func.count()).select_from(Review)),
                    session.scalar(select(func.count()).select_from(ReviewEvent)))

    def _select(self, filters: Filters):
        query = select(Review)
        if filters.since is not None:
            query = query.where(Review.created_at >= filters.since)
        if filters.until is not None:
            query = query.where(Review.created_at < filters.until)
        if filters.verdict is not None:
            if filters.verdict not in VERDICT_NAMES:
                raise ReviewError(f"verdict 应为 {'、'.join(VERDICT_NAMES)} 之一。", "invalid_verdict")
            query = query.where(Review.verdict == filters.verdict)
        if filters.record_id is not None:
            query = query.where(Review.record_id == filters.record_id)
        if filters.decision is not None:
            if filters.decision not in DECISIONS + ("none",):
                raise ReviewError("decision 应为 publish、redact、withhold 或 none（尚未决定）。", "invalid_decision")
            latest = (select(ReviewEvent.decision)
                      .where(ReviewEvent.review_id == Review.id, ReviewEvent.kind == "decision")
                      .order_by(ReviewEvent.id.desc()).limit(1).correlate(Review).scalar_subquery())
            query = query.where(latest.is_(None) if filters.decision == "none" else latest == filters.decision)
        return query

    @staticmethod
    def _events_of(session: Session, ids: list[int]) -> dict[int, list[ReviewEvent]]:
        grouped: dict[int, list[ReviewEvent]] = {}
        if ids:
            for e in session.scalars(select(ReviewEvent).where(ReviewEvent.review_id.in_(ids)).order_by(ReviewEvent.id)):
                grouped.setdefault(e.review_id, []).append(e)
        return grouped


class _Unavailable:
    """Turns a database that cannot be reached into a Chinese :class:`ReviewError` (503)."""

    def __init__(self, store: ReviewStore):
        self.store = store

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or not isinstance(exc, (OperationalError, InterfaceError, OSError)):
            return False
        busy = isinstance(exc, OperationalError) and "locked" in str(exc)
        detail = "数据库忙，请稍后重试" if busy else f"无法访问审查记录数据库 {self.store.url}（{type(exc).__name__}）"
        raise ReviewError(detail + "。", "database_unavailable", 503) from exc


DECISION_NAMES = {"publish": "公开", "redact": "去标识化后公开", "withhold": "不予公开"}


def _looser(decision: str, verdict: str) -> bool:
    """A decision that goes against the review's verdict: publish what it flagged, or release what it withholds."""
    return (decision == "publish" and verdict != "publish") or (decision != "withhold" and verdict == "withhold")


def _text(value: Any, field: str, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{field}（{label}）应为文本。", "invalid_field")
    if len(value) > MAX_NOTE_CHARS:
        raise ReviewError(f"{field}（{label}）最多 {MAX_NOTE_CHARS} 字，收到 {len(value)} 字。", "field_too_long")
    return value.strip() or None


def _event_dict(e: ReviewEvent) -> dict:
    out = {"event_id": e.id, "review_id": e.review_id, "kind": e.kind, "at": _iso(e.created_at), "by": e.created_by}
    if e.kind == "decision":
        out |= {"decision": e.decision, "note": e.note}
    elif e.kind == "dismissal":
        out |= {"finding": e.finding, "reason": e.note, "text": e.value}
    else:
        out |= {"category": e.category, "category_name": CATEGORIES.get(e.category or "", e.category), "note": e.note,
                "title": e.value}
    return out


def _review_dict(row: Review, events: list[ReviewEvent], related: list[int]) -> dict:
    event_dicts = [_event_dict(e) for e in events]
    decisions = [e for e in event_dicts if e["kind"] == "decision"]
    corrections = [e for e in event_dicts if e["kind"] == "category"]
    dismissed: dict[int, dict] = {}
    for e in event_dicts:
        if e["kind"] == "dismissal":
            dismissed[e["finding"]] = e
    findings = [dict(f, index=i, dismissed=i in dismissed) for i, f in enumerate(row.findings or [])]
    kept = [SimpleNamespace(action=f["action"]) for f in findings if not f["dismissed"]]
    category = corrections[-1]["category"] if corrections else row.category
    return {
        "review_id": row.id, "id": row.record_id, "previous_review_id": row.previous_id,
        "created_at": _iso(row.created_at), "created_by": row.created_by,
        "content_sha256": row.content_sha256, "title_sha256": row.title_sha256,
        "model": {"name": row.model_name, "version": row.model_version},
        "category": row.category, "category_name": CATEGORIES.get(row.category, row.category),
        "confidence": row.confidence, "needs_review": row.needs_review,
        "verdict": row.verdict, "verdict_name": VERDICT_NAMES.get(row.verdict, row.verdict), "findings": findings,
        **({"title": row.title, "body": row.body} if row.title is not None or row.body is not None else {}),
        "events": event_dicts,
        "decision": decisions[-1] if decisions else None,
        "dismissed": sorted(dismissed),
        "current_category": category, "current_category_name": CATEGORIES.get(category, category),
        "current_verdict": verdict_of(kept),
        "reviews_of_record": related,
    }


def _summary(review: dict) -> dict:
    """The fields of a review in a list: no findings' details, no events."""
    keep = ("review_id", "id", "previous_review_id", "created_at", "created_by", "category", "category_name",
            "current_category", "confidence", "needs_review", "verdict", "verdict_name", "current_verdict", "model")
    decision = review["decision"]
    return {k: review[k] for k in keep} | {
        "findings": len(review["findings"]), "dismissed": len(review["dismissed"]),
        "decision": decision and {k: decision[k] for k in ("decision", "by", "at", "note")},
    }
