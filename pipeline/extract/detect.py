"""Decide what kind of file an attachment is: magic bytes first, then content type, then file name."""

from __future__ import annotations

import zipfile
from io import BytesIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TNEF_MAGIC = b"\x78\x9f\x3e\x22"  # 0x223E9F78 little-endian

_BY_TYPE = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/ms-tnef": "tnef",
    "application/vnd.ms-tnef": "tnef",
    "application/vnd.ms-outlook": "msg",
    "application/x-ole-storage": "msg",
    "image/png": "image",
    "image/jpeg": "image",
    "image/jpg": "image",
    "image/pjpeg": "image",
    "image/tiff": "image",
    "text/plain": "text",
    "text/csv": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
_BY_EXTENSION = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".dat": "tnef",
    ".msg": "msg",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".txt": "text",
    ".csv": "text",
    ".htm": "html",
    ".html": "html",
}


def _extension(filename: str | None) -> str:
    if not filename or "." not in filename:
        return ""
    return "." + filename.rsplit(".", 1)[1].lower().strip()


def _zip_kind(data: bytes) -> str:
    """A zip is a DOCX when it holds word/document.xml; any other zip is not read."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "broken_zip"
    return "docx" if "word/document.xml" in names else "zip"


def sniff(data: bytes, content_type: str, filename: str | None) -> str:
    """Return one of: pdf, docx, zip, broken_zip, tnef, msg, ole, image, text, html, unknown."""
    if data.startswith(TNEF_MAGIC):
        return "tnef"
    if data.startswith(OLE_MAGIC):
        return "msg" if _extension(filename) == ".msg" or "outlook" in content_type else "ole"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff"):
        return "image"
    if data.startswith(b"II*\x00") or data.startswith(b"MM\x00*"):
        return "image"
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header; containers were ruled out above
        return "pdf"
    declared = _BY_TYPE.get(content_type.split(";")[0].strip().lower())
    by_name = _BY_EXTENSION.get(_extension(filename))
    kind = declared or by_name
    if kind in ("text", "html"):
        return kind
    if kind is None and content_type.lower().startswith("text/"):
        return "text"
    if kind in ("pdf", "docx", "tnef", "msg", "image"):
        # The name or type promises a format whose magic bytes are missing: a damaged file.
        return "claimed_" + kind
    return "unknown"
