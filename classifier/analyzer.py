"""The one entry point: a record in, the analysis of docs/design.md section 3.1 out."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .bundle import SECOND_READING, default_model_dir, load_bundle, name_model_path, section_file, verify_bundle
from .errors import GongkaiError, InputError
from .model import CategoryModel
from .records import MAX_CHARS, Record, error_result
from .risk import RiskReviewer, RiskSettings


def load_reviewer(path: str | Path | None = None, risk_settings: RiskSettings | None = None) -> RiskReviewer:
    """The risk review alone (``gongkai check``), with the bundle's name model when it has one.

    The bundle (default: :func:`~classifier.bundle.default_model_dir`) is verified like
    :meth:`Analyzer.load`, but the category model is not loaded.
    """
    path = Path(path) if path is not None else default_model_dir()
    return _reviewer(path, verify_bundle(path), risk_settings)


def _reviewer(path: Path, manifest: dict[str, Any], risk_settings: RiskSettings | None) -> RiskReviewer:
    name_tagger = None
    name_path = name_model_path(path, manifest)
    if name_path is not None:
        from .risk.name_tagger import NameTagger

        name_tagger = NameTagger.load(name_path)
    second_reading = None
    reading_path = section_file(path, manifest, SECOND_READING)
    if reading_path is not None:
        from .risk.second_reading import SecondReading

        second_reading = SecondReading.load(reading_path)
    return RiskReviewer(risk_settings, name_tagger=name_tagger, second_reading=second_reading)


class Analyzer:
    """Classify a draft into a disclosure category and review it before publication.

    Build it with :meth:`load`; the loaded analyzer is read-only and safe to share between threads.
    """

    def __init__(self, model: CategoryModel, manifest: dict[str, Any], path: Path | None = None,
                 max_chars: int = MAX_CHARS, reviewer: RiskReviewer | None = None):
        self.model = model
        self.manifest = manifest
        self.path = path
        self.max_chars = max_chars
        self.reviewer = reviewer if reviewer is not None else RiskReviewer()

    @classmethod
    def load(cls, path: str | Path | None = None, *, threshold: float | None = None,
             max_chars: int = MAX_CHARS, risk_settings: RiskSettings | None = None) -> "Analyzer":
        """Load and verify a model bundle (default: the shipped ``models/default``).

        ``threshold`` overrides the bundle's review threshold; ``risk_settings`` sets the masking
        style and agency lexicons of the risk review.

        Raises :class:`~classifier.errors.ModelError` with a Chinese message when the folder is
        missing, a file was altered, or the bundle was built by incompatible library versions.
        """
        bundle = load_bundle(Path(path) if path is not None else None)
        model: CategoryModel = bundle.payload["model"]
        if threshold is not None:
            model.threshold = float(threshold)
        reviewer = _reviewer(bundle.path, bundle.manifest, risk_settings)
        return cls(model, bundle.manifest, bundle.path, max_chars=max_chars, reviewer=reviewer)

    # --- information ----------------------------------------------------------------------
    @property
    def model_info(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "name": m.get("name"),
            "version": m.get("version"),
            "trained_at": m.get("trained_at"),
            "threshold": self.model.threshold,
            "labels": self.model.labels,
            "metrics": m.get("metrics", {}),
            "sha256": m.get("files", {}).get("model.joblib", {}).get("sha256"),
        }

    def warm(self) -> "Analyzer":
        """Initialise the segmenter and run one analysis, so the first request is not slow."""
        self.model.warm()
        self.analyze({"title": "关于做好政府信息公开工作的通知", "body": "各单位：请按要求执行。"})
        return self

    # --- analysis -------------------------------------------------------------------------
    def analyze(self, record: Any) -> dict[str, Any]:
        """Analyse one record (``{"id", "title", "body"}``); raises ``InputError`` on bad input."""
        return self.analyze_many([record], on_error="raise")[0]

    def analyze_many(self, records: Iterable[Any], on_error: str = "record") -> list[dict[str, Any]]:
        """Analyse records in one batch (vectorisation and prediction are batched), record by record.

        By default (``on_error="record"``) a record that cannot be analysed gets
        ``{"id", "error": {"code", "message"}}`` in its place and the others are analysed, as a
        batch answers in docs/design.md section 3; ``on_error="raise"`` raises the first
        :class:`InputError` instead (what :meth:`analyze` does for its one record). An item that
        is itself an :class:`InputError` stands for an input that could not even be read (a JSONL
        line that is not JSON, say) and is answered the same way, in its place.
        """
        if on_error not in ("raise", "record"):
            raise ValueError("on_error must be 'raise' or 'record'")
        parsed: list[Record | dict[str, Any]] = []
        for raw in records:
            try:
                if isinstance(raw, InputError):
                    raise raw
                parsed.append(Record.parse(raw, self.max_chars))
            except GongkaiError as exc:
                if on_error == "raise":
                    raise
                parsed.append(error_result(None if raw is exc else raw, exc))
        good = [r for r in parsed if isinstance(r, Record)]
        predictions = iter(self.model.predict([(r.title, r.body) for r in good]))
        model_ref = {"name": self.manifest.get("name"), "version": self.manifest.get("version")}
        results: list[dict[str, Any]] = []
        for item in parsed:
            if not isinstance(item, Record):
                results.append(item)
                continue
            result: dict[str, Any] = {"id": item.id}
            result.update(next(predictions))
            result.update(self._review(item))
            result["model"] = model_ref
            results.append(result)
        return results

    # --- files ----------------------------------------------------------------------------
    def analyze_file(self, source: bytes | str | Path, filename: str | None = None, *, limits=None) -> dict[str, Any]:
        """Analyse a DOCX, XLSX, CSV, PDF, HTML or TXT file (a path or its bytes).

        The result is that of :meth:`analyze` plus ``file`` and ``notices``; every finding adds
        ``location`` (``{"sheet", "cell"}``, ``{"page"}``, ``{"paragraph"}`` …), ``place`` and
        ``hidden``. Raises :class:`~classifier.errors.FileError` (Chinese message) for a file that
        cannot be read: unsupported or legacy type, damaged, over a limit.
        """
        return self.check_file(source, filename, limits=limits).result

    def check_file(self, source: bytes | str | Path, filename: str | None = None, *, limits=None):
        """Like :meth:`analyze_file`, returning a :class:`~classifier.files.FileCheck`: ``.result`` and
        ``.redacted_file()`` (the masked file of the same type)."""
        from .files import check_file

        check = check_file(source, filename, reviewer=self.reviewer, classify=self._classify_text, limits=limits)
        check.result["model"] = {"name": self.manifest.get("name"), "version": self.manifest.get("version")}
        return check

    def _classify_text(self, title: str, body: str) -> dict[str, Any]:
        return self.model.predict([(title[: self.max_chars], body[: max(self.max_chars - len(title), 0)])])[0]

    def _review(self, record: Record) -> dict[str, Any]:
        return self.reviewer.review(record.title, record.body).to_dict()

