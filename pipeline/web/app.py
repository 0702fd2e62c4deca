"""Flask application factory; the registry comes in through the App, nothing global."""

from __future__ import annotations

import os
import secrets

from flask import Flask, abort, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.registry.models import Item, Message
from pipeline.vocab import TOPIC_BY_CODE


def create_app(app) -> Flask:
    web = Flask(__name__)
    web.config["SECRET_KEY"] = os.environ.get(app.settings.web.secret_key_env) or secrets.token_hex(32)
    web.extensions["griffiepost"] = app

    @web.template_filter("topic")
    def topic_label(code: str | None) -> str:
        return TOPIC_BY_CODE[code].label if code in TOPIC_BY_CODE else "—"

    @web.get("/")
    def inbox():
        with app.sessions() as s:
            rows = list(s.scalars(select(Item).options(selectinload(Item.meeting)).order_by(Item.id.desc())))
            quarantined = s.scalar(select(Message.id).where(Message.state == "quarantined").limit(1)) is not None
        return render_template("inbox.html", items=rows, quarantined=quarantined)

    @web.get("/stukken/<int:item_id>")
    def item_detail(item_id: int):
        with app.sessions() as s:
            item = s.get(Item, item_id)
            if item is None:
                abort(404)
            decisions = list(item.decisions)
        return render_template("item.html", item=item, doc=item.analysis, decisions=decisions)

    @web.get("/health")
    def health():
        return {"status": "ok"}

    return web
