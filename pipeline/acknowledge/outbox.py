"""The outbox: an acknowledgement is planned once per item (drafted, queued or skipped with the reason), and the
worker sends what is queued, keeping each sent mail raw; failures are retried with a doubling wait. 'sending' is
committed before the SMTP conversation, so a crash can never make the same acknowledgement go out twice."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy as email_policy
from email.message import Message

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.acknowledge.compose import build_mail, render
from pipeline.acknowledge.eligibility import address_of, reply_address, why_not
from pipeline.acknowledge.policy import AckPolicy
from pipeline.acknowledge.smtp import SendError, send
from pipeline.config import SmtpSettings
from pipeline.lists.cutoff import local_date
from pipeline.rawstore import RawStore
from pipeline.registry.models import Acknowledgement, AuditEntry, Deadline, Item
from pipeline.registry.retry import patiently

ACTIVE = ("draft", "queued", "sending", "uncertain", "sent")  # counts for 'one per writer per day'
FILED = ("triaged", "needs_review", "reviewed", "listed")
CONFIRMED = ("reviewed", "listed")


def original_message(store: RawStore, item: Item) -> Message | None:
    digest = item.message.sha256 if item.message is not None else None
    if not digest or not store.has(digest):
        return None
    return message_from_bytes(store.get(digest), policy=email_policy.compat32)


def _writer(item: Item) -> str | None:
    return address_of(item.message.from_address) if item.message is not None and item.message.from_address else None


def _sent_today(s: Session, item: Item, recipient: str, today: date) -> bool:
    """Whether this writer (the same reply address, or the same From) already has an acknowledgement today."""
    writer = _writer(item)
    since = datetime.combine(today - timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc)  # local day fits
    q = select(Acknowledgement).where(Acknowledgement.status.in_(ACTIVE), Acknowledgement.item_id != item.id,
                                      Acknowledgement.created_at >= since)
    return any(local_date(a.created_at) == today and (a.recipient == recipient or writer and _writer(a.item) == writer)
               for a in s.scalars(q))


def _term(s: Session, item: Item) -> date | None:
    d = s.scalar(select(Deadline).where(Deadline.item_id == item.id, Deadline.kind == "afdoening"))
    return d.due_date if d is not None else None


def plan(s: Session, item: Item, ack_policy: AckPolicy, profile, store: RawStore, actor: str = "pipeline",
         now: datetime | None = None, mode: str | None = None) -> Acknowledgement:
    """The item's acknowledgement: the existing one, or a new draft/queued one, or a skipped one with its reason."""
    existing = s.scalar(select(Acknowledgement).where(Acknowledgement.item_id == item.id)
                        .order_by(Acknowledgement.id.desc()))
    if existing is not None:
        return existing
    now = now or datetime.now(timezone.utc)
    original = original_message(store, item)
    recipient = reply_address(original) if original is not None else None
    reason = (why_not(item.document_kind, item.sender_kind, item.circular, original, ack_policy.own_domains)
              if original is not None else "het oorspronkelijke bericht is niet bewaard")
    if reason is None and item.status == "ignored":
        reason = "het stuk is genegeerd"
    if reason is None and recipient and _sent_today(s, item, recipient, local_date(now)):
        reason = f"{recipient} kreeg vandaag al een ontvangstbevestiging"
    if reason is not None:
        ack = Acknowledgement(item_id=item.id, recipient=recipient or "", subject="", body="", status="skipped",
                              reason=f"Geen ontvangstbevestiging: {reason}.", actor=actor, created_at=now)
    else:
        subject, body = render(item, profile, ack_policy, _term(s, item))
        status = mode or ack_policy.mode
        status = "queued" if status == "queue" else "draft"
        ack = Acknowledgement(item_id=item.id, recipient=recipient, subject=subject, body=body, status=status,
                              reason=f"Ontvangstbevestiging naar {recipient} (antwoordadres van de schrijver).",
                              actor=actor, created_at=now, attempts=0)
    try:
        with s.begin_nested():  # another process may plan the same item at this moment: the unique index decides
            s.add(ack)
            s.flush()
    except IntegrityError:
        return s.scalar(select(Acknowledgement).where(Acknowledgement.item_id == item.id))
    s.add(AuditEntry(actor=actor, action="acknowledgement_planned", item_id=item.id,
                     detail={"acknowledgement_id": ack.id, "status": ack.status, "reason": ack.reason}))
    return ack


def plan_all(s: Session, ack_policy: AckPolicy, profile, store: RawStore, now: datetime | None = None) -> int:
    """Plan for every recent item that has reached the profile's moment (filed or confirmed) and has none yet."""
    if not ack_policy.enabled:
        return 0
    now = now or datetime.now(timezone.utc)
    # ignored items (auto-replies, bounces) get a 'skipped' row too, so the item page says why none went out
    statuses = (FILED if ack_policy.when == "filed" else CONFIRMED) + ("ignored",)
    done = select(Acknowledgement.item_id)
    q = (select(Item).where(Item.status.in_(statuses), Item.id.not_in(done),
                            Item.received_at >= now - timedelta(days=ack_policy.max_age_days)).order_by(Item.id))
    items = list(s.scalars(q))
    for item in items:
        plan(s, item, ack_policy, profile, store, now=now)
    return len(items)


def _wait(smtp: SmtpSettings, attempts: int) -> timedelta:
    return timedelta(seconds=min(smtp.backoff_s * 2 ** max(attempts - 1, 0), smtp.backoff_max_s))


def _lease(smtp: SmtpSettings) -> timedelta:
    """How long a 'sending' row belongs to the process that claimed it: a whole SMTP conversation (connect, TLS,
    login, data) with room to spare; a row still 'sending' after that was interrupted by a crash."""
    return timedelta(seconds=smtp.timeout_s * 6 + 60)


def _claim(s: Session, ack: Acknowledgement, ack_policy: AckPolicy, smtp: SmtpSettings, store: RawStore,
           now: datetime) -> bool:
    """Mark a queued acknowledgement 'sending' (the caller commits this BEFORE talking SMTP). The raw mail is made
    once and kept, so a retry sends the same bytes with the same Message-ID. False when another process took it."""
    if ack.raw_sha256 is None:
        mail = build_mail(ack_policy, ack.recipient, ack.subject, ack.body, original_message(store, ack.item), now)
        raw_sha256 = store.put(mail.as_bytes(policy=mail.policy.clone(linesep="\r\n")))  # SMTP wants CRLF
        message_id = str(mail["Message-ID"])
    else:
        raw_sha256, message_id = ack.raw_sha256, ack.message_id_header
    # a conditional UPDATE, so the web app's 'versturen' and the worker never both send the same row
    taken = s.execute(update(Acknowledgement).where(Acknowledgement.id == ack.id, Acknowledgement.status == "queued")
                      .values(status="sending", attempts=Acknowledgement.attempts + 1, raw_sha256=raw_sha256,
                              message_id_header=message_id, next_attempt_at=now + _lease(smtp))
                      .execution_options(synchronize_session=False)).rowcount
    return taken == 1


def _record(s: Session, ack: Acknowledgement, error: SendError | None, smtp: SmtpSettings, now: datetime) -> bool:
    """The outcome of one SMTP conversation, in the transaction after it."""
    if error is not None and error.uncertain:
        _uncertain(s, ack, "de verbinding brak af nadat het bericht naar de SMTP-server was verstuurd")
        ack.last_error = str(error)
        return False
    if error is not None:
        ack.last_error = str(error)
        if error.permanent or ack.attempts >= smtp.max_attempts:
            ack.status = "failed"
            ack.next_attempt_at = None
        else:
            ack.status = "queued"
            ack.next_attempt_at = now + _wait(smtp, ack.attempts)
        s.add(AuditEntry(actor="worker", action="acknowledgement_failed", item_id=ack.item_id,
                         detail={"acknowledgement_id": ack.id, "error": str(error), "attempts": ack.attempts}))
        return False
    ack.status = "sent"
    ack.sent_at = now
    ack.last_error = None
    ack.next_attempt_at = None
    s.add(AuditEntry(actor="worker", action="acknowledgement_sent", item_id=ack.item_id,
                     detail={"acknowledgement_id": ack.id, "to": ack.recipient, "sha256": ack.raw_sha256}))
    return True


def mark_interrupted(s: Session, now: datetime) -> int:
    """A row still 'sending' after its lease: the process died during or just after the SMTP conversation, so the
    server may have accepted the mail. It is never sent again by itself: the assistant checks and decides."""
    rows = list(s.scalars(select(Acknowledgement).where(Acknowledgement.status == "sending",
                                                         Acknowledgement.next_attempt_at < now)))
    for ack in rows:
        _uncertain(s, ack, "het programma stopte tijdens of vlak na het gesprek met de SMTP-server")
    return len(rows)


def _uncertain(s: Session, ack: Acknowledgement, why: str) -> None:
    ack.status = "uncertain"
    ack.next_attempt_at = None
    ack.reason = (f"Mogelijk verzonden: het versturen naar {ack.recipient} werd onderbroken ({why}). Controleer of "
                  f"de e-mail met Message-ID {ack.message_id_header} is aangekomen (verzonden items van de mailserver "
                  "of de schrijver); markeer hem dan als verstuurd, of verstuur hem bewust opnieuw.")
    s.add(AuditEntry(actor="worker", action="acknowledgement_uncertain", item_id=ack.item_id,
                     detail={"acknowledgement_id": ack.id, "message_id": ack.message_id_header, "why": why}))


def send_due(sessions, ack_policy: AckPolicy, smtp: SmtpSettings, store: RawStore,
             now: datetime | None = None) -> int:
    """Send every queued acknowledgement whose time has come; returns how many went. Per acknowledgement three
    steps: commit 'sending', talk SMTP, commit the outcome. A crash between the server's acceptance and the last
    commit leaves 'sending', which becomes 'uncertain' (mogelijk verzonden) and is never resent by itself."""
    if not smtp.host:
        return 0
    now = now or datetime.now(timezone.utc)
    def due() -> list[int]:
        with sessions.begin() as s:
            mark_interrupted(s, now)
            return [a.id for a in s.scalars(select(Acknowledgement).where(Acknowledgement.status == "queued"))
                    if a.next_attempt_at is None or a.next_attempt_at <= now]

    def claim(ack_id: int) -> bool:
        with sessions.begin() as s:
            ack = s.get(Acknowledgement, ack_id)
            return ack is not None and ack.status == "queued" and _claim(s, ack, ack_policy, smtp, store, now)

    def outcome(ack_id: int, error: SendError | None) -> bool:
        with sessions.begin() as s:
            return _record(s, s.get(Acknowledgement, ack_id), error, smtp, now)

    sent = 0
    for ack_id in patiently(due, "ontvangstbevestigingen zoeken"):
        if not patiently(lambda: claim(ack_id), "ontvangstbevestiging klaarzetten"):
            continue
        with sessions() as s:
            ack = s.get(Acknowledgement, ack_id)
            raw, recipient = store.get(ack.raw_sha256), ack.recipient
        error = None
        try:
            send(smtp, raw, ack_policy.from_address, recipient)
        except SendError as e:
            error = e
        sent += patiently(lambda: outcome(ack_id, error), "verzending vastleggen")  # the mail went: record it
    return sent
