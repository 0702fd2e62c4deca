"""Extract stage: text out of every attachment, each failure a status with a Dutch reason, never an exception."""

from __future__ import annotations

import hashlib
import os
from itertools import count

from pipeline.extract.damage import describe
from pipeline.extract.checks import check_image, check_zip, decode_text
from pipeline.extract.containers import OutlookMessage, TnefContent
from pipeline.extract.detect import sniff
from pipeline.extract.errors import MISSING, ExtractFailure
from pipeline.extract.limits import ExtractLimits
from pipeline.extract.worker import JobResult, WorkerPool, get_pool
from pipeline.records import AttachmentPart, ExtractedAttachment
from pipeline.sizes import megabytes as _megabytes
from pipeline.text.html import html_to_text

__all__ = ["ExtractLimits", "OutlookMessage", "extract_all", "extract_attachment", "read_msg"]

_PDF_KEYS = count()  # names a PDF the extraction child keeps between its text pass and its OCR pages
_CLAIMED = {"pdf": "PDF", "docx": "Word-document", "tnef": "winmail.dat", "msg": "Outlook-bericht", "image": "afbeelding"}


def _result(part: AttachmentPart, status: str, text: str = "", **kw) -> ExtractedAttachment:
    return ExtractedAttachment(
        filename=part.filename,
        content_type=part.content_type,
        sha256=hashlib.sha256(part.data).hexdigest(),
        size=len(part.data),
        status=status,
        text=text,
        chars=len(text),
        **kw,
    )


def _fail(part: AttachmentPart, job: JobResult) -> ExtractedAttachment:
    return _result(part, job.status, error=job.error)


def _in_child(job: str, data: bytes, limits: ExtractLimits):
    """A reader that needs a parser library, run in the extraction child; its failure as ExtractFailure."""
    result = get_pool(limits.worker_memory_mb).run(job, (data,), limits.pdf_timeout_s)
    if not result.ok:
        raise ExtractFailure(result.status, result.error or "")
    return result.value


def read_msg(data: bytes, limits: ExtractLimits = ExtractLimits()) -> OutlookMessage:
    """An Outlook .msg file (a top-level message or an attachment), read by extract_msg in the extraction child."""
    return _in_child("read_msg", data, limits)


def read_tnef(data: bytes, limits: ExtractLimits = ExtractLimits()) -> TnefContent:
    """A winmail.dat, read by tnefparse in the extraction child."""
    return _in_child("read_tnef", data, limits)


def _ocr_page(pool: WorkerPool, data: bytes, index: int, key: str, limits: ExtractLimits) -> JobResult:
    """OCR one page of the PDF the child kept from its text pass (the bytes cross the pipe once); sent again only
    when the child was restarted in between (a page that timed out)."""
    timeout = limits.ocr_timeout_s_per_page * 1.5 + 2
    job = pool.run("pdf_ocr_page", (None, index, limits, key), timeout)
    if not job.ok and job.status == MISSING:
        job = pool.run("pdf_ocr_page", (data, index, limits), timeout)
    return job


def _pdf(part: AttachmentPart, limits: ExtractLimits) -> ExtractedAttachment:
    pool = get_pool(limits.worker_memory_mb)
    key = f"{os.getpid()}-{next(_PDF_KEYS)}"
    job = pool.run("pdf_text", (part.data, limits, key), limits.pdf_timeout_s)
    if not job.ok:
        return _fail(part, job)
    found = job.value
    pages, notes, status = list(found.pages), list(found.notes), "ok"
    first = found.first_page_text
    ocr_done = False
    for index in found.needs_ocr[: limits.ocr_max_pages]:
        page_job = _ocr_page(pool, part.data, index, key, limits)
        if page_job.ok:
            pages[index] = page_job.value
            ocr_done = True
            if index == 0:
                first = page_job.value
        else:
            notes.append(f"Pagina {index + 1}: {page_job.error}")
            if page_job.status == "timeout":
                status = "timeout"
    skipped = len(found.needs_ocr) - limits.ocr_max_pages
    if skipped > 0:
        notes.append(f"{skipped} pagina's zonder tekstlaag niet met OCR gelezen (limiet {limits.ocr_max_pages})")
    if status == "ok":
        if any(n.startswith("PDF is beschadigd") for n in notes):
            status = "broken"
        elif ocr_done:
            status = "ocr"
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    return _result(part, status, text, first_page_text=first.strip(), pages=found.page_count, ocr=ocr_done,
                   error="; ".join(notes) or None)


def _image(part: AttachmentPart, limits: ExtractLimits) -> ExtractedAttachment:
    frames = check_image(part.data, limits)  # header only, in this process: bombs never get decoded
    wanted = min(frames, limits.ocr_max_pages)
    job = get_pool(limits.worker_memory_mb).run(
        "image_ocr", (part.data, limits), (limits.ocr_timeout_s_per_page * 1.5 + 2) * wanted
    )
    if not job.ok:
        return _fail(part, job)
    text = "\n\n".join(t for t in job.value if t)
    note = f"Alleen de eerste {wanted} van {frames} pagina's gelezen (limiet)" if frames > wanted else None
    first = job.value[0] if job.value else ""
    return _result(part, "ocr", text, first_page_text=first, pages=frames, ocr=True, error=note)


def _docx(part: AttachmentPart, limits: ExtractLimits) -> ExtractedAttachment:
    check_zip(part.data, limits)  # zip-bomb check before a byte is inflated
    job = get_pool(limits.worker_memory_mb).run("docx_text", (part.data, limits), limits.pdf_timeout_s)
    if not job.ok:
        return _fail(part, job)
    text = job.value
    return _result(part, "ok", text, first_page_text=text[:3000])


def _container(part: AttachmentPart, limits: ExtractLimits, depth: int, kind: str) -> ExtractedAttachment:
    """A .msg or winmail.dat: its body, then the text of every file inside it (recursively)."""
    try:
        if kind == "msg":
            message = read_msg(part.data, limits)
            head = [f"Van: {message.sender_name or ''} <{message.sender_address or ''}>".strip(),
                    f"Onderwerp: {message.subject or ''}"]
            if message.date:
                head.append(f"Datum: {message.date.isoformat()}")
            body, inner = "\n".join(head) + "\n\n" + message.body, message.attachments
        else:
            content = read_tnef(part.data, limits)
            body, inner = content.body, content.attachments
            if content.subject:
                body = f"Onderwerp: {content.subject}\n\n{body}"
    except ExtractFailure as exc:
        return _result(part, exc.status, error=exc.message)
    except Exception as exc:  # a third-party reader choking on hostile input: keep the reason
        return _result(part, "broken",
                       error=f"Bestand kon niet gelezen worden: {describe(str(exc), type(exc).__name__)}")
    texts, notes, ocr = [body.strip()], [], False
    for child in inner:
        child.depth = part.depth + 1
        sub = _extract(child, limits, depth + 1)
        ocr = ocr or sub.ocr
        if sub.text:
            texts.append(f"--- Bijlage: {sub.filename or 'naamloos'} ---\n{sub.text}")
        if sub.status not in ("ok", "ocr") or sub.error:
            notes.append(f"Bijlage {sub.filename or 'naamloos'}: {sub.status}" + (f" ({sub.error})" if sub.error else ""))
    text = "\n\n".join(t for t in texts if t)
    return _result(part, "ocr" if ocr else "ok", text, first_page_text=body.strip()[:3000], ocr=ocr,
                   error="; ".join(notes) or None)


def _extract(part: AttachmentPart, limits: ExtractLimits, depth: int) -> ExtractedAttachment:
    if part.cut:  # parsing already decided not to read it; the reason travels with the attachment
        return _result(part, "unsupported", error=part.cut)
    size = len(part.data)
    if size > limits.max_attachment_bytes:
        return _result(part, "too_large",
                       error=f"Bijlage is te groot: {_megabytes(size)} (limiet {_megabytes(limits.max_attachment_bytes)}); niet gelezen")
    if depth > limits.max_attachment_depth:
        return _result(part, "unsupported", error=f"Bijlage is te diep genest (meer dan {limits.max_attachment_depth} niveaus); niet gelezen")
    kind = sniff(part.data, part.content_type or "", part.filename)
    try:
        if kind == "pdf":
            return _pdf(part, limits)
        if kind == "image":
            return _image(part, limits)
        if kind == "docx":
            return _docx(part, limits)
        if kind in ("msg", "tnef"):
            return _container(part, limits, depth, kind)
        if kind == "text":
            text = decode_text(part.data, part.content_type or "").strip()
            return _result(part, "ok", text, first_page_text=text[:3000])
        if kind == "html":
            text = html_to_text(decode_text(part.data, part.content_type or ""))
            return _result(part, "ok", text, first_page_text=text[:3000])
    except ExtractFailure as exc:
        return _result(part, exc.status, error=exc.message)
    if kind.startswith("claimed_"):
        name = _CLAIMED[kind.removeprefix("claimed_")]
        return _result(part, "broken", error=f"Bestand is beschadigd: het heet {name} maar de inhoud is dat niet")
    if kind == "broken_zip":
        return _result(part, "broken", error="Bestand is beschadigd: ongeldig zip-archief")
    what = {"zip": "zip-archief", "ole": "ouder Office-bestand (OLE)"}.get(kind, part.content_type or "onbekend")
    return _result(part, "unsupported", error=f"Bestandstype wordt niet gelezen: {what}")


def extract_attachment(part: AttachmentPart, limits: ExtractLimits) -> ExtractedAttachment:
    """Text of one attachment with its status; never raises for bad input."""
    return _extract(part, limits, part.depth)


def extract_all(parts: list[AttachmentPart], limits: ExtractLimits) -> list[ExtractedAttachment]:
    """One ExtractedAttachment per part, in the same order."""
    return [extract_attachment(part, limits) for part in parts]
