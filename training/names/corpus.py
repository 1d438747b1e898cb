"""The public NER corpus: Universal NER, Simplified Chinese GSD (UNER_Chinese-GSDSIMP, CC BY-SA 4.0).

``convert`` turns the corpus's word-level IOB2 files into the character-level form kept in
``data/uner_zh_gsdsimp.jsonl.gz``: one JSON object per sentence, ``{"split", "text", "names"}`` with
``names`` the ``[start, end)`` character spans of PER entities (LOC and ORG become plain text). It
is run once by hand (``python -m training.names.corpus PATH_TO_CHECKOUT``); training reads only the
converted file, so the build needs no network.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
CORPUS_FILE = DATA / "uner_zh_gsdsimp.jsonl.gz"
SPLITS = {"train": "zh_gsdsimp-ud-train.iob2", "dev": "zh_gsdsimp-ud-dev.iob2", "test": "zh_gsdsimp-ud-test.iob2"}

Example = tuple[str, list[tuple[int, int]]]


def parse_iob2(text: str) -> list[Example]:
    """Sentences of a UNER ``.iob2`` file (``id  token  tag ...`` columns) as character spans."""
    out: list[Example] = []
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    open_start = None

    def close(pos: int) -> None:
        nonlocal open_start
        if open_start is not None:
            spans.append((open_start, pos))
            open_start = None

    def flush() -> None:
        nonlocal chars, spans
        close(len("".join(chars)))
        if chars:
            out.append(("".join(chars), spans))
        chars, spans = [], []

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].isdigit():
            continue
        token, tag = cols[1], cols[2]
        pos = len("".join(chars))
        if tag == "B-PER" or (tag == "I-PER" and open_start is None):
            close(pos)
            open_start = pos
        elif tag != "I-PER":
            close(pos)
        chars.append(token)
    flush()
    return out


def convert(checkout: Path, out: Path = CORPUS_FILE) -> dict[str, int]:
    """Write the converted corpus from a UNER_Chinese-GSDSIMP checkout (a folder or a bare git dir)."""
    counts: dict[str, int] = {}
    buf = io.StringIO()
    for split, name in SPLITS.items():
        raw = _read(Path(checkout), name)
        examples = parse_iob2(raw)
        counts[split] = len(examples)
        for text, names in examples:
            buf.write(json.dumps({"split": split, "text": text, "names": names}, ensure_ascii=False) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return counts


def _read(checkout: Path, name: str) -> str:
    if (checkout / name).is_file():
        return (checkout / name).read_text(encoding="utf-8")
    import subprocess  # a bare git directory, as brought by a mirror

    return subprocess.run(["git", "--git-dir", str(checkout), "show", f"HEAD:{name}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def load(split: str) -> list[Example]:
    """The converted sentences of one split (``train``, ``dev`` or ``test``)."""
    out = []
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["split"] == split:
                out.append((row["text"], [tuple(s) for s in row["names"]]))
    return out


if __name__ == "__main__":  # pragma: no cover - a one-off conversion
    print(convert(Path(sys.argv[1])))
