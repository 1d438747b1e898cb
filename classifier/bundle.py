"""Model bundles: a folder with the joblib pipeline and ``manifest.json``.

Loading checks, before anything is unpickled, that every file's sha256 matches the manifest and
that the bundle was built with the installed scikit-learn minor version and this format version:
joblib/pickle runs code on load, so only the configured folder is ever loaded, and only when it is
what it says it is. The pickled payload holds only numpy arrays and gongkai's own classes (the
compiled model), so loading does not import scikit-learn.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .errors import ModelError

FORMAT_VERSION = 2
MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
NAME_MODEL = "name_model"
"""Manifest section of the optional person-name model (``gongkai train-names``); its file is in ``files``."""
ENV_MODEL_DIR = "GONGKAI_MODEL_DIR"

_TRACKED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib", "jieba", "rjieba")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in _TRACKED_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:  # pragma: no cover - all are dependencies
            versions[name] = "missing"
    return versions


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def default_model_dir() -> Path:
    """``$GONGKAI_MODEL_DIR`` if set, else the bundle shipped in the ``models`` package."""
    env = os.environ.get(ENV_MODEL_DIR)
    if env:
        return Path(env)
    return Path(str(resources.files("models") / "default"))


@dataclass
class Bundle:
    """A loaded bundle: the fitted objects and the manifest that vouches for them."""

    payload: dict[str, Any]
    manifest: dict[str, Any]
    path: Path


def save_bundle(path: Path, payload: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """Write ``payload`` with joblib and a manifest recording hashes and versions."""
    import joblib

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    model_path = path / MODEL_FILE
    joblib.dump(payload, model_path)  # uncompressed: loads in a third of the time
    manifest = dict(manifest)
    manifest["format_version"] = FORMAT_VERSION
    manifest["libraries"] = library_versions()
    digest = sha256_file(model_path)
    files = {MODEL_FILE: {"sha256": digest, "bytes": model_path.stat().st_size}}
    # Retraining the category model keeps the bundle's other files (the name model) when they are intact.
    try:
        previous = read_manifest(path)
    except ModelError:
        previous = {}
    for name, info in (previous.get("files") or {}).items():
        if name != MODEL_FILE and (path / name).is_file() and sha256_file(path / name) == info.get("sha256"):
            files[name] = info
    section = previous.get(NAME_MODEL)
    if isinstance(section, dict) and section.get("file") in files and NAME_MODEL not in manifest:
        manifest[NAME_MODEL] = section
    manifest["files"] = files
    manifest.setdefault("version", f"{FORMAT_VERSION}.{digest[:10]}")  # changes whenever the model does
    (path / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    manifest_path = Path(path) / MANIFEST_FILE
    if not manifest_path.is_file():
        raise ModelError(f"模型目录 {path} 中没有 {MANIFEST_FILE}：这不是一个 gongkai 模型包。", "model_not_found")
    try:
        return json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"无法读取模型清单 {manifest_path}：{exc}", "manifest_invalid") from exc


def verify_bundle(path: Path) -> dict[str, Any]:
    """Check format, versions and hashes; return the manifest. Nothing is unpickled here."""
    path = Path(path)
    if not path.is_dir():
        raise ModelError(f"找不到模型目录：{path}", "model_not_found")
    manifest = read_manifest(path)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"模型包格式版本为 {manifest.get('format_version')}，本程序只支持 {FORMAT_VERSION}。请重新训练模型。",
            "incompatible_model",
        )
    built = manifest.get("libraries", {}).get("scikit-learn", "unknown")
    installed = library_versions()["scikit-learn"]
    if _minor(built) != _minor(installed):
        raise ModelError(
            f"模型由 scikit-learn {built} 训练，当前安装的是 {installed}，两者不兼容。"
            f"请安装 scikit-learn {_minor(built)}.x，或用 `gongkai train` 重新训练。",
            "incompatible_model",
        )
    files = manifest.get("files") or {}
    if MODEL_FILE not in files:
        raise ModelError(f"模型清单没有列出 {MODEL_FILE}。", "manifest_invalid")
    root = path.resolve()
    for name, info in files.items():
        file_path = (path / name).resolve()
        if file_path.parent != root:
            raise ModelError(f"模型清单中的文件名 {name!r} 指向模型目录之外，拒绝加载。", "manifest_invalid")
        if not file_path.is_file():
            raise ModelError(f"模型文件缺失：{file_path}", "model_not_found")
        if sha256_file(file_path) != info.get("sha256"):
            raise ModelError(
                f"模型文件 {name} 的 SHA-256 与清单不符：文件已被修改或损坏，拒绝加载。", "model_tampered"
            )
    return manifest


def name_model_path(path: Path, manifest: dict[str, Any]) -> Path | None:
    """The verified person-name model file of a bundle, or None when the bundle has none (rules only)."""
    section = manifest.get(NAME_MODEL)
    if not section:
        return None
    name = section.get("file") if isinstance(section, dict) else None
    if not isinstance(name, str) or name not in (manifest.get("files") or {}):
        raise ModelError("模型清单中的人名识别模型没有列在 files 中（无法校验其 SHA-256），拒绝加载。", "manifest_invalid")
    return Path(path) / name


def load_bundle(path: Path | None = None) -> Bundle:
    """Verify, then unpickle the bundle at ``path`` (default: :func:`default_model_dir`)."""
    import joblib

    from .model import CategoryModel

    path = Path(path) if path is not None else default_model_dir()
    manifest = verify_bundle(path)
    try:
        payload = joblib.load(path / MODEL_FILE)
    except Exception as exc:  # a missing class or a corrupt file despite a matching hash
        raise ModelError(f"无法加载模型文件：{exc}", "model_invalid") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("model"), CategoryModel):
        raise ModelError("模型文件内容不是 gongkai 模型。", "model_invalid")
    return Bundle(payload=payload, manifest=manifest, path=path)
