"""`griffiepost acknowledge`: one outbox pass (plan and send acknowledgements of receipt) and the outbox's state."""

from __future__ import annotations

import click
from sqlalchemy import select

from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, main
from pipeline.registry.models import Acknowledgement
from pipeline.vocab import ACK_STATUS_WORDS


@main.command("acknowledge")
@click.option("--json", "as_json", is_flag=True, help="De ontvangstbevestigingen als JSON.")
@click.pass_context
def acknowledge_cmd(ctx: click.Context, as_json: bool) -> None:
    """Stel ontvangstbevestigingen op en verstuur wat klaarstaat (ook mislukte pogingen waarvan de wachttijd om is)."""
    app = get_app(ctx)
    sent = app.acknowledge()
    with app.sessions() as s:
        rows = [{"id": a.id, "item": a.item.registration_number, "status": a.status, "recipient": a.recipient or None,
                 "subject": a.subject or None, "reason": a.reason, "attempts": a.attempts, "error": a.last_error,
                 "sent_at": a.sent_at.isoformat() if a.sent_at else None, "sha256": a.raw_sha256}
                for a in s.scalars(select(Acknowledgement).order_by(Acknowledgement.id))]
    if as_json:
        emit_json(rows)
        return
    click.echo(f"{sent} ontvangstbevestiging(en) verstuurd.")
    for r in rows:
        if r["status"] in ("draft", "queued", "sending", "uncertain", "failed"):
            word = ACK_STATUS_WORDS.get(r["status"], r["status"])
            click.echo(f"{r['item']}  {word:<21} {r['recipient']}  {r['error'] or ''}")
