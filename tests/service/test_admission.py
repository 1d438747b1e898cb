"""Admission by cost: large requests queue behind each other, in slices that give way to small ones."""

from __future__ import annotations

import threading
import time

import anyio
from service_helpers import PLAIN_DRAFT

from classifier.records import Record
from service.limits import Admission, cost, slices


def records(*sizes: int) -> list[Record]:
    return [Record(title="", body="字" * n, id=str(i)) for i, n in enumerate(sizes)]


def test_slices_keep_order_and_bound_the_characters():
    parts = slices(records(400, 400, 400, 1500, 100, 100), 1000)
    assert [[r.id for r in p] for p in parts] == [["0", "1"], ["2"], ["3"], ["4", "5"]]  # a big record goes alone
    assert all(cost(p) <= 1000 or len(p) == 1 for p in parts)


def test_a_large_request_waits_for_the_small_ones_in_flight():
    log: list[str] = []
    release = threading.Event()
    results = []

    def small(rs):
        log.append("small start")
        release.wait(30)
        log.append("small end")
        return [r.id for r in rs]

    def large(rs):
        log.append(f"large {','.join(r.id for r in rs)}")
        return [r.id for r in rs]

    async def heavy(admission):
        results.extend(await admission.run(large, records(600, 600, 600)))

    async def main():
        admission = Admission(threads=4, heavy_chars=1000, patience=30)
        async with anyio.create_task_group() as tg:
            tg.start_soon(admission.run, small, records(10))
            await anyio.sleep(0.2)
            tg.start_soon(heavy, admission)
            await anyio.sleep(0.3)
            release.set()

    anyio.run(main)
    assert log[:2] == ["small start", "small end"]  # the large request only started once the small was done
    assert log[2:] == ["large 0", "large 1", "large 2"]  # in slices of at most 1,000 characters
    assert results == ["0", "1", "2"]  # one result per record, in order


def test_large_requests_queue_behind_each_other():
    log: list[str] = []

    def large(name):
        def analyse(rs):
            log.append(f"{name} {rs[0].id} start")
            threading.Event().wait(0.05)
            log.append(f"{name} {rs[0].id} end")
            return [r.id for r in rs]
        return analyse

    async def main():
        admission = Admission(threads=4, heavy_chars=1000, patience=0.01)
        async with anyio.create_task_group() as tg:
            tg.start_soon(admission.run, large("A"), records(900, 900))
            await anyio.sleep(0.01)
            tg.start_soon(admission.run, large("B"), records(900, 900))

    anyio.run(main)
    assert log == ["A 0 start", "A 0 end", "A 1 start", "A 1 end", "B 0 start", "B 0 end", "B 1 start", "B 1 end"]


def test_a_sliced_batch_answers_as_one_analysis(make_client, analyzer):
    """A batch over GONGKAI_HEAVY_CHARS is analysed in slices; the answer is the same as in one piece."""
    client = make_client(heavy_chars=1_000)
    batch = [{"id": str(i), "title": f"青山县第{i}号公告", "body": "根据工作安排，现将有关事项通知如下。" * 30}
             for i in range(6)] + [{"id": "bad", "title": ""}, PLAIN_DRAFT]
    response = client.post("/v1/analyze/batch", json=batch)
    assert response.status_code == 200
    assert response.json() == analyzer.analyze_many(batch)
    big = {"title": "长文", "body": "根据工作安排，现将有关事项通知如下。" * 200}  # one record over the limit
    assert client.post("/v1/analyze", json=big).json() == analyzer.analyze(big)


def test_under_steady_small_load_a_large_request_advances_but_computes_at_most_half_the_time():
    stop = threading.Event()
    spans: list[tuple[float, float]] = []

    def small(rs):
        stop.wait(30)
        return [None]

    def large(rs):
        start = time.monotonic()
        time.sleep(0.2)
        spans.append((start, time.monotonic()))
        return [r.id for r in rs]

    async def main():
        admission = Admission(threads=4, heavy_chars=1000, patience=0.01)
        async with anyio.create_task_group() as tg:
            tg.start_soon(admission.run, small, records(10))
            await anyio.sleep(0.05)
            assert await admission.run(large, records(900, 900, 900)) == ["0", "1", "2"]
            stop.set()

    anyio.run(main)
    gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:])]
    assert len(gaps) == 2 and all(gap >= 0.15 for gap in gaps), gaps  # each wait as long as the slice before
