"""The evaluation data in ../shared/data is for measuring: none of its text may be copied into the project.

Skips where ../shared is absent (it is only needed to know what must not be copied).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEXT_SUFFIXES = {".py", ".toml", ".txt", ".md", ".json", ".jsonl", ".html", ".js", ".css"}
RUN = 16  # characters, whitespace removed


def squeeze(text: str) -> str:
    return "".join(text.split())


def tracked_files(*folders: str) -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", *folders], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / n for n in names if (ROOT / n).suffix in TEXT_SUFFIXES and (ROOT / n).is_file()]


def records(name: str) -> list[dict]:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{path} is not present on this machine")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_no_real_title_in_any_project_file():
    titles = {squeeze(r.get("title", "")) for name in ("real/pingtan_dev.jsonl", "real/other_bodies_dev.jsonl")
              for r in records(name)}
    titles = {t for t in titles if len(t) >= 14}
    found = {}
    for path in tracked_files():
        text = squeeze(path.read_text(encoding="utf-8", errors="ignore"))
        hits = [t for t in titles if t in text]
        if hits:
            found[str(path.relative_to(ROOT))] = hits[:3]
    assert not found, found


def test_code_tests_and_benches_share_no_run_with_the_risk_dev_set():
    """Code, tests and bench scripts. (Our own written drafts in bench/data/*.jsonl legitimately share
    legal boilerplate with any real draft — "如不服本决定，可在收到本决定书…" — and are checked by title.)"""
    runs = set()
    for r in records("risk/dev.jsonl"):
        for field in (r["title"], r["body"]):
            text = squeeze(field)
            runs.update(text[i : i + RUN] for i in range(len(text) - RUN + 1))
    found = {}
    for path in tracked_files("classifier", "service", "tests", "bench"):
        if path.suffix == ".jsonl":
            continue
        text = squeeze(path.read_text(encoding="utf-8", errors="ignore"))
        hits = {text[i : i + RUN] for i in range(len(text) - RUN + 1)} & runs
        if hits:
            found[str(path.relative_to(ROOT))] = sorted(hits)[:3]
    assert not found, found
