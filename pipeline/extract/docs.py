"""DOCX text with python-docx, after the zip-bomb check (runs in the extraction child)."""

from __future__ import annotations

import zipfile
from io import BytesIO

import docx

from pipeline.extract.checks import check_zip
from pipeline.extract.damage import describe
from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
