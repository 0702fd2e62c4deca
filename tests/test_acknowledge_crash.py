"""At most one acknowledgement even across a crash: a real `griffiepost acknowledge` process is killed (SIGKILL)
after the SMTP server stored the mail and before the process heard its "250" or committed anything more. A restart
sends nothing; once the claim's lease has passed the row is 'mogelijk verzonden' for the assistant, who marks it
sent on the item page. Exactly one mail reaches the server throughout."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select

from pipeline.records import Locator
from pipeline.registry.models import Acknowledgement, Item
from pipeline.web.app import create_app
from tests.ack_support import MAILS, open_app
from tests.smtpserver import SmtpServer

ROOT = Path(__file__).resolve().parent.parent


def _config(app, port: int, path: Path) -> Path:
    s = app.settings
    path.write_text(f'[registry]\nurl = "{s.registry.url}"\ndata_dir = "{s.registry.data_dir}"\n'
                    f'[profile]\nrules_dir = "{s.profile.rules_dir}"\n'
                    f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout_s = 10.0\n', "utf-8")
    return path


def _run(config: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--config", str(config), "acknowledge"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _ack(app) -> Acknowledgement:
    with app.sessions() as s:
        ack = s.scalar(select(Acknowledgement))
        s.expunge(ack)
        return ack


def test_a_crash_after_the_server_accepted_never_sends_a_second_mail(tmp_path):
    srv = SmtpServer(tmp_path / "smtp", security="none").start()
    app = open_app(tmp_path, srv, when="filed", mode="queue")
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(), Locator(source="file", ref="brief"))
        app.worker.run_pending()  # filed; the outbox pass is left to the processes below
        config = _config(app, srv.port, tmp_path / "config.toml")

        victim = _run(config)
        srv.after_store = lambda: (os.kill(victim.pid, signal.SIGKILL), victim.wait())
        victim.wait(timeout=120)
        srv.after_store = None
        assert victim.returncode == -signal.SIGKILL
        assert len(srv.messages()) == 1  # the server has it; the killed process never heard so
        claimed = _ack(app)
        assert claimed.status == "sending" and claimed.attempts == 1 and claimed.raw_sha256

        again = _run(config)  # the restarted worker: the claim is still within its lease, nothing is resent
        out, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert "0 ontvangstbevestiging(en) verstuurd" in out and len(srv.messages()) == 1

        later = datetime.now(timezone.utc) + timedelta(hours=1)  # past the lease: shown to the assistant
        assert app.acknowledge(later) == 0 and len(srv.messages()) == 1
        ack = _ack(app)
        assert ack.status == "uncertain" and ack.attempts == 1
        assert "Mogelijk verzonden" in ack.reason and ack.message_id_header in ack.reason
        assert srv.messages()[0]["Message-ID"] == ack.message_id_header  # the assistant can look it up by this id
        assert app.acknowledge(later + timedelta(days=1)) == 0 and len(srv.messages()) == 1

        web = create_app(app)
        web.config["TESTING"] = True
        client = web.test_client()
        with app.sessions() as s:
            item_id = s.scalar(select(Item.id))
        page = client.get(f"/stukken/{item_id}").get_data(as_text=True)
        assert "Mogelijk verzonden" in page and "markeer als verstuurd" in page
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        client.post(f"/stukken/{item_id}/ontvangstbevestiging/{ack.id}",
                    data={"csrf_token": token, "action": "verzonden"})
        done = _ack(app)
        assert done.status == "sent" and "gecontroleerd" in done.reason and len(srv.messages()) == 1
    finally:
        app.close()
        srv.stop()


def test_two_passes_at_once_claim_a_row_once(tmp_path):
    """The claim is a conditional UPDATE: a second claimer of the same queued row gets nothing to send."""
    srv = SmtpServer(tmp_path / "smtp", security="none").start()
    app = open_app(tmp_path, srv, when="filed", mode="queue")
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(), Locator(source="file", ref="brief"))
        app.worker.run_pending()
        config = _config(app, srv.port, tmp_path / "config.toml")
        runs = [_run(config) for _ in range(3)]
        outputs = [r.communicate(timeout=120) for r in runs]
        assert all(r.returncode == 0 for r in runs), [e for _, e in outputs]
        assert len(srv.messages()) == 1 and _ack(app).status == "sent"
    finally:
        app.close()
        srv.stop()


def test_a_connection_lost_after_the_data_is_not_retried_by_itself(tmp_path):
    """No crash, but the server stored the mail and the connection broke before its "250": the same ambiguity,
    so the acknowledgement is 'mogelijk verzonden' at once and later passes send nothing."""
    srv = SmtpServer(tmp_path / "smtp", security="none", drop_after_data=True).start()
    app = open_app(tmp_path, srv, when="filed", mode="queue", backoff_s=1.0)
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(), Locator(source="file", ref="brief"))
        app.process_pending()
        ack = _ack(app)
        assert ack.status == "uncertain" and "verbinding brak af" in ack.reason and len(srv.messages()) == 1
        srv.drop_after_data = False
        assert app.acknowledge(datetime.now(timezone.utc) + timedelta(hours=2)) == 0 and len(srv.messages()) == 1
    finally:
        app.close()
        srv.stop()


def test_the_registry_holds_one_acknowledgement_per_item(tmp_path):
    """The unique index of migration 0007: a second row for the same item is refused by the database itself."""
    from sqlalchemy.exc import IntegrityError

    app = open_app(tmp_path, None, when="filed", mode="queue")
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(), Locator(source="file", ref="brief"))
        app.process_pending()  # planned (queued; no SMTP server configured, so nothing is sent)
        with app.sessions() as s:
            first = s.scalar(select(Acknowledgement))
            assert first is not None and first.status == "queued"
            s.add(Acknowledgement(item_id=first.item_id, recipient=first.recipient, subject="", body="",
                                  status="queued"))
            try:
                s.flush()
                raise AssertionError("a second acknowledgement for the item was stored")
            except IntegrityError:
                s.rollback()
    finally:
        app.close()
