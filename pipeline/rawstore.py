"""Content-addressed store of raw message bytes: written durably before the message row commits."""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import time
from pathlib import Path

from pipeline.errors import SourceError

STALE_FOREIGN_TEMP_S = 3600  # a temp file of another host is left alone this long (shared data_dir)
FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class StorageFull(SourceError):
    """The raw store cannot keep a message: the disk (or quota) is full. Nothing half-written stays behind."""


class RawStore:
    """Files under root/ab/cd/<sha256>.eml; writes are atomic (temp file in root/tmp, fsync, rename, fsync dir)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.temp_dir = self.root / "tmp"
        self._host = socket.gethostname()

    def path_for(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:4] / f"{digest}.eml"

    def put(self, data: bytes) -> str:
        digest = sha256_hex(data)
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        # One temp folder: a run killed mid-write leaves its file where the next start finds it in one listing.
        tmp = self.temp_dir / f"{digest}.tmp.{self._host}.{os.getpid()}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.temp_dir.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            if e.errno in FULL:
                raise StorageFull(f"De schijf met de bewaarde berichten ({self.root}) is vol") from e
            raise SourceError(f"Bericht kan niet worden bewaard in {self.root}: de map is niet schrijfbaar "
                              f"(foutcode {e.errno})") from e
        return digest

    def get(self, digest: str) -> bytes:
        return self.path_for(digest).read_bytes()

    def has(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def clean_stale_temps(self) -> int:
        """Remove temp files of writes that can no longer finish (their process is gone); returns how many."""
        try:
            entries = list(os.scandir(self.temp_dir))
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            return 0
        removed = 0
        for entry in entries:
            host, _, pid = entry.name.partition(".tmp.")[2].rpartition(".")  # <sha256>.tmp.<host>.<pid>
            if host == self._host and pid.isdigit():
                stale = not process_alive(int(pid))
            else:
                stale = time.time() - entry.stat().st_mtime > STALE_FOREIGN_TEMP_S
            if not stale:
                continue
            try:
                Path(entry.path).unlink(missing_ok=True)
            except OSError:  # a read-only data folder: reading commands must still work; a writer retries later
                continue
            removed += 1
        return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (a claim or temp file of a dead one can go)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True
