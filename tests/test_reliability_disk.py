"""Issue 15, point 3: a full disk is one Dutch sentence; what was accepted is processed; no temp files stay."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from pipeline.rawstore import RawStore
from tests.helpers import make_mail

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a small file system needs root (mount tmpfs)")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=True)
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_disk_full_says_what_is_full_processes_what_was_kept_and_leaves_no_temp_files(tmp_path, small_disk):
    box = tmp_path / "in"
    box.mkdir()
    for n in range(8):
        body = f"Geachte raad,\n\nBrief {n}.\n\n" + os.urandom(200_000).hex()  # ~400 kB, not compressible
        (box / f"m{n}.eml").write_bytes(make_mail(subject=f"Brief {n}", body=body))
    db = f"sqlite:///{tmp_path}/registry.db"
    out = subprocess.run([sys.executable, "-m", "pipeline", "--db", db, "ingest", str(box)], capture_output=True,
                         text=True, timeout=300, cwd=ROOT, env=dict(os.environ, GRIFFIEPOST_DATA_DIR=str(small_disk)))
    assert out.returncode != 0
    err = out.stderr.strip()
    assert "Errno" not in err and "OSError" not in err and "onverwachte" not in err, err
    assert "vol" in err and str(small_disk) in err and "bewaard" in err, err
    with create_engine(db).connect() as c:
        states = [r[0] for r in c.execute(text("SELECT state FROM messages"))]
    assert 1 <= len(states) < 8 and all(s in ("filed", "ignored") for s in states), states
    assert [p for p in small_disk.rglob("*") if p.is_file() and ".tmp" in p.name] == []


def test_stale_temp_files_are_removed_at_start(tmp_path):
    store = RawStore(tmp_path / "raw")
    digest = store.put(b"bewaard")
    stale = store.temp_dir / f"{'0' * 64}.tmp.{os.uname().nodename}.999999999"
    stale.write_bytes(b"half")
    mine = store.temp_dir / f"{'1' * 64}.tmp.{os.uname().nodename}.{os.getpid()}"  # a write in progress
    mine.write_bytes(b"bezig")
    assert store.clean_stale_temps() == 1
    assert not stale.exists() and mine.exists() and store.get(digest) == b"bewaard"
