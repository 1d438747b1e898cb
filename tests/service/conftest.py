"""Fixtures of the service tests: apps built by ``create_app`` around the session's analyzer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service_helpers import API_KEY, RISKY_DRAFT, make_settings


@pytest.fixture()
def make_client(analyzer):
    """``make_client(**settings)`` -> a started ``TestClient`` (lifespan run) sharing the loaded model."""
    clients = []

    def make(raise_server_exceptions: bool = True, **overrides) -> TestClient:
        client = TestClient(create_app(make_settings(**overrides), analyzer=analyzer),
                            raise_server_exceptions=raise_server_exceptions)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture()
def client(make_client) -> TestClient:
    """Auth off, default limits."""
    return make_client()


@pytest.fixture()
def auth_client(make_client) -> TestClient:
    """``GONGKAI_API_KEY`` set to :data:`API_KEY`."""
    return make_client(api_key=API_KEY)


@pytest.fixture(scope="session")
def risk_wired(analyzer) -> None:
    """The risk review is part of ``Analyzer.analyze``: the risky draft has findings."""
    assert analyzer.analyze(RISKY_DRAFT)["findings"]
