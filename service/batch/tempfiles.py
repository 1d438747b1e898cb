"""Private temporary files and folders that never outlive the run that made them.

Every temporary file or folder of a batch job holds archive text that has not been redacted, so

- it is private: files are created ``0600`` (``O_EXCL``), folders ``0700``;
- it is named recognisably, ``.NAME.gongkai-<pid>.tmp`` beside its target, so it is ours and its
  owner is known;
- it is removed on every exit the process can see: normal return, exception, Ctrl-C, ``SIGTERM``
  or ``SIGHUP`` (turned into an exception so ``finally`` blocks run) and ``atexit``;
- after ``kill -9`` (which no process sees) it is removed at the next start: :func:`remove_stale`
  deletes our temporary entries whose process is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import re
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import Iterator

TAG = "gongkai"
STALE = re.compile(r"^\..+\." + TAG + r"-(\d+)\.tmp$")
"""Our temporary entries beside a target: ``.NAME.gongkai-<pid>.tmp``."""
PRIVATE_DIR = re.compile(r"^" + TAG + r"-(\d+)-[A-Za-z0-9_]+$")
"""Our private folders in the system temporary directory: ``gongkai-<pid>-XXXX``."""

_LIVE: set[Path] = set()
_LOCK = threading.Lock()
_HANDLERS_INSTALLED = False


def tmp_path_for(target: Path) -> Path:
    """The temporary name of ``target`` for this process: ``.NAME.gongkai-<pid>.tmp`` beside it."""
    return target.with_name(f".{target.name}.{TAG}-{os.getpid()}.tmp")


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except OSError as exc:  # pragma: no cover - unusual platforms
        return exc.errno != errno.ESRCH
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def remove_stale(folder: str | Path, pattern: re.Pattern = STALE) -> list[Path]:
    """Remove our temporary entries in ``folder`` (named by ``pattern``, whose first group is the
    owner's pid) whose process is no longer running; return them."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if match and not pid_alive(int(match.group(1))):
            _remove(entry)
            removed.append(entry)
    return removed


def remove_stale_private_dirs() -> list[Path]:
    """The same for :func:`private_dir` folders in the system temporary directory."""
    return remove_stale(tempfile.gettempdir(), PRIVATE_DIR)


def _cleanup_all() -> None:
    with _LOCK:
        live = list(_LIVE)
        _LIVE.clear()
    for path in live:
        _remove(path)


_OWNER = os.getpid()


def _raise_on_signal(signum, frame):  # pragma: no cover - exercised in a subprocess test
    if os.getpid() != _OWNER:  # a forked worker: die as it would have
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    raise SystemExit(128 + signum)


def _install_handlers() -> None:
    """``atexit`` always; SIGTERM/SIGHUP -> SystemExit (only from the main thread, only if not customised)."""
    global _HANDLERS_INSTALLED, _OWNER
    if _HANDLERS_INSTALLED and _OWNER == os.getpid():
        return
    _HANDLERS_INSTALLED, _OWNER = True, os.getpid()
    atexit.register(_cleanup_all)
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) in (signal.SIG_DFL, None):
            signal.signal(signum, _raise_on_signal)


def track(path: Path) -> None:
    """Remove ``path`` at exit unless :func:`untrack` is called first."""
    _install_handlers()
    with _LOCK:
        _LIVE.add(path)


def untrack(path: Path) -> None:
    with _LOCK:
        _LIVE.discard(path)


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def publish(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the permissions of an ordinary new file (or folder) and move it onto ``target`` atomically."""
    os.chmod(tmp, (0o777 if tmp.is_dir() else 0o666) & ~_umask())
    os.replace(tmp, target)


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[Path]:
    """A new, empty ``0600`` file at :func:`tmp_path_for` ``(target)``, removed when the block ends.

    Move it into place inside the block (:func:`publish` or ``os.replace``); whatever is left
    at the end of the block, or at exit, is removed."""
    tmp = tmp_path_for(target)
    remove_stale(target.parent)
    _remove(tmp)  # our own leftover (same pid), e.g. from an earlier attempt in this process
    track(tmp)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        yield tmp
    finally:
        _remove(tmp)
        untrack(tmp)


@contextlib.contextmanager
def private_folder(target: Path) -> Iterator[Path]:
    """A ``0700`` folder at :func:`tmp_path_for` ``(target)``, removed when the block ends."""
    tmp = tmp_path_for(target)
    remove_stale(target.parent)
    _remove(tmp)
    track(tmp)
    try:
        tmp.mkdir(mode=0o700)
        yield tmp
    finally:
        _remove(tmp)
        untrack(tmp)


@contextlib.contextmanager
def private_dir() -> Iterator[Path]:
    """A ``0700`` folder in the system temporary directory (``gongkai-<pid>-XXXX``), removed at the end."""
    remove_stale_private_dirs()
    path = Path(tempfile.mkdtemp(prefix=f"{TAG}-{os.getpid()}-"))
    track(path)
    try:
        yield path
    finally:
        _remove(path)
        untrack(path)
