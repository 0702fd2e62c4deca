"""Privacy: personal data found in letters, public sender labels, redaction and the guard on public outputs."""

from pipeline.privacy.detect import detect
from pipeline.privacy.guard import PrivacyLeak, check_public, forbidden_strings
from pipeline.privacy.labels import public_label, residence_from_text
from pipeline.privacy.pdf import PdfRedactionError, RedactedPdf, redact_pdf
from pipeline.privacy.redact import MARKERS, redact_text

__all__ = [
    "MARKERS", "PdfRedactionError", "PrivacyLeak", "RedactedPdf", "check_public", "detect", "forbidden_strings",
    "public_label", "redact_pdf", "redact_text", "residence_from_text",
]
