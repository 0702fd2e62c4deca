"""Publication: everything public about an item (redacted documents and text), each output through the guard."""

from pipeline.privacy.guard import PublicationRefused
from pipeline.publication.documents import (
    PUBLISHED,
    WITHHELD,
    Publication,
    PublishedDocument,
    publication,
    redacted_document,
    redacted_documents,
    redacted_text,
    source_message,
    text_pdf,
)
from pipeline.publication.forbidden import (
    NotScanned,
    forbidden_for_item,
    forbidden_for_items,
    found_in_filename,
    item_spans,
    redact_known,
)

__all__ = [
    "PUBLISHED", "WITHHELD", "NotScanned", "Publication", "PublicationRefused", "PublishedDocument",
    "forbidden_for_item", "forbidden_for_items", "found_in_filename", "item_spans", "publication", "redact_known", "redacted_document", "redacted_documents",
    "redacted_text", "source_message", "text_pdf",
]
