"""Analyse: the letter's sender, date, subject, reference, addressee, circularity and personal data."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from pipeline.records import Analysis, Extracted, PersonalDataSpan, Provenance
from pipeline.rules.knowledge import Catalogue
from pipeline.stages import circular as circulars, letter, organisation, sender
from pipeline.stages.parse import clean_subject

Detector = Callable[[str, str], list[PersonalDataSpan]]


def _letter_attachment(extracted: Extracted):
    for att in extracted.attachments:
        if att.status in ("ok", "ocr") and att.chars > 200:
            return att
    return None


QUOTE_START = re.compile(
    r"^(?:[ \t]*-{2,}\s*(?:Original Message|Oorspronkelijk bericht)\s*-{2,}|[ \t]*Op .{5,120} schreef .{1,120}:|"
    r"[ \t]*On .{5,120} wrote:|[ \t]*>.*)$", re.IGNORECASE | re.MULTILINE)


def strip_quoted(text: str) -> str:
    """A reply's own text, without the quoted message below it."""
    m = QUOTE_START.search(text)
    return text[: m.start()].rstrip() if m and m.start() > 0 else text


def _person_test(detect: Detector | None) -> Callable[[str], bool] | None:
    """Is this short text a person's name? (the personal-data detector knows Dutch names)."""
    if detect is None:
        return None

    def is_person(text: str) -> bool:
        covered = sum(sp.end - sp.start for sp in detect(text, "probe") if sp.kind == "person")
        return covered >= 0.5 * len(text.strip())

    return is_person


def _addressed(parsed, knowledge: Catalogue | None) -> frozenset[str]:
    """The municipalities the mail went to (griffie@waadhoeke.nl): their council is the addressee."""
    return knowledge.municipalities_of([*parsed.to, *parsed.cc]) if knowledge is not None else frozenset()


def _other_council(writer, addressed: frozenset[str], knowledge: Catalogue | None) -> bool:
    """The writer is a municipality other than the own one and the ones the mail is addressed to."""
    if writer is None or writer.entry is None or not writer.entry.municipality or knowledge is None:
        return False
    return not knowledge.is_own_place(writer.entry) and writer.entry.name not in addressed


def analyse(extracted: Extracted, known_domains: Mapping[str, str] | None = None,
            detect: Detector | None = None, knowledge: Catalogue | None = None) -> Analysis:
    parsed = extracted.parsed
    origin = parsed.origin
    notes: list[str] = []
    body = origin.text if origin and origin.text else strip_quoted(parsed.text)
    att = _letter_attachment(extracted)
    letter_text = att.text if att else ""
    first_page = (att.first_page_text or att.text[:3000]) if att else ""
    main_text = "\n\n".join(t for t in (letter_text, body) if t.strip())

    mail_from_name = origin.from_name if origin else parsed.from_name
    mail_from_addr = origin.from_address if origin else parsed.from_address

    # subject: the letter's Betreft/Onderwerp, then the body's, then the (original) mail subject
    automated = (parsed.header("content-type") or "").lower().startswith("multipart/report")
    sources: dict[str, Provenance] = {}  # where each analysed field was read (issue 16: per-field provenance)
    subject = letter.find_subject(first_page or letter_text)
    sources["subject"] = Provenance("analysis:brief", [])
    if subject is None and not automated:
        subject = letter.find_subject(body)
        sources["subject"] = Provenance("analysis:tekst e-mail", [])
    if subject is None:
        subject = clean_subject(origin.subject if origin else parsed.subject)
        sources["subject"] = Provenance("analysis:onderwerpregel", [])
        if subject:
            notes.append("onderwerp uit de onderwerpregel van de e-mail")
            sources["subject"].reasons.append(notes[-1])

    letter_date: date | None = None
    if letter_text:
        letter_date = letter.find_letter_date(first_page or letter_text)
        sources["letter_date"] = Provenance("analysis:brief", [])
    if letter_date is None and body:
        m = letter.DATE_LINE.search(body) or letter.PLACE_DATE.search(body)
        letter_date = letter.find_letter_date(m.group(0)) if m else None
        sources["letter_date"] = Provenance("analysis:tekst e-mail", [])
    if letter_date is None:
        mail_date = origin.date if origin and origin.date else parsed.date
        letter_date = mail_date.date() if mail_date else None
        sources["letter_date"] = Provenance("analysis:verzenddatum", [])
        if letter_date:
            notes.append("briefdatum is de verzenddatum van de e-mail")
            sources["letter_date"].reasons.append(notes[-1])

    # organisation: named steps in order of trust (organisation.ORGANISATION_STEPS), each with its reason
    sig = letter.signature_block(letter_text) if letter_text else ""
    mail_sig = letter.signature_block(body)
    addressee = letter.find_addressee(first_page or letter_text or body)
    addressed = _addressed(parsed, knowledge)
    finding = organisation.find_organisation(organisation.Evidence(
        letter_text=letter_text, first_page=first_page, body=body, signature=sig, mail_signature=mail_sig,
        display_name=mail_from_name, address=mail_from_addr, is_person=_person_test(detect), knowledge=knowledge,
        known_domains=known_domains or {}, addressed=addressed))
    org = finding.organisation if finding else None
    if finding:
        notes.append(finding.reason)
        entry = finding.match if finding.match is not None and not finding.match.group_word else None
        sources["sender_organisation"] = Provenance(
            f"knowledge:{entry.name}" if entry else f"analysis:{finding.step}", [finding.reason])
    else:
        sources["sender_organisation"] = Provenance("default:niet gevonden", [])
    if org:
        org = sender.expand_acronyms(org, main_text)

    name = sender.person_from_signature(sig) or sender.person_from_signature(mail_sig) or mail_from_name
    if name and sender.looks_like_org(name):
        name = None

    recipients = len(set(parsed.to) | set(parsed.cc))
    writer = circulars.sender_knowledge(finding.match if finding else None, mail_from_addr, mail_from_name, knowledge)
    subjects = " | ".join(s for s in (parsed.subject, origin.subject if origin else None) if s)
    circular, step, why = circulars.decide_circular(circulars.CircularEvidence(
        subject=subjects, head=main_text[:6000], recipients=recipients, sender=writer,
        other_council=_other_council(writer, addressed, knowledge)))
    if why:
        notes.append(("rondzendbrief: " if circular else "geen rondzendbrief: ") + why)
        sources["circular"] = Provenance(f"analysis:{step}", [notes[-1]])
    else:
        sources["circular"] = Provenance("default:niet gericht aan allen", [])

    spans: list[PersonalDataSpan] = []
    if detect is not None:
        spans.extend(detect(body, "origin" if origin and origin.text else "body"))
        for i, a in enumerate(extracted.attachments):
            if a.text:
                spans.extend(detect(a.text, f"attachment:{i}"))

    return Analysis(
        extracted=extracted,
        sender_name=name,
        sender_address=mail_from_addr,
        sender_organisation=org,
        letter_date=letter_date,
        subject=subject,
        reference=letter.find_reference(first_page or letter_text) or letter.find_reference(body),
        addressee=addressee,
        circular=circular,
        main_text=main_text,
        personal_data=spans,
        notes=notes,
        sender_match=finding.match if finding else None,
        organisation_step=finding.step if finding else None,
        sources=sources,
    )
