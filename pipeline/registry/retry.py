"""Wait for a busy database: back off and try the same transaction again, never give up the run."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

from pipeline.registry.errors import is_busy

T = TypeVar("T")
log = logging.getLogger("griffiepost.registry")
FIRST_WAIT_S = 0.25
LONGEST_WAIT_S = 30.0


def patiently(step: Callable[[], T], what: str, sleep: Callable[[float], None] = time.sleep) -> T:
    """Run one transaction; while the database is busy (locked by another process) wait longer each time and
    run it again. Other database errors are raised: they do not go away by waiting."""
    wait = FIRST_WAIT_S
    while True:
        try:
            return step()
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            log.warning("De database is bezet (%s); over %.1f s opnieuw.", what, wait)
            sleep(wait)
            wait = min(wait * 2, LONGEST_WAIT_S)
