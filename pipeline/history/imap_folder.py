"""Past mail straight from an IMAP folder for `history match --imap ACCOUNT/FOLDER`: read-only, nothing is moved,
flagged or marked as read (the folder is selected read-only and bodies are fetched with BODY.PEEK)."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.config import Settings
from pipeline.errors import SourceError
from pipeline.records import Locator
from pipeline.sources.files import RawMessage
from pipeline.sources.imap_conn import WIRE_ERRORS, Credentials, connected, explain

BATCH = 200


def parse_target(text: str) -> tuple[str, str]:
    account, _, folder = text.partition("/")
    if not account or not folder:
        raise SourceError(f"'{text}' is geen IMAP-map: schrijf ACCOUNT/MAP, bijvoorbeeld griffie/Archief/2024.")
    return account, folder


def read_imap_folder(settings: Settings, target: str) -> Iterator[RawMessage]:
    name, folder = parse_target(target)
    account = next((a for a in settings.imap.accounts if a.name == name), None)
    if account is None:
        known = ", ".join(a.name for a in settings.imap.accounts) or "geen"
        raise SourceError(f"Geen IMAP-account '{name}' in de configuratie (wel: {known}).")
    try:
        with connected(account, Credentials(account), settings.imap.timeout_s) as client:
            info = client.select_folder(folder, readonly=True)
            validity = info.get(b"UIDVALIDITY", 0)
            uids = sorted(client.search("ALL"))
            for start in range(0, len(uids), BATCH):
                batch = uids[start:start + BATCH]
                data = client.fetch(batch, ["BODY.PEEK[]"])
                for uid in batch:
                    raw = data.get(uid, {}).get(b"BODY[]")
                    if raw:
                        yield RawMessage(raw, Locator("imap", f"{name}/{folder}/{validity}/{uid}"))
    except WIRE_ERRORS as e:
        raise SourceError(explain(account, e)) from e
