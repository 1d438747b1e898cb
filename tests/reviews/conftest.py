"""Databases for the review records tests: a SQLite file, and a fresh database on a real PostgreSQL server.

``GONGKAI_TEST_POSTGRES_URL`` names a database on a server where the user may create databases
(``.ci/run`` starts one). A server that is named but cannot be reached fails the tests. Without the
variable the PostgreSQL cases skip locally, but FAIL in CI (``CI=true``): a CI run must not pass
without having talked to PostgreSQL.
"""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES_ENV = "GONGKAI_TEST_POSTGRES_URL"


def _no_postgres(reason: str, *, named: bool = False):
    if named or os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"CI 中必须能连上 PostgreSQL：{reason}", pytrace=False)
    pytest.skip(f"未测试 PostgreSQL：{reason}")


@pytest.fixture(scope="session")
def postgres_admin():
    """An engine on the server of ``GONGKAI_TEST_POSTGRES_URL`` in autocommit mode (to create databases)."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        _no_postgres(f"没有设置 {POSTGRES_ENV}")
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect is reported the same way
        _no_postgres(f"{engine.url.render_as_string(hide_password=True)} 无法连接（{type(exc).__name__}: {exc}）",
                     named=True)
    yield engine
    engine.dispose()


@pytest.fixture()
def postgres_url(postgres_admin):
    """A new, empty database for one test (dropped afterwards)."""
    from sqlalchemy import text

    name = f"gk_test_{uuid.uuid4().hex[:12]}"
    with postgres_admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = postgres_admin.url.set(database=name).render_as_string(hide_password=False)
    yield url
    with postgres_admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture()
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'reviews.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request):
    """Each test that uses it runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


# Invented drafts (no real names or numbers): an ID number with a valid check digit and a mobile number.
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
DRAFT = {
    "id": "cms-2025-0001",
    "title": "青山县2025年事业单位公开招聘拟聘用人员公示",
    "body": f"现将拟聘用人员公示如下：王小明，身份证号{ID_NUMBER}，联系电话{MOBILE}，报考岗位：综合管理。",
}
PLAIN = {"id": "cms-2025-0002", "title": "青山县财政局2025年度部门预算", "body": "一、部门主要职责\n二、部门预算收支情况"}


@pytest.fixture()
def store(database_url):
    from service.reviews import open_store

    store = open_store(database_url)
    yield store
    store.close()


@pytest.fixture(scope="session")
def draft_analysis(analyzer):
    from classifier.records import Record

    record = Record.parse(DRAFT)
    analysis = analyzer.analyze(record)
    assert {f["type"] for f in analysis["findings"]} >= {"id_card", "mobile"}, analysis["findings"]
    return record, analysis
