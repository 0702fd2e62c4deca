"""The one exception the extractors raise: a status from ATTACHMENT_STATUSES with a Dutch reason."""

from __future__ import annotations


class ExtractFailure(Exception):
    """An attachment could not be read; `status` is e.g. encrypted, broken, too_large, unsupported."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# The status of a job that named bytes the extraction child kept (pipeline/extract/child.py) when that child no
# longer has them (it was restarted in between): the caller sends the bytes again. Never shown to anyone.
MISSING = "missing"
