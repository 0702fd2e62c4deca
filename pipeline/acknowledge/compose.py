"""The acknowledgement's words (the profile's Jinja2 template for the item's handling and sender kind) and its
mail (RFC 3834: Auto-Submitted: auto-replied, In-Reply-To and References of the writer's message)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr, make_msgid

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from pipeline.acknowledge.policy import AckPolicy
from pipeline.errors import GriffieError
from pipeline.lists.cutoff import local_date
from pipeline.registry.models import Item
from pipeline.rules.profile import Profile
from pipeline.vocab import long_date


def template_names(item: Item) -> list[str]:
    return [f"{item.handling_code}.{item.sender_kind}.txt.j2", f"{item.handling_code}.txt.j2", "standaard.txt.j2"]


def context(item: Item, profile: Profile, policy: AckPolicy, term: date | None) -> dict:
    meeting = item.meeting
    body = "raadsvergadering" if meeting is not None and meeting.body == "raad" else (meeting.body if meeting else "")
    return {
        "gemeente": profile.council, "plaats": profile.place,
        "schrijver": item.sender_name if item.sender_kind == "inwoner" else None,
        "organisatie": item.sender_organisation, "onderwerp": item.subject,
        "datum_brief": long_date(item.letter_date), "datum_ontvangst": long_date(local_date(item.received_at)),
        "registratienummer": item.registration_number,
        "vergadering": f"de {body} van {long_date(meeting.date)}" if meeting is not None else None,
        "afhandeling": profile.label(item.handling_code), "commissie": item.committee,
        "termijn": long_date(term) if term else None, "afzender": policy.from_name or profile.council,
    }


def render(item: Item, profile: Profile, policy: AckPolicy, term: date | None = None) -> tuple[str, str]:
    """(subject, body) from the first template that exists for the item."""
    env = Environment(loader=FileSystemLoader(str(policy.templates)), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)  # plain text mail: nothing to escape
    try:
        template = env.select_template(template_names(item))
    except TemplateNotFound as e:
        raise GriffieError(f"Geen sjabloon voor de ontvangstbevestiging in {policy.templates}: {e}.") from e
    text = template.render(**context(item, profile, policy, term))
    first, _, rest = text.lstrip().partition("\n")
    if not first.lower().startswith("onderwerp:"):
        raise GriffieError(f"Sjabloon {template.name}: de eerste regel moet 'Onderwerp: ...' zijn.")
    body = "\n".join(line.rstrip() for line in rest.strip("\n").splitlines())
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    return first.split(":", 1)[1].strip(), body + "\n"


def build_mail(policy: AckPolicy, recipient: str, subject: str, body: str, original: Message | None,
               now: datetime | None = None) -> EmailMessage:
    """The mail as it goes out; its Message-ID is new, its In-Reply-To/References point at the writer's message."""
    msg = EmailMessage()
    msg["From"] = formataddr((policy.from_name, policy.from_address)) if policy.from_name else policy.from_address
    msg["To"] = recipient
    msg["Subject"] = subject
    msg["Date"] = format_datetime(now or datetime.now(timezone.utc))
    msg["Message-ID"] = make_msgid(domain=policy.from_address.rsplit("@", 1)[-1])
    msg["Auto-Submitted"] = "auto-replied"  # RFC 3834: other robots must not answer this one
    msg["X-Auto-Response-Suppress"] = "All"  # Exchange: no out-of-office replies to it
    original_id = str(original.get("Message-ID") or "").strip() if original is not None else ""
    if original_id:
        msg["In-Reply-To"] = original_id
        refs = str(original.get("References") or "").split()
        msg["References"] = " ".join(refs + [original_id])
    msg.set_content(body)
    return msg
