"""`griffiepost publish`: the public (redacted) text and documents of one item or of a meeting's list."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import get_app, main
from pipeline.errors import GriffieError
from pipeline.publication import PUBLISHED, Publication, publication


def public_text_file(pub: Publication) -> str:
    """The text file beside the documents: what the item is, and its letter with personal data replaced."""
    lines = [f"Stuk {pub.registration_number} (openbare versie)", f"Afzender: {pub.sender}",
             f"Onderwerp: {pub.subject}", f"Datum brief: {pub.letter_date or 'onbekend'}", ""]
    for doc in pub.documents:
        lines.append(f"Bijlage {doc.position + 1}: {doc.filename if doc.status == PUBLISHED else ''} {doc.note}".strip())
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
    from pipeline.cli.intake_cmds import find_item

    if (item is None) == (meeting is None):
        raise click.UsageError("Geef een stuk of --meeting VERGADERING (niet allebei).")
    app = get_app(ctx)
    with app.sessions() as s:
        if meeting is not None:
            from pipeline.lists.build import list_items
            from pipeline.lists.meetings import find_meeting

            items = sorted(list_items(s, find_meeting(s, meeting)), key=lambda i: (i.list_number or 0, i.id))
            if not items:
                raise GriffieError(f"Er staan geen stukken op de lijst van vergadering {meeting}.")
        else:
            items = [find_item(s, item)]
        pubs = [publication(app, i) for i in items]  # every output checked before a single file is written
    for pub in pubs:
        _report(pub, write_publication(pub, out_dir))
