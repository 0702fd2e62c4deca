"""`griffiepost publish`: the public (redacted) text and documents of one item or of a meeting's list."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from pipeline.cli.app_context import get_app
from pipeline.cli.base import main
from pipeline.cli.intake_cmds import find_item
from pipeline.errors import GriffieError
from pipeline.lists.build import list_items
from pipeline.lists.meetings import find_meeting
from pipeline.publication import PUBLISHED, Publication, publication
from pipeline.publication.verdicts import VERDICT_WORDS, detected_strings, mark
from pipeline.vocab import PERSONAL_DATA_KINDS


def public_text_file(pub: Publication) -> str:
    """The text file beside the documents: what the item is, and its letter with personal data replaced."""
    lines = [f"Stuk {pub.registration_number} (openbare versie)", f"Afzender: {pub.sender}",
             f"Onderwerp: {pub.subject}", f"Datum brief: {pub.letter_date or 'onbekend'}", ""]
    for doc in pub.documents:
        shown = f"{doc.filename} " if doc.status == PUBLISHED else ""
        original = f" (oorspronkelijk: {doc.original})" if doc.original else ""
        lines.append(f"Bijlage {doc.position + 1}: {shown}{doc.note}{original}")
    return "\n".join(lines + ["", pub.text, ""])


def write_publication(pub: Publication, out_dir: Path) -> list[Path]:
    """Write one item's public files to out_dir/<registration number>/; returns the files written."""
    target = out_dir / pub.registration_number
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = [target / "tekst-openbaar.txt"]
        written[0].write_text(public_text_file(pub), encoding="utf-8")
        for doc in pub.documents:
            if doc.status == PUBLISHED and doc.data is not None:
                path = target / doc.filename
                path.write_bytes(doc.data)
                written.append(path)
    except OSError as e:
        raise GriffieError(f"Kan niet schrijven in {target}: {e.strerror}.") from e
    return written


def _report(pub: Publication, written: list[Path]) -> None:
    click.echo(f"{pub.registration_number}: {len(written)} bestand(en) in {written[0].parent}")
    for doc in pub.documents:
        click.echo(f"  bijlage {doc.position + 1}: {doc.note}")


@main.command("publish")
@click.argument("item", required=False)
@click.option("--meeting", help="Alle stukken op de lijst van deze vergadering (nummer of datum).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("openbaar"),
              show_default=True, help="Map voor de openbare bestanden.")
@click.pass_context
def publish_cmd(ctx: click.Context, item: str | None, meeting: str | None, out_dir: Path) -> None:
    """De openbare versie van een stuk (nummer of registratienummer) of van alle stukken van een vergadering:
    de geanonimiseerde tekst en de zwartgelakte documenten. Alles gaat door de privacycontrole; vindt die nog
    een persoonsgegeven, dan wordt niets geschreven."""
    if (item is None) == (meeting is None):
        raise click.UsageError("Geef een stuk of --meeting VERGADERING (niet allebei).")
    app = get_app(ctx)
    with app.sessions() as s:
        if meeting is not None:
            items = sorted(list_items(s, find_meeting(s, meeting)), key=lambda i: (i.list_number or 0, i.id))
            if not items:
                raise GriffieError(f"Er staan geen stukken op de lijst van vergadering {meeting}.")
        else:
            items = [find_item(s, item)]
        pubs = [publication(app, i) for i in items]  # every output checked before a single file is written
    for pub in pubs:
        _report(pub, write_publication(pub, out_dir))


@main.command("privacy")
@click.argument("item")
@click.option("--not-personal", "not_personal", metavar="TEKST",
              help="Deze tekst is geen persoonsgegeven (bijv. een partijnaam): de openbare lijst mag hem tonen.")
@click.option("--personal", metavar="TEKST", help="Deze tekst is een persoonsgegeven: altijd weglakken.")
@click.option("--kind", type=click.Choice(PERSONAL_DATA_KINDS), default="person", show_default=True,
              help="Soort persoonsgegeven (bij --personal).")
@click.option("--by", "by", default=None, help="Wie oordeelt (standaard de gebruiker).")
@click.pass_context
def privacy_cmd(ctx: click.Context, item: str, not_personal: str | None, personal: str | None, kind: str,
                by: str | None) -> None:
    """De gevonden persoonsgegevens van een stuk met het oordeel erover; of leg een oordeel vast."""
    if not_personal and personal:
        raise click.UsageError("Geef --not-personal of --personal, niet allebei.")
    app = get_app(ctx)
    with app.sessions.begin() as s:
        it = find_item(s, item)
        if not_personal or personal:
            found = {d.text.casefold(): d.kind for d in detected_strings(it)}
            text = not_personal or personal or ""
            verdict_kind = found.get(" ".join(text.split()).casefold(), kind) if not_personal else kind
            row = mark(s, it, verdict_kind, text, "geen" if not_personal else "wel", by or getpass.getuser())
            click.echo(f"Stuk {it.registration_number}: '{row.text}' is vastgelegd als {VERDICT_WORDS[row.verdict]}.")
            return
        for d in detected_strings(it, with_mail=True):
            verdict = VERDICT_WORDS.get(d.verdict or "", "nog niet beoordeeld")
            click.echo(f"{d.kind_label:<20} {d.text:<40} {', '.join(d.sources):<24} {verdict}")
