"""Errors that carry a Chinese message for people and an English code for machines."""

from __future__ import annotations


class GongkaiError(Exception):
    """Base error: ``message`` is Chinese and user-facing, ``code`` is a stable English slug."""

    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class InputError(GongkaiError, ValueError):
    """A record that cannot be analysed (empty, wrong type, too long)."""

    code = "invalid_input"


class ModelError(GongkaiError, RuntimeError):
    """A model bundle that is missing, tampered with or built by incompatible versions."""

    code = "model_error"


class FileError(InputError):
    """A file that cannot be checked: unsupported or legacy type, damaged, encrypted, over a limit.

    ``code`` tells which (``unsupported_type``, ``legacy_format``, ``file_too_large``, ``zip_bomb``,
    ``damaged_file``, ``too_many_cells``, ``too_many_pages``, ``file_timeout`` …); ``message`` says
    in Chinese what to do.
    """

    code = "invalid_file"
