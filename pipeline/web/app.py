"""Flask application factory; the registry comes in through the App, nothing global."""

from __future__ import annotations

import os
import secrets

from flask import Flask

from pipeline.vocab import TOPIC_BY_CODE
from pipeline.web.acknowledge import acknowledge_bp
from pipeline.web.accounts import accounts_bp
from pipeline.web.auth import init_auth
from pipeline.web.deadlines import deadlines_bp
from pipeline.web.lists import lists_bp
from pipeline.web.mailboxes import mailboxes_bp
from pipeline.web.originals import originals_bp
from pipeline.web.publication import publication_bp
from pipeline.web.review import review_bp
from pipeline.web.work import work_bp


def create_app(app) -> Flask:
    web = Flask(__name__)
    web.config["SECRET_KEY"] = os.environ.get(app.settings.web.secret_key_env) or secrets.token_hex(32)
    web.extensions["griffiepost"] = app

    @web.template_filter("topic")
    def topic_label(code: str | None) -> str:
        return TOPIC_BY_CODE[code].label if code in TOPIC_BY_CODE else "—"

    init_auth(web)  # login (when web.require_login), roles and CSRF for every POST
    web.register_blueprint(review_bp)  # the inbox ("/", endpoint "inbox"), items, quarantine, users
    web.register_blueprint(lists_bp)  # meetings and the lijst ingekomen stukken ("/lijsten")
    web.register_blueprint(publication_bp)  # public (redacted) item pages and documents
    web.register_blueprint(mailboxes_bp)  # IMAP status per account and folder ("/postvakken")
    web.register_blueprint(deadlines_bp)  # zienswijze and afdoening terms ("/termijnen")
    web.register_blueprint(acknowledge_bp)  # acknowledgement of receipt on the item page
    web.register_blueprint(accounts_bp)  # a griffier manages users
    web.register_blueprint(originals_bp)  # the original mail and attachments, inline, for reviewers
    web.register_blueprint(work_bp)  # assignment, internal notes, "mijn stukken"

    @web.get("/health")
    def health():
        return {"status": "ok"}

    return web
