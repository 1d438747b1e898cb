"""Reading and writing archives (JSONL, CSV, Parquet) with ``datasets``; the output appears atomically."""

from __future__ import annotations

import codecs
import contextlib
import io as io_module
import os
from pathlib import Path

from classifier.errors import GongkaiError

from .tempfiles import private_file, publish

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

FORMATS = {"jsonl": "json", "json": "json", "csv": "csv", "parquet": "parquet"}
"""``--format`` values and the ``datasets`` builder each one uses."""

EXTENSIONS = {".jsonl": "json", ".json": "json", ".ndjson": "json", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


class BatchError(GongkaiError):
    """A batch job that cannot run: unreadable input, unknown format, missing columns, ..."""

    code = "batch_error"


def unknown_column(option: str, value: str, names: list[str], error: type[GongkaiError] | None = None) -> GongkaiError:
    """A column option naming a column the archive does not have: the available columns, and a guess."""
    import difflib

    guess = difflib.get_close_matches(value, names, n=1, cutoff=0.5)
    hint = f"是不是 {guess[0]!r}？" if guess else ""
    return (error or BatchError)(f"输入中没有 {option} 指定的列 {value!r}。{hint}现有列：{'、'.join(names) or '（无）'}。",
                                 "missing_columns")


def resolve_format(path: str | Path, given: str | None = None) -> str:
    """The ``datasets`` builder (``json``, ``csv``, ``parquet``) for a path, from ``given`` or the extension."""
    if given:
        builder = FORMATS.get(given.lower())
        if builder is None:
            raise BatchError(f"不支持的格式 {given!r}：可用 jsonl、csv、parquet。", "unknown_format")
        return builder
    builder = EXTENSIONS.get(Path(path).suffix.lower())
    if builder is None:
        raise BatchError(f"无法从扩展名判断 {path} 的格式：请用 .jsonl/.csv/.parquet，或用 --format 指定。",
                         "unknown_format")
    return builder


@contextlib.contextmanager
def quiet_datasets():
    """Silence ``datasets``' own progress bars (we draw one bar for the whole job)."""
    import datasets

    was_enabled = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()
    try:
        yield
    finally:
        if was_enabled:
            datasets.enable_progress_bars()


def load_archive(path: str | Path, builder: str, cache_dir: str | Path | None = None):
    """One local file as a ``datasets.Dataset`` (offline; cached under ``cache_dir``).

    Use :func:`service.batch.reader.open_archive` for archives: it turns bad lines into error rows."""
    import datasets

    path = Path(path)
    if not path.is_file():
        raise BatchError(f"找不到输入文件：{path}", "file_not_found")
    with quiet_datasets():
        try:
            return datasets.load_dataset(builder, data_files=str(path), split="train",
                                         cache_dir=None if cache_dir is None else str(cache_dir))
        except Exception as exc:  # pyarrow/pandas parse errors carry the useful detail
            raise BatchError(f"无法读取 {path}（按 {builder} 格式）：{exc}", "unreadable") from exc


def load_parts(paths: list[Path], cache_dir: str | Path | None = None):
    """Finished shard files (Parquet, with ``datasets`` features in their metadata), in order, as one dataset."""
    import datasets

    with quiet_datasets():
        return datasets.Dataset.from_parquet([str(p) for p in paths],
                                             cache_dir=None if cache_dir is None else str(cache_dir))


def write_parquet_atomic(dataset, path: Path) -> None:
    """A work file (finished shard): written privately (``0600``) and moved into place when complete."""
    with private_file(path) as tmp:
        with quiet_datasets(), open(tmp, "wb") as fh:
            dataset.to_parquet(fh)
        os.replace(tmp, path)


def json_text(value):
    """A string as it is, any other JSON value as its JSON text (how mixed columns are written to CSV/Parquet)."""
    if value is None or isinstance(value, str):
        return value
    import json

    return json.dumps(value, ensure_ascii=False)


def _mixed_as_text(batch: dict, names: list[str]) -> dict:
    return {name: [json_text(v) for v in batch[name]] for name in names}


def flatten_mixed_columns(dataset):
    """Columns of mixed JSON types (``datasets.Json``, e.g. a title that is a number in one row) as text.

    JSONL keeps such values as they were; CSV and Parquet get strings as they were and any other
    value as its JSON text, so the column stays a plain text column.
    """
    import datasets

    names = [n for n, f in dataset.features.items() if isinstance(f, datasets.Json)]
    if not names:
        return dataset
    features = datasets.Features({n: datasets.Value("string") if n in names else f for n, f in dataset.features.items()})
    with quiet_datasets():
        return dataset.map(_mixed_as_text, batched=True, fn_kwargs={"names": names}, features=features,
                           keep_in_memory=True, new_fingerprint=f"{dataset._fingerprint}-text")


OUTPUT_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "gb18030": "gb18030"}
"""``--output-encoding`` values for JSONL/CSV (GB18030 covers all of Unicode; GBK does not, so it is not offered)."""


def resolve_output_encoding(given: str | None, builder: str) -> str:
    if given is None:
        return "utf-8"
    encoding = OUTPUT_ENCODINGS.get(given.strip().lower())
    if encoding is None:
        raise BatchError(f"不支持的输出编码 {given!r}：可用 utf-8、utf-8-sig（带 BOM，便于 Excel 打开）、gb18030。",
                         "unknown_encoding")
    if builder == "parquet" and encoding != "utf-8":
        raise BatchError("Parquet 没有文本编码：--output-encoding 只用于 JSONL 和 CSV 输出。", "bad_option")
    return encoding


class Transcoder(io_module.RawIOBase):
    """A binary sink that takes UTF-8 (what ``datasets`` writes) and passes it on in ``encoding``."""

    def __init__(self, fh, encoding: str):
        self.fh = fh
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.encoder = codecs.getincrementalencoder(encoding)()  # a BOM (utf-8-sig) once, not per write

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.fh.write(self.encoder.encode(self.decoder.decode(bytes(data))))
        return len(data)


def write_archive(dataset, path: str | Path, builder: str, encoding: str = "utf-8") -> None:
    """Write ``dataset`` to a private temporary file beside ``path`` and move it into place only when complete.

    The temporary file (``.NAME.gongkai-<pid>.tmp``, mode ``0600``) is removed on any exit; one
    left by a killed run is removed by the next run that writes into the same folder. JSONL and CSV
    are written in ``encoding`` (UTF-8 unless told)."""
    path = Path(path)
    if builder != "json":
        dataset = flatten_mixed_columns(dataset)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with private_file(path) as tmp:
            with quiet_datasets(), open(tmp, "wb") as raw:
                fh = raw if encoding == "utf-8" else Transcoder(raw, encoding)
                if builder == "json":
                    dataset.to_json(fh, lines=True, force_ascii=False)
                elif builder == "csv":
                    dataset.to_csv(fh, index=False)
                else:
                    dataset.to_parquet(fh)
            publish(tmp, path)
    except OSError as exc:
        raise BatchError(f"无法写入 {path}：{exc}", "write_failed") from exc


def check_paths(src: str | Path, out: str | Path) -> tuple[Path, Path]:
    """The input must exist and must not be the output (the input is never modified)."""
    src, out = Path(src), Path(out)
    if not src.is_file():
        raise BatchError(f"找不到输入文件：{src}", "file_not_found")
    if out.exists() and out.resolve() == src.resolve():
        raise BatchError("输出文件不能与输入文件相同：输入文件不会被修改，请用 -o 指定另一个文件。", "same_file")
    if out.is_dir():
        raise BatchError(f"输出路径 {out} 是一个目录，请给出文件名。", "output_is_dir")
    return src, out
