"""Hypothesis strategies for the fuzz tests: hostile MIME trees and headers, forwards, PDFs, TOML documents."""

from __future__ import annotations

import base64
import functools
import quopri

from hypothesis import strategies as st

from tests.test_extract_helpers import text_pdf

CRLF = b"\r\n"
HEADER_NAMES = ["Subject", "From", "To", "Cc", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding",
                "Content-Disposition", "MIME-Version", "Reply-To", "X-Mailer", "Received", "Auto-Submitted"]
WORDS = ["Geachte", "raad", "gemeente", "brief", "Betreft:", "Onderwerp:", "Van:", "From:", "Aan:", "Datum:",
         "=?utf-8?b?w6lsw6k=?=", "=?iso-8859-1?q?caf=E9?=", "=?x-unknown?q?x?=", "=?utf-8?b?", "<a@b.nl>",
         "\"Jan, de\" <jan@example.nl>", "@", ";", "\\", "\"", "(", ")", "boundary=", "charset=", "\x00", "é", "€"]
FORWARD_LINES = ["---------- Forwarded message ---------", "-----Oorspronkelijk bericht-----",
                 "Begin doorgestuurd bericht:", "---------- Doorgestuurd bericht ----------",
                 "Van: Provincie Zuid-Holland <post@pzh.nl>", "From: \"VNG\" <info@vng.nl>",
                 "Verzonden: maandag 2 juni 2025 10:14", "Sent: Monday, June 2, 2025 10:14 AM", "Datum: 31-02-2025",
                 "Aan: griffie@waterlinde.nl", "Onderwerp: Zienswijze begroting 2026", "Subject: Fwd: Fwd:",
                 "Betreft: ", "> Van: iemand", ">> Onderwerp: diep geciteerd", "", "Geachte raad,",
                 "Met vriendelijke groet,", "Van:", "From: <>", "Onderwerp:" + "x" * 3000]

_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
header_value = st.one_of(
    _text,
    st.lists(st.sampled_from(WORDS), max_size=20).map(" ".join),
    st.integers(1, 60_000).map(lambda n: "woord " * (n // 6)),  # long values: the quadratic parser
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
)


@st.composite
def headers(draw, content_type: str | None = None) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        name = draw(st.one_of(st.sampled_from(HEADER_NAMES), st.from_regex(r"X-[A-Za-z]{1,10}", fullmatch=True)))
        value = draw(header_value).replace("\r", " ").replace("\n", draw(st.sampled_from([" ", "\r\n ", "\r\n"])))
        lines.append(name.encode() + b": " + value.encode("utf-8", "surrogateescape"))
    if content_type:
        lines.append(b"Content-Type: " + content_type.encode())
    if draw(st.booleans()):
        lines.append(b"X-Many: 1\r\n" * draw(st.integers(0, 3000)))
    return CRLF.join(lines) + CRLF


def _encode(body: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(body)
    if cte == "quoted-printable":
        return quopri.encodestring(body)
    return body


@st.composite
def mime_part(draw, depth: int = 0) -> bytes:
    kind = draw(st.sampled_from(["text", "html", "pdf", "binary", "multipart", "rfc822", "nobound"]
                                if depth < 4 else ["text", "html", "binary"]))
    cte = draw(st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-unknown", "base64"]))
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "x-unknown", "utf-16", ""]))
    if kind in ("text", "html"):
        body = "\n".join(draw(st.lists(st.one_of(_text, st.sampled_from(FORWARD_LINES)), max_size=15)))
        if kind == "html":
            body = f"<html><body><p>{body}</p><table><tr><td>{body[:50]}</td></tr></table></body></html>"
        raw = body.encode(draw(st.sampled_from(["utf-8", "cp1252", "latin-1"])), "replace")
        ctype = f"text/{'html' if kind == 'html' else 'plain'}" + (f"; charset={charset}" if charset else "")
        return (draw(headers(ctype)) + f"Content-Transfer-Encoding: {cte}\r\n".encode() + CRLF
                + _encode(raw, cte))
    if kind in ("pdf", "binary"):
        data = draw(pdf_bytes()) if kind == "pdf" else draw(st.binary(max_size=300))
        name = draw(st.sampled_from(["brief.pdf", "=?utf-8?q?br=C3=A9f?=.pdf", "", "a" * 300 + ".pdf", "x.docx"]))
        ctype = draw(st.sampled_from(["application/pdf", "application/octet-stream", "image/png",
                                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]))
        return (f"Content-Type: {ctype}; name=\"{name}\"\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n"
                f"Content-Transfer-Encoding: {cte}\r\n\r\n").encode() + _encode(data, cte)
    if kind == "rfc822":
        return b"Content-Type: message/rfc822\r\n\r\n" + draw(message(depth + 1))
    boundary = draw(st.from_regex(r"[A-Za-z0-9'()+_,./:=?-]{1,30}", fullmatch=True))
    parts = draw(st.lists(mime_part(depth + 1), max_size=4))
    if kind == "nobound":
        return b"Content-Type: multipart/mixed\r\n\r\n" + CRLF.join(parts)
    b = boundary.encode()
    body = b"".join(b"--" + b + CRLF + p + CRLF for p in parts)
    if draw(st.booleans()):
        body += b"--" + b + b"--" + CRLF  # else: the closing boundary is missing (a truncated message)
    sub = draw(st.sampled_from(["mixed", "alternative", "related", "report", "signed"]))
    return f"Content-Type: multipart/{sub}; boundary=\"{boundary}\"\r\n\r\n".encode() + body


@st.composite
def message(draw, depth: int = 0) -> bytes:
    head = draw(headers())
    if draw(st.booleans()):
        head += b"From: " + draw(st.sampled_from([b"Jan <jan@example.nl>", b"info@vng.nl", b"<>", b"@@"])) + CRLF
    return head + draw(mime_part(depth))


@st.composite
def pdf_bytes(draw) -> bytes:
    base = _base_pdf()
    how = draw(st.sampled_from(["flip", "cut", "insert", "junk", "ok"]))
    data = bytearray(base)
    if how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    elif how == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif how == "insert":
        i = draw(st.integers(0, len(data)))
        data[i:i] = draw(st.binary(min_size=1, max_size=200))
    elif how == "junk":
        data = bytearray(b"%PDF-1." + draw(st.binary(max_size=400)))
    return bytes(data)


@functools.cache
def _base_pdf() -> bytes:
    return text_pdf(["Geachte raad, een brief over de dorpshuizen.", "Met vriendelijke groet, de vereniging."])


def toml_value():
    scalar = st.one_of(st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                       _text, st.sampled_from(["tls", "starttls", "move", "delete", "microsoft", "", "*", "^(", "[a"]))
    return st.one_of(scalar, st.lists(scalar, max_size=4))


def toml_scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_scalar(v) for v in value) + "]"
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in value) + '"'


@st.composite
def toml_document(draw, tables: list[str], keys: list[str]) -> str:
    """A TOML text: known and unknown tables and keys, values of any type; sometimes broken by a stray character."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        table = draw(st.one_of(st.sampled_from(tables), st.from_regex(r"[a-z]{1,8}", fullmatch=True)))
        lines.append(draw(st.sampled_from(["[{}]", "[[{}]]"])).format(table))
        for _ in range(draw(st.integers(0, 6))):
            key = draw(st.one_of(st.sampled_from(keys), st.from_regex(r"[a-z_]{1,12}", fullmatch=True)))
            lines.append(f"{key} = {toml_scalar(draw(toml_value()))}")
    text = "\n".join(lines) + "\n"
    if draw(st.integers(0, 4)) == 0:
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.sampled_from(["=", "[", '"', "\\", "\n=", "]]", "'''"])) + text[i:]
    return text
