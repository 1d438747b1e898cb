"""docs/design.md is the project's own design document: it exists, matches the code, and every citation resolves."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from classifier.categories import CATEGORIES
from classifier.risk.grounds import ARTICLES, GROUND_NAMES
from classifier.risk.lexicon import ACTIONS, GROUNDS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "design.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def sections(text: str) -> set[str]:
    return set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", text, flags=re.M))


def section_text(text: str, number: str) -> str:
    start = re.search(rf"^#{{2,3}} {re.escape(number)}\.? .*$", text, flags=re.M)
    nxt = re.search(r"^#{2,3} \d", text[start.end():], flags=re.M)
    return text[start.end(): start.end() + nxt.start() if nxt else len(text)]


def test_numbered_sections(doc):
    assert {"1", "2", "3", "4", "5", "6", "3.1", "3.2", "3.3", "3.4", "2.1"} <= sections(doc)


def test_every_category_in_order(doc):
    part = section_text(doc, "1")
    rows = re.findall(r"^\| `(\w+)` \| (\S+) \|", part, flags=re.M)
    assert rows == list(CATEGORIES.items())
    assert "议事协调机构" in part and "`institution`" in part


def test_grounds_articles_and_the_lexicon_names(doc):
    part = section_text(doc, "2.1")
    rows = re.findall(r"^\| `(\w+)` (\S+) \| (第\S+条) \|", part, flags=re.M)
    assert [(g, a) for g, _, a in rows] == list(ARTICLES.items())
    assert [n for _, n, _ in rows] == list(GROUND_NAMES.values())
    listed = re.search(r"takes\s+`ground =` one of (.*?)\(default", part, flags=re.S).group(1)
    assert re.findall(r"`(\w+)`", listed) == list(GROUNDS)
    actions = re.search(r"`action =` one of (.*?)\(default", part, flags=re.S).group(1)
    assert re.findall(r"`(\w+)`", actions) == list(ACTIONS)


def project_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / f for f in out if f.endswith((".py", ".md", ".toml")) and (ROOT / f).is_file()]


def test_no_reference_to_a_design_file_outside_the_project():
    offenders = [str(p.relative_to(ROOT)) for p in project_files()
                 if p != DOC and re.search(r"DESIGN\.md", p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


def test_every_citation_names_an_existing_section(doc):
    have = sections(doc)
    cited = set()
    pattern = re.compile(r"docs/design\.md`?\s*(?:§|section |sections |第\s*)(\d+(?:\.\d+)?)")
    for path in project_files():
        if path == DOC:
            continue
        for number in pattern.findall(path.read_text(encoding="utf-8", errors="replace")):
            cited.add(number)
            assert number in have, f"{path.relative_to(ROOT)} cites docs/design.md §{number}"
    assert {"1", "2", "3.1"} <= cited
