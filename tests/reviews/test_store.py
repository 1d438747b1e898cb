"""The review records store on SQLite and PostgreSQL: migrations, append-only events, reading and listing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from tests.reviews.conftest import ID_NUMBER, MOBILE, PLAIN

from classifier.records import Record
from service.reviews import ReviewError, ReviewStore, open_store
from service.reviews.store import Filters


def test_migrates_from_empty_and_matches_the_models(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from service.reviews.models import Base

    store = ReviewStore(database_url)
    assert store.current() is None and store.tables() == set()
    store.migrate()
    assert store.current() == store.head() == "0003"
    assert {"reviews", "review_events", "alembic_version"} <= store.tables()
    with store.engine.connect() as connection:  # the migrations create exactly what the models describe
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], diff
    store.migrate()  # a second run is a no-op
    assert store.current() == "0003"
    store.close()


@pytest.mark.parametrize("previous", ["0001", "0002"])
def test_upgrades_from_a_previous_revision_keeping_the_data(database_url, draft_analysis, previous):
    from sqlalchemy import text

    record, analysis = draft_analysis
    store = ReviewStore(database_url)
    store.migrate(previous)
    assert store.current() == previous
    with store.engine.begin() as connection:  # a review and a decision written by the previous version
        connection.execute(text(
            "INSERT INTO reviews (record_id, created_at, created_by, content_sha256, title_sha256, category, confidence,"
            " needs_review, verdict, findings) VALUES ('old-1', :at, '王编辑', 'x', 'y', 'work', 0.9, :f, 'publish', '[]')"),
            {"at": datetime(2025, 3, 1, 8, 0), "f": False})
        connection.execute(text("INSERT INTO review_events (review_id, kind, created_at, created_by, decision)"
                                " VALUES (1, 'decision', :at, '李审核', 'publish')"), {"at": datetime(2025, 3, 1, 9, 0)})
    store.close()

    upgraded = open_store(database_url)
    assert upgraded.current() == upgraded.head() == "0003"
    old = upgraded.get(1)
    assert old["id"] == "old-1" and old["decision"]["decision"] == "publish" and old["decision"]["by"] == "李审核"
    assert old["created_at"].startswith("2025-03-01T08:00:00")
    new = upgraded.create(analysis, Record.parse({"id": "old-1", "title": record.title, "body": record.body}), "王编辑")
    assert new["previous_review_id"] == 1
    upgraded.dismiss(new["review_id"], 0, "李审核", "本单位人员", value=analysis["findings"][0]["text"])
    assert upgraded.get(new["review_id"])["events"][0]["text"] == analysis["findings"][0]["text"]
    upgraded.close()


def test_a_review_keeps_what_the_tool_said_and_who_asked(store, draft_analysis):
    record, analysis = draft_analysis
    kept = store.create(analysis, record, "王编辑")
    review = store.get(kept["review_id"])
    assert review["id"] == record.id and review["created_by"] == "王编辑"
    assert review["category"] == analysis["category"] and review["verdict"] == analysis["verdict"]
    assert review["confidence"] == pytest.approx(analysis["confidence"])
    assert review["model"] == {"name": analysis["model"]["name"], "version": analysis["model"]["version"]}
    assert len(review["content_sha256"]) == 64
    assert datetime.fromisoformat(review["created_at"]) - datetime.now(timezone.utc) < timedelta(minutes=1)
    for stored, found in zip(review["findings"], analysis["findings"], strict=True):
        for key in ("ground", "type", "article", "action", "field", "start", "end", "reason", "replacement"):
            assert stored[key] == found[key], key
        assert "text" not in stored  # not the secret values
    assert "title" not in review and "body" not in review
    assert review["events"] == [] and review["decision"] is None and review["dismissed"] == []


def test_secret_values_are_not_in_the_sqlite_file_unless_asked(tmp_path, draft_analysis):
    record, analysis = draft_analysis
    path = tmp_path / "plain.db"
    store = open_store(f"sqlite:///{path}")
    kept = store.create(analysis, record, "王编辑")
    store.decide(kept["review_id"], "李审核", "redact", note="已遮盖")
    store.dismiss(kept["review_id"], 1, "李审核", "号码已作废")  # no text sent: nothing to keep
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("plain.db*"))  # the database and its WAL
    assert raw and "王编辑".encode() in raw  # the file is readable as bytes: the check below is meaningful
    for secret in (ID_NUMBER, MOBILE, "王小明", record.body[:12]):
        assert secret.encode("utf-8") not in raw, secret

    kept_path = tmp_path / "kept.db"
    keeping = open_store(f"sqlite:///{kept_path}", keep_text=True)
    kid = keeping.create(analysis, record, "王编辑")["review_id"]
    review = keeping.get(kid)
    assert review["title"] == record.title and review["body"] == record.body
    assert [f["text"] for f in review["findings"]] == [f["text"] for f in analysis["findings"]]
    keeping.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("kept.db*"))
    assert ID_NUMBER.encode() in raw and MOBILE.encode() in raw


def test_events_are_appended_never_updated(store, draft_analysis):
    record, analysis = draft_analysis
    rid = store.create(analysis, record, "王编辑")["review_id"]
    with pytest.raises(ReviewError) as refused:
        store.decide(rid, "李审核", "publish")  # looser than the tool's verdict: a note is required
    assert refused.value.code == "note_required" and "理由" in refused.value.message
    first = store.decide(rid, "李审核", "redact", note="遮盖后公开")
    mobile = next(i for i, f in enumerate(analysis["findings"]) if f["type"] == "mobile")
    store.dismiss(rid, mobile, "李审核", "单位办公电话", value=MOBILE)
    store.correct_category(rid, "赵科长", "personnel", note="招聘", title=record.title)
    second = store.decide(rid, "赵科长", "withhold", note="再议")
    review = store.get(rid)
    assert [e["kind"] for e in review["events"]] == ["decision", "dismissal", "category", "decision"]
    assert review["events"][0] == first and review["events"][0]["decision"] == "redact"  # still there
    assert review["decision"] == second and review["decision"]["by"] == "赵科长"
    assert review["dismissed"] == [mobile] and review["findings"][mobile]["dismissed"] is True
    assert review["events"][1]["reason"] == "单位办公电话" and review["events"][1]["text"] == MOBILE
    assert review["current_category"] == "personnel" and review["category"] == analysis["category"]
    assert store.count() == (1, 4)


def test_the_database_refuses_to_change_or_delete_records(database_url, draft_analysis):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    record, analysis = draft_analysis
    store = open_store(database_url)
    rid = store.create(analysis, record, "王编辑")["review_id"]
    store.decide(rid, "李审核", "withhold", note="暂缓")
    statements = ["UPDATE review_events SET note = '改过'", "DELETE FROM review_events",
                  "UPDATE reviews SET verdict = 'publish'", "DELETE FROM reviews"]
    if store.dialect == "postgresql":
        statements.append("TRUNCATE review_events")
    for statement in statements:
        with pytest.raises(DatabaseError, match="append-only"):
            with store.engine.begin() as connection:
                connection.execute(text(statement))
    review = store.get(rid)
    assert review["verdict"] == analysis["verdict"] and review["decision"]["note"] == "暂缓"
    store.close()


def test_bad_requests_are_refused_with_chinese_messages(store, draft_analysis):
    record, analysis = draft_analysis
    rid = store.create(analysis, record, "王编辑")["review_id"]
    cases = [
        (lambda: store.get(rid + 999), "review_not_found", 404),
        (lambda: store.decide(rid, "李审核", "maybe"), "invalid_decision", 422),
        (lambda: store.decide(rid, "李审核", ["publish"]), "invalid_decision", 422),
        (lambda: store.decide(rid, "李审核", "withhold", note="字" * 3000), "field_too_long", 422),
        (lambda: store.dismiss(rid, 99, "李审核", "误报"), "finding_not_found", 404),
        (lambda: store.dismiss(rid, 0, "李审核", "  "), "reason_required", 422),
        (lambda: store.dismiss(rid, 0, "李审核", "误报", value="短"), "text_mismatch", 422),
        (lambda: store.correct_category(rid, "李审核", "sports"), "invalid_category", 422),
        (lambda: store.correct_category(rid, "李审核", {"x": 1}), "invalid_category", 422),
        (lambda: store.correct_category(rid, "李审核", "work", title="别的标题"), "title_mismatch", 422),
    ]
    for call, code, status in cases:
        with pytest.raises(ReviewError) as caught:
            call()
        assert (caught.value.code, caught.value.status) == (code, status)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    assert store.count() == (1, 0)  # nothing was written by a refused request


def test_resubmitting_a_record_links_to_the_earlier_reviews(store, draft_analysis):
    record, analysis = draft_analysis
    first = store.create(analysis, record, "王编辑")
    other = store.create(analysis, Record.parse(PLAIN), "王编辑")
    second = store.create(analysis, record, "李审核")
    assert first["previous_review_id"] is None and other["previous_review_id"] is None
    assert second["previous_review_id"] == first["review_id"]
    assert store.get(second["review_id"])["reviews_of_record"] == [first["review_id"], second["review_id"]]
    anonymous = store.create(analysis, Record.parse({"title": record.title}), "王编辑")
    assert anonymous["previous_review_id"] is None  # no record id, no link


def test_listing_filters_and_pages(store, draft_analysis, analyzer):
    record, analysis = draft_analysis
    plain = Record.parse(PLAIN)
    plain_analysis = analyzer.analyze(plain)
    assert plain_analysis["verdict"] == "publish" and analysis["verdict"] == "redact"
    ids = []
    for i in range(7):
        rec, res = (record, analysis) if i % 2 else (plain, plain_analysis)
        ids.append(store.create(res, rec, "王编辑")["review_id"])
    store.decide(ids[1], "李审核", "redact", note="遮盖")
    store.decide(ids[3], "李审核", "withhold", note="再议")
    store.decide(ids[3], "李审核", "redact", note="改为遮盖")  # the latest decision counts

    everything = store.list()
    assert [r["review_id"] for r in everything["reviews"]] == ids[::-1] and everything["next_before"] is None
    pages, before = [], None
    while True:
        page = store.list(limit=3, before=before)
        pages.append([r["review_id"] for r in page["reviews"]])
        before = page["next_before"]
        if before is None:
            break
    assert pages == [ids[6:3:-1], ids[3:0:-1], ids[0:1]]
    assert [r["review_id"] for r in store.list(Filters(verdict="redact"))["reviews"]] == [ids[5], ids[3], ids[1]]
    assert [r["review_id"] for r in store.list(Filters(decision="redact"))["reviews"]] == [ids[3], ids[1]]
    assert store.list(Filters(decision="withhold"))["reviews"] == []
    undecided = store.list(Filters(decision="none"))["reviews"]
    assert len(undecided) == 5 and all(r["decision"] is None for r in undecided)
    summary = store.list(Filters(decision="redact"))["reviews"][0]
    assert summary["decision"]["note"] == "改为遮盖" and summary["findings"] == len(analysis["findings"])
    assert [r["review_id"] for r in store.list(Filters(record_id=PLAIN["id"]))["reviews"]] == ids[6::-2]
    now = datetime.now(timezone.utc)
    assert len(store.list(Filters(since=now - timedelta(hours=1)))["reviews"]) == 7
    assert store.list(Filters(since=now + timedelta(hours=1)))["reviews"] == []
    assert store.list(Filters(until=now - timedelta(hours=1)))["reviews"] == []
    for bad in (Filters(verdict="yes"), Filters(decision="later")):
        with pytest.raises(ReviewError):
            store.list(bad)
    assert [r["review_id"] for r in store.iter_reviews(chunk=2)] == ids


def test_an_unreachable_database_is_a_clear_error(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(ReviewError) as caught:
        open_store(f"sqlite:///{blocked}/reviews.db")
    assert caught.value.code == "database_unavailable" and caught.value.status == 503
    for url, code in (("no-such-url", "invalid_database_url"), ("oracle+nothing://x/y", "invalid_database_url")):
        with pytest.raises(ReviewError) as caught:
            ReviewStore(url)
        assert caught.value.code == code and "数据库" in caught.value.message


def test_default_database_is_a_file_in_the_user_data_folder(tmp_path, monkeypatch, draft_analysis):
    from service.reviews import default_database_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_database_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'gongkai' / 'reviews.db'}"
    store = open_store()
    record, analysis = draft_analysis
    store.create(analysis, record, "王编辑")
    store.close()
    assert (tmp_path / "data" / "gongkai" / "reviews.db").is_file()
    with open_store().engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_write_that_finds_sqlite_locked_is_tried_again(tmp_path, draft_analysis, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import service.reviews.store as store_module

    record, analysis = draft_analysis
    store = open_store(f"sqlite:///{tmp_path / 'reviews.db'}")
    pauses = []
    monkeypatch.setattr(store_module, "sleep", pauses.append)
    real = store._insert_immediate
    failures = iter([True, True])  # SQLite says "locked" at once twice (a race its busy wait does not cover)

    def flaky(statement):
        if next(failures, False):
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        return real(statement)

    monkeypatch.setattr(store, "_insert_immediate", flaky)
    review = store.create(analysis, record, "王编辑")
    assert pauses == list(store_module.LOCK_RETRIES[:2])
    assert store.get(review["review_id"])["created_by"] == "王编辑"  # written once, nothing lost
    assert len(store.list(Filters())["reviews"]) == 1

    def always(statement):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(store, "_insert_immediate", always)
    with pytest.raises(ReviewError) as err:
        store.create(analysis, record, "王编辑")
    assert err.value.status == 503 and "数据库忙" in str(err.value)
    assert len(store.list(Filters())["reviews"]) == 1
    store.close()
