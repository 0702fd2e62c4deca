"""Issue 15, point 8: the extraction child dies quietly with its parent; damage is described in Dutch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.extract import ExtractLimits, extract_attachment
from pipeline.records import AttachmentPart

ROOT = Path(__file__).resolve().parent.parent
PARENT = """
from pipeline.extract.worker import get_pool
pool = get_pool(512)
pool.run("debug_sleep", (0,), 60)
print("ready", flush=True)
pool.run("debug_sleep", (2,), 60)
"""


def test_child_prints_no_traceback_when_its_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert parent.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(10)
    err = parent.stderr.read()  # EOF only when the orphaned child has exited too (it shares the pipe)
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


ENGLISH = ("Root object", "Is this really", "Unexpected EOF", "Failed to load", "Data format error", "PDFium",
           "Error", "not ", " the ")


def test_damaged_pdf_is_described_in_dutch():
    for data in (b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"):
        result = extract_attachment(AttachmentPart("kapot.pdf", "application/pdf", data), ExtractLimits())
        assert result.status == "broken" and result.error.startswith("PDF is beschadigd")
        for word in ENGLISH:
            assert word not in result.error, result.error
