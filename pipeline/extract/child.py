"""The worker process itself: receives jobs over a pipe and runs them under a memory rlimit."""

from __future__ import annotations

import os
import signal
import sys
import time
from multiprocessing.connection import Connection

from pipeline.extract.errors import ExtractFailure


def _jobs() -> dict:
    # Imported lazily in the child, where every parser of untrusted bytes runs.
    from pipeline.extract import docs, images, outlook, pdf

    return {
        "pdf_text": pdf.read_text,
        "pdf_ocr_page": pdf.ocr_page,
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
    import resource

    os.environ["OMP_THREAD_LIMIT"] = "1"
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    receive, conn = conns
    jobs = _jobs()
    while True:
        try:
            request = receive.recv()
        except EOFError:
            return
        if request is None:
            return
        name, args = request
        try:
            reply = ("ok", jobs[name](*args))
        except ExtractFailure as exc:
            reply = ("fail", exc.status, exc.message)
        except MemoryError:
            reply = ("fail", "broken", f"Onvoldoende geheugen (limiet {memory_mb} MB): bestand te zwaar om te lezen")
        except RecursionError as exc:
            reply = ("fail", "broken", f"Bestand is te diep genest om te lezen: {exc}")
        except Exception as exc:  # a parser choking on hostile input: report it as broken, with the reason
            reply = ("fail", "broken", f"Bestand kon niet gelezen worden: {type(exc).__name__}: {exc}")
        conn.send(reply)


if __name__ == "__main__":
    _child_main_fds = (int(sys.argv[1]), int(sys.argv[2]))
    _receive = Connection(_child_main_fds[0], writable=False)
    _reply = Connection(_child_main_fds[1], readable=False)
    _child_main((_receive, _reply), int(sys.argv[3]))
