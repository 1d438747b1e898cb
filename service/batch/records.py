"""The one batch function every engine runs: a column batch in, the same batch plus result columns out.

``datasets`` calls it from ``Dataset.map(batched=True)``, Ray Data from ``map_batches`` and Spark
from ``mapInPandas``; each engine only converts its batch to ``dict[str, list]`` and back.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from classifier.categories import CATEGORIES, LabelMap

BATCH_VERSION = "1"
"""Bump when the result columns change: it is part of every cache fingerprint."""

RESULT_TYPES: dict[str, str] = {
    "category": "string",
    "category_name": "string",
    "confidence": "float64",
    "needs_review": "bool",
    "verdict": "string",
    "findings": "string",
    "model_version": "string",
    "error": "string",
    "error_code": "string",
}
"""Result columns (before ``Columns.prefix``) and their Arrow/``datasets`` value types, in output order.

``findings`` is the JSON list of docs/design.md section 3.1; ``error`` is the Chinese reason a row could
not be analysed (``error_code`` its English code), empty for rows that were analysed."""

INPUT_ERROR = "__gongkai_input_error__"
"""Hidden column of a row the reader could not read (a bad line): JSON ``{"code", "message", "line"}``,
empty for rows that were read. Never written out (see :mod:`service.batch.reader`)."""

CHANGED = "changed"
"""Added with a label column: ``True`` when the new category differs from the old label."""

_NAME_TO_CODE = {name: code for code, name in CATEGORIES.items()}


@dataclass(frozen=True)
class Columns:
    """Where the input fields are, and how the result columns are named.

    Parameters
    ----------
    title, body : str
        Input columns holding the title and the body; a missing column reads as empty.
    id : str or None, default="id"
        Column with the item's id (used in error listings); ``None`` or missing: the row number.
    label : str or None, default=None
        Column with the old category (code such as ``tender`` or name such as ``招投标信息``);
        when given, a ``changed`` column is added.
    prefix : str, default=""
        Put before every result column name, e.g. ``new_`` when the archive already has ``category``.
    label_map : LabelMap or None, default=None
        The label column holds the site's own 栏目: they are compared through this map (an unmapped
        栏目 is shown as itself).
    """

    title: str = "title"
    body: str = "body"
    id: str | None = "id"
    label: str | None = None
    prefix: str = ""
    label_map: LabelMap | None = None

    def result_names(self) -> list[str]:
        names = [self.prefix + name for name in RESULT_TYPES]
        if self.label:
            names.append(self.prefix + CHANGED)
        return names

    def result_types(self) -> dict[str, str]:
        types = {self.prefix + name: kind for name, kind in RESULT_TYPES.items()}
        if self.label:
            types[self.prefix + CHANGED] = "bool"
        return types

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def label_code(value: Any, label_map: LabelMap | None = None) -> str | None:
    """An old label as a category code: codes and Chinese names are recognised (and 栏目 through
    ``label_map``), anything else is kept."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    if not text:
        return None
    if label_map is not None:
        return label_map.lookup(text) or text
    if text in CATEGORIES:
        return text
    return _NAME_TO_CODE.get(text, text)


def _cell(value: Any) -> Any:
    """A missing cell (None, or NaN from pandas) reads as ``None``; anything else is passed on as is."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _column(batch: Mapping[str, Sequence[Any]], name: str | None, n: int) -> Sequence[Any]:
    if name and name in batch:
        values = batch[name]
        return values if isinstance(values, list) else list(values)
    return [None] * n


def parse_row_error(value: Any) -> dict | None:
    """The ``{"code", "message", "line"}`` in an error row's hidden column, or ``None`` for a row that was read."""
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or not parsed.get("code"):
        return {"code": "unreadable_row", "message": "无法读取这一行。"}
    return parsed


def batch_length(batch: Mapping[str, Sequence[Any]]) -> int:
    for values in batch.values():
        return len(values)
    return 0


def analyze_batch(batch: Mapping[str, Sequence[Any]], analyzer, columns: Columns = Columns()) -> dict[str, list]:
    """Analyse every row of a column batch; return only the result columns (``columns.result_names()``).

    Engines add the returned columns to their batch, so every input column is kept untouched. A row
    that cannot be analysed (no text, a value that is not text, too long) gets ``error`` and
    ``error_code`` and empty results, in its own place: the output has exactly one row per input row.
    So does a row the reader could not read (hidden column :data:`INPUT_ERROR`, e.g. a line that is
    not JSON): it is not analysed and carries the reader's error.

    Parameters
    ----------
    batch : mapping of column name to list
        One batch in columnar form (``datasets`` batches are already this; ``pandas``:
        ``df.to_dict("list")``; ``pyarrow``: ``table.to_pydict()``).
    analyzer : classifier.Analyzer
        Anything with ``analyze_many(records, on_error="record")`` and a ``manifest``.
    columns : Columns
        Input column names and the result prefix.
    """
    n = batch_length(batch)
    titles = _column(batch, columns.title, n)
    bodies = _column(batch, columns.body, n)
    ids = _column(batch, columns.id, n)
    unread = [parse_row_error(v) for v in _column(batch, INPUT_ERROR, n)]
    records = [{"id": _cell(i), "title": _cell(t), "body": _cell(b)}
               for i, t, b, bad in zip(ids, titles, bodies, unread) if bad is None]
    analysed = iter(analyzer.analyze_many(records, on_error="record") if records else [])
    results = [next(analysed) if bad is None else {"error": bad} for bad in unread]
    version = str(analyzer.manifest.get("version"))
    p = columns.prefix
    out: dict[str, list] = {p + name: [] for name in RESULT_TYPES}
    for result in results:
        error = result.get("error")
        row = {
            "category": None if error else result["category"],
            "category_name": None if error else result["category_name"],
            "confidence": None if error else float(result["confidence"]),
            "needs_review": None if error else bool(result["needs_review"]),
            "verdict": None if error else result["verdict"],
            "findings": None if error else json.dumps(result["findings"], ensure_ascii=False),
            "model_version": version,
            "error": error["message"] if error else None,
            "error_code": error["code"] if error else None,
        }
        for name, value in row.items():
            out[p + name].append(value)
    if columns.label:
        old = [label_code(v, columns.label_map) for v in _column(batch, columns.label, n)]
        new = out[p + "category"]
        out[p + CHANGED] = [None if o is None or c is None else o != c for o, c in zip(old, new)]
    return out


def fingerprint(*parts: Any) -> str:
    """A ``datasets``-valid fingerprint (hex, 32 chars) of JSON-serialisable parts."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# --- what decides the results, and one analyzer per process ---------------------------------------
@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the ``classifier`` package's code and data: a changed recogniser or lexicon changes results too."""
    from importlib import resources

    digest = hashlib.sha256()
    stack = [("", resources.files("classifier"))]
    files = []
    while stack:
        prefix, folder = stack.pop()
        for entry in folder.iterdir():
            name = f"{prefix}/{entry.name}"
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((name, entry))
            elif entry.name.endswith((".py", ".toml", ".txt", ".json")):
                files.append((name, entry))
    for name, entry in sorted(files, key=lambda item: item[0]):
        digest.update(name.encode("utf-8") + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def review_fingerprint(analyzer) -> str | None:
    """The risk review's settings, the bytes of any agency lexicon files it reads, and the bundle's
    other files (the name model): a retrained name model changes the findings too."""
    settings = getattr(getattr(analyzer, "reviewer", None), "settings", None)
    if settings is None:
        return None
    files = getattr(analyzer, "manifest", {}).get("files") or {}
    lexicons = [f"{name}:{info.get('sha256')}" for name, info in sorted(files.items()) if name != "model.joblib"]
    for path in getattr(settings, "lexicon_paths", ()) or ():
        try:
            lexicons.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
        except OSError:
            lexicons.append(f"missing:{path}")
    return fingerprint(repr(settings), lexicons)


_LOADED: dict[str, Any] = {}


@dataclass(frozen=True)
class AnalyzerHandle:
    """A cheap, picklable reference to a loaded :class:`~classifier.Analyzer`.

    The parent registers its analyzer under ``key``; worker processes forked from it find the
    analyzer in memory, others (spawned processes, Ray actors) load it from ``path`` once (with the
    same threshold, size limit and risk settings) and check that its model hash is ``sha256``.
    """

    key: str
    path: str | None
    threshold: float | None
    max_chars: int
    sha256: str | None
    review: str | None = None
    code: str = ""
    risk_settings: Any = None

    @classmethod
    def register(cls, analyzer) -> "AnalyzerHandle":
        handle = cls.of(analyzer)
        _LOADED[handle.key] = analyzer
        return handle

    @classmethod
    def of(cls, analyzer) -> "AnalyzerHandle":
        """A handle describing ``analyzer`` (not registered in this process)."""
        info = analyzer.model_info
        path = None if analyzer.path is None else str(Path(analyzer.path).resolve())
        review = review_fingerprint(analyzer)
        key = fingerprint(path, info.get("sha256"), info.get("threshold"), analyzer.max_chars, review, id(analyzer))
        settings = getattr(getattr(analyzer, "reviewer", None), "settings", None)
        return cls(key, path, info.get("threshold"), analyzer.max_chars, info.get("sha256"), review,
                   code_fingerprint(), settings)

    @property
    def options(self) -> dict[str, Any]:
        """What decides the results: model file hash, threshold, size limit, review settings, code."""
        return {"sha256": self.sha256, "threshold": self.threshold, "max_chars": self.max_chars,
                "review": self.review, "code": self.code}

    def get(self):
        analyzer = _LOADED.get(self.key)
        if analyzer is None:
            from classifier import Analyzer
            from classifier.errors import ModelError

            kwargs = {"risk_settings": self.risk_settings} if self.risk_settings is not None else {}
            analyzer = Analyzer.load(self.path, threshold=self.threshold, max_chars=self.max_chars, **kwargs)
            if analyzer.model_info.get("sha256") != self.sha256:
                raise ModelError("工作进程加载的模型与主进程不同（SHA-256 不符）：运行期间模型被更换了。", "model_changed")
            _LOADED[self.key] = analyzer
        return analyzer

    def release(self) -> None:
        _LOADED.pop(self.key, None)


def map_function(batch: dict[str, list], handle: AnalyzerHandle, columns: Columns) -> dict[str, list]:
    """``Dataset.map(batched=True)`` entry point (module level, so it pickles by reference)."""
    return analyze_batch(batch, handle.get(), columns)
