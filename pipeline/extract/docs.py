"""DOCX (python-docx, after a zip-bomb check), plain text with charset fallback, and HTML to text."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx

from pipeline.extract.damage import describe
from pipeline.text.charset import decode_body
from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, limits: ExtractLimits) -> None:
    """Sum the declared uncompressed sizes before anything is inflated."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            count = len(archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractFailure("broken", f"Document is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    if total > limits.max_decompressed_bytes or count > 10_000:
        raise ExtractFailure(
            "too_large",
            f"Document pakt uit tot {total:,} bytes in {count} delen "
            f"(limiet {limits.max_decompressed_bytes:,}); mogelijk een zip-bom",
        )


def docx_text(data: bytes, limits: ExtractLimits) -> str:
    """Paragraphs and table cells in document order."""
    check_zip(data, limits)
    try:
        document = docx.Document(BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ExtractFailure("broken", f"Document is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    except Exception as exc:  # python-docx raises its own and lxml's errors for malformed parts
        raise ExtractFailure("broken", f"Document is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            lines.append("".join(t.text or "" for t in block.iter(_W + "t")))
        elif block.tag == _W + "tbl":
            for row in block.iter(_W + "tr"):
                cells = []
                for cell in row.iter(_W + "tc"):
                    paragraphs = ["".join(t.text or "" for t in p.iter(_W + "t")) for p in cell.iter(_W + "p")]
                    cells.append(" ".join(x for x in paragraphs if x))
                lines.append("\t".join(cells))
    for section in document.sections:  # letterheads often live in the header
        header = "\n".join(p.text for p in section.header.paragraphs if p.text.strip())
        if header and header not in lines:
            lines.insert(0, header)
    return "\n".join(lines).strip()


def decode_text(data: bytes, content_type: str = "") -> str:
    """Declared charset, then UTF-8, repaired mixed UTF-8, then detection among Western charsets (never fails)."""
    declared = None
    for piece in content_type.split(";")[1:]:
        key, _, value = piece.partition("=")
        if key.strip().lower() == "charset":
            declared = value.strip().strip('"') or None
    return decode_body(data, declared)[0].lstrip("\ufeff")  # the same reading as a mail body

