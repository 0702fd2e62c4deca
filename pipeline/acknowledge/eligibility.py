"""Who gets an acknowledgement: never automatic mail, lists, bulk, circulars, newsletters or the council itself
(RFC 3834 section 2), and at most one per writer per item and per day."""

from __future__ import annotations

import re
from email.message import Message
from email.utils import getaddresses

NO_ACK_KINDS = {"rondzendbrief": "een rondzendbrief", "nieuwsbrief": "een nieuwsbrief", "reclame": "reclame",
                "automatisch": "een automatisch bericht", "uitnodiging": "een uitnodiging"}
OWN_SENDERS = {"college": "het college", "rekenkamer": "de rekenkamer"}  # other councils ("raad") may get one
BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+\-@]|$)", re.I)


def address_of(value: str | None) -> str | None:
    pairs = getaddresses([value]) if value else []
    address = pairs[0][1].strip() if pairs else ""
    return address.lower() if "@" in address else None


def reply_address(msg: Message) -> str | None:
    """Where an answer goes: Reply-To, else the envelope sender (Return-Path); a message read from a file without
    either is answered at From. An empty Return-Path (<>) is a bounce: no address at all."""
    if msg.get("Reply-To"):
        return address_of(str(msg["Reply-To"]))
    if msg.get("Return-Path") is not None:
        return address_of(str(msg["Return-Path"]))
    return address_of(str(msg.get("From") or ""))


def header_reason(msg: Message) -> str | None:
    """Why the headers forbid an automatic answer (Dutch), or None."""
    auto = str(msg.get("Auto-Submitted") or "").strip().lower()
    if auto and not auto.startswith("no"):
        return f"het bericht is automatisch verstuurd (Auto-Submitted: {auto})"
    if msg.get("List-Id") or msg.get("List-Post") or msg.get("List-Unsubscribe"):
        return "het bericht komt van een mailinglijst (List-Id)"
    precedence = str(msg.get("Precedence") or "").strip().lower()
    if precedence in ("bulk", "junk", "list"):
        return f"het bericht is massapost (Precedence: {precedence})"
    if str(msg.get("X-Auto-Response-Suppress") or "").strip().lower() in ("all", "autoreply", "oof"):
        return "de afzender vraagt geen automatische antwoorden (X-Auto-Response-Suppress)"
    if msg.get_content_type() == "multipart/report" or str(msg.get("Return-Path") or "").strip() == "<>":
        return "het bericht is een onbestelbaarheidsmelding"
    sender = address_of(str(msg.get("From") or "")) or ""
    if BOUNCE_SENDERS.match(sender):
        return f"de afzender {sender} is een systeemadres"
    return None


def own_domain(address: str, own_domains: tuple[str, ...]) -> bool:
    domain = address.rsplit("@", 1)[-1].lower()
    return any(domain == d or domain.endswith("." + d) for d in own_domains)


def why_not(document_kind: str, sender_kind: str, circular: bool, msg: Message,
            own_domains: tuple[str, ...]) -> str | None:
    """The Dutch reason no acknowledgement may go out for this message, or None when one may."""
    reason = header_reason(msg)
    if reason:
        return reason
    if circular or document_kind in NO_ACK_KINDS:
        return f"het stuk is {NO_ACK_KINDS.get(document_kind, 'een rondzendbrief')}"
    if sender_kind in OWN_SENDERS:
        return f"het stuk komt van {OWN_SENDERS[sender_kind]}"
    address = reply_address(msg)
    if address is None:
        return "er is geen adres om te antwoorden"
    sender = address_of(str(msg.get("From") or "")) or address
    for candidate in (address, sender):
        if own_domain(candidate, own_domains):
            return f"het adres {candidate} hoort bij de gemeente zelf"
    return None
