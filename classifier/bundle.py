"""Model bundles: a folder with the joblib pipeline and ``manifest.json``.

Loading checks, before anything is unpickled, that the manifest is well formed, that every file it
lists has the recorded sha256, and that the installed libraries the bundle depends on at run time
match the ones it was built with: jieba and rjieba (their versions change segmentation, hence the
features) and numpy's major version (the pickled arrays). joblib/pickle runs code on load, so only
the configured folder is ever loaded, and only when it is what it says it is. The pickled payload
holds only numpy arrays and gongkai's own classes (the compiled model), so loading does not import
scikit-learn, and its version is recorded but not checked.

The shipped bundle is found next to the code that runs, never by importing a package: in an
installed wheel it is package data of ``classifier`` (``classifier/_bundle/default``, copied from
the repository's ``models/default`` at build time); in a source checkout or an editable install it
is ``models/default`` of the project that holds this ``classifier`` package. A ``models`` package
elsewhere on ``sys.path`` (for instance in the working directory) is never imported or loaded.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from .errors import ModelError

FORMAT_VERSION = 2
MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
NAME_MODEL = "name_model"
"""Manifest section of the optional person-name model (``gongkai train-names``); its file is in ``files``."""
SECOND_READING = "second_reading"
"""Manifest section of the optional second-reading model (``gongkai train-second-reading``); its file is in ``files``."""
_SECTION_NAMES = {NAME_MODEL: "人名识别模型", SECOND_READING: "二次判读模型"}
ENV_MODEL_DIR = "GONGKAI_MODEL_DIR"

_TRACKED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib", "jieba", "rjieba")

RUNTIME_REQUIREMENTS = {
    # library -> (how much of the version must match, why it matters), checked before unpickling
    "jieba": ("exact", "分词结果随版本变化，特征会与训练时不同"),
    "rjieba": ("exact", "分词结果随版本变化，特征会与训练时不同"),
    "numpy": ("major", "模型中的数组以 numpy 的格式保存"),
}
"""What a bundle depends on at run time; scikit-learn is only needed to train."""

BUNDLE_PACKAGE_DIR = "_bundle"
"""Folder of ``classifier`` that holds the shipped bundle in a wheel (see pyproject.toml)."""


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


def _version_part(version: str, part: str) -> str:
    return version.split(".")[0] if part == "major" else version


def shipped_model_dir() -> Path:
    """The bundle that ships with this copy of ``classifier`` (see the module docstring)."""
    package = Path(__file__).resolve().parent
    installed = package / BUNDLE_PACKAGE_DIR / "default"
    if installed.is_dir():
        return installed
    project = package.parent
    if _is_gongkai_project(project):
        return project / "models" / "default"
    raise ModelError(
        f"找不到随程序发布的模型（{installed}）。请重新安装 gongkai，或用环境变量 {ENV_MODEL_DIR} 指定模型目录。",
        "model_not_found",
    )


def _is_gongkai_project(folder: Path) -> bool:
    """``folder`` is a gongkai source checkout: its pyproject.toml names the project ``gongkai``."""
    import tomllib

    try:
        with open(folder / "pyproject.toml", "rb") as fh:
            return tomllib.load(fh).get("project", {}).get("name") == "gongkai"
    except (OSError, ValueError):
        return False


def default_model_dir() -> Path:
    """``$GONGKAI_MODEL_DIR`` if set, else :func:`shipped_model_dir`."""
    env = os.environ.get(ENV_MODEL_DIR)
    if env:
        return Path(env)
    return shipped_model_dir()


@dataclass
class Bundle:
    """A loaded bundle: the fitted objects and the manifest that vouches for them."""

    payload: dict[str, Any]
    manifest: dict[str, Any]
    path: Path


def save_bundle(path: Path, payload: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    """Write ``payload`` with joblib and a manifest recording hashes and versions.

    The same payload and manifest give the same bytes (nothing in them depends on time, paths or
    hash seeds), so a bundle can be rebuilt and compared. Other files that an existing manifest in
    ``path`` lists (a name model, for instance) are kept, with their manifest entries and sections,
    as long as they are still there and unchanged.
    """
    import joblib

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    kept_files, kept_sections = _other_files(path, manifest)
    model_path = path / MODEL_FILE
    joblib.dump(payload, model_path)  # uncompressed: loads in a third of the time
    manifest = {**kept_sections, **manifest}
    manifest["format_version"] = FORMAT_VERSION
    manifest["libraries"] = library_versions()
    digest = sha256_file(model_path)
    manifest["files"] = {MODEL_FILE: {"sha256": digest, "bytes": model_path.stat().st_size}, **kept_files}
    manifest.setdefault("version", f"{FORMAT_VERSION}.{digest[:10]}")  # changes whenever the model does
    (path / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


_OWN_SECTIONS = {"name", "trained_at", "labels", "classes", "threshold", "corpus", "training", "metrics", "format_version",
                 "libraries", "files", "version"}


def _other_files(path: Path, manifest: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Files and manifest sections of an existing bundle in ``path`` that are not the category model's."""
    try:
        old = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    files = {}
    for name, info in (old.get("files") or {}).items():
        file_path = path / name
        if name == MODEL_FILE or Path(name).name != name or not file_path.is_file():
            continue
        if isinstance(info, dict) and sha256_file(file_path) == info.get("sha256"):
            files[name] = info
    sections = {k: v for k, v in old.items() if k not in _OWN_SECTIONS and k not in manifest}
    return files, sections


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the bundle at ``path``, checked for shape (an object with the expected field types)."""
    manifest_path = Path(path) / MANIFEST_FILE
    if not manifest_path.is_file():
        raise ModelError(f"模型目录 {path} 中没有 {MANIFEST_FILE}：这不是一个 gongkai 模型包。", "model_not_found")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"无法读取模型清单 {manifest_path}：{exc}", "manifest_invalid") from exc
    _check_manifest_shape(manifest, manifest_path)
    return manifest


def _check_manifest_shape(manifest: Any, manifest_path: Path) -> None:
    def invalid(what: str) -> ModelError:
        return ModelError(f"模型清单 {manifest_path} 格式有误：{what}。请重新生成模型包（gongkai train）。",
                          "manifest_invalid")

    if not isinstance(manifest, dict):
        raise invalid(f"应为 JSON 对象，实际是 {_json_type(manifest)}")
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise invalid(f"files 应为非空对象 {{文件名: {{\"sha256\": …}}}}，实际是 {_json_type(files)}")
    for name, info in files.items():
        if not isinstance(info, dict) or not isinstance(info.get("sha256"), str):
            raise invalid(f"files 中 {name!r} 应为含 sha256 文本的对象，实际是 {_json_type(info)}")
    libraries = manifest.get("libraries")
    if not isinstance(libraries, dict) or not all(isinstance(v, str) for v in libraries.values()):
        raise invalid(f"libraries 应为 {{库名: 版本文本}} 的对象，实际是 {_json_type(libraries)}")


def _json_type(value: Any) -> str:
    names = {dict: "对象", list: "数组", str: "文本", bool: "布尔值", int: "数字", float: "数字", type(None): "空值"}
    return names.get(type(value), type(value).__name__)


def check_libraries(manifest: dict[str, Any]) -> None:
    """Refuse a bundle built with other versions of the libraries it depends on at run time."""
    built_with, installed = manifest["libraries"], library_versions()
    for name, (part, why) in RUNTIME_REQUIREMENTS.items():
        built = built_with.get(name)
        if built is None:
            raise ModelError(f"模型清单没有记录 {name} 的版本，无法确认兼容性。请重新训练模型（gongkai train）。",
                             "incompatible_model")
        have = installed[name]
        if _version_part(built, part) != _version_part(have, part):
            have = "未安装" if have == "missing" else have
            wanted = f"{name}=={built}" if part == "exact" else f"{name} {_version_part(built, part)}.x"
            raise ModelError(
                f"模型由 {name} {built} 生成，当前安装的是 {have}（{why}）。"
                f"请安装 {wanted}，或用 `gongkai train` 重新训练。",
                "incompatible_model",
            )


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
    check_libraries(manifest)
    files = manifest["files"]
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
    return section_file(path, manifest, NAME_MODEL)


def section_file(path: Path, manifest: dict[str, Any], section_name: str) -> Path | None:
    """The verified file of an optional model section (``name_model``, ``second_reading``), or None
    when the bundle has none. Its SHA-256 was checked by :func:`verify_bundle` through ``files``."""
    section = manifest.get(section_name)
    if not section:
        return None
    name = section.get("file") if isinstance(section, dict) else None
    if not isinstance(name, str) or name not in (manifest.get("files") or {}):
        raise ModelError(f"模型清单中的{_SECTION_NAMES.get(section_name, section_name)}没有列在 files 中"
                         "（无法校验其 SHA-256），拒绝加载。", "manifest_invalid")
    return Path(path) / name


def register_section(out_dir: Path, section_name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Record a model file built beside the category model (``entry``: its ``file``, ``sha256``, ``bytes``
    and what built it) in ``out_dir/manifest.json``: under ``files`` (checked on every load) and as the
    section ``section_name``. Other entries stay; no time is recorded, so the same build gives the same
    manifest."""
    out_dir = Path(out_dir)
    manifest = read_manifest(out_dir)
    files = dict(manifest.get("files") or {})
    files[entry["file"]] = {"sha256": entry["sha256"], "bytes": entry["bytes"]}
    manifest["files"] = files
    manifest[section_name] = {k: v for k, v in entry.items() if k not in ("sha256", "bytes", "seconds")}
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    tmp = out_dir / (MANIFEST_FILE + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out_dir / MANIFEST_FILE)
    return manifest


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
