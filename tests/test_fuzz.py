"""Fuzzing (Hypothesis): every input ends in a stored state with a Dutch reason, within the limits, no traceback.

`make test` runs a small budget (profile "ci"); `make fuzz` runs the same properties much longer
(HYPOTHESIS_PROFILE=fuzz). A failure prints the smallest input that breaks the property."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.app import App
from pipeline.config import load_settings
from pipeline.errors import ConfigError, GriffieError, RuleError
from pipeline.extract import ExtractLimits, extract_attachment
from pipeline.records import ATTACHMENT_STATUSES, AttachmentPart, Locator
from pipeline.registry.models import Message
from pipeline.rules import load_ruleset
from pipeline.stages.parse import ParseError, parse_message
from tests.conftest import sample_settings
from tests.fuzz_strategies import FORWARD_LINES, message, pdf_bytes, toml_document

settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz", parent=settings.get_profile("ci"), max_examples=2000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SECONDS_PER_MESSAGE = 20  # the bound a hostile message must stay within (PDF timeouts included)
# Reasons a person reads: these words mean a library's or Python's English text leaked into them.
ENGLISH = ("Traceback", "Error:", "Exception", " object ", "is not ", "cannot ", "invalid ", "unexpected ")
STATES = {"filed", "ignored", "quarantined"}


def _dutch(text: str) -> None:
    assert text and text.strip(), "an empty reason"
    for word in ENGLISH:
        assert word not in text, f"English in a reason: {text!r}"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz-registry")
    application = App.open(sample_settings(tmp))
    _ = application.worker.pipeline  # rules and models once
    yield application
    application.close()


_seen = iter(range(10**9))


def _through_the_worker(app: App, raw: bytes) -> Message:
    accepted = app.intake.accept(raw, Locator("file", f"/fuzz/{next(_seen)}.eml"), actor="fuzz")
    with app.sessions.begin() as s:
        msg = s.get(Message, accepted.message_id)
        if msg.state != "received":  # the same bytes drawn twice: its earlier outcome stands
            return msg
    assert app.worker.claim(accepted.message_id)
    started = time.monotonic()
    app.worker.process(accepted.message_id)
    assert time.monotonic() - started < SECONDS_PER_MESSAGE
    with app.sessions() as s:
        return s.get(Message, accepted.message_id)


def _check_stored(app: App, msg: Message) -> None:
    assert msg.state in STATES, msg.state
    if msg.state == "quarantined":
        _dutch(msg.last_error)
        assert not msg.last_error.startswith("Onverwachte fout"), msg.traceback  # a bug, not a policy
        return
    with app.sessions() as s:
        item = s.get(Message, msg.id).item
        assert item is not None
        doc = item.analysis
    assert doc["reasons"], "an item without reasons"
    for reason in doc["reasons"]:
        assert isinstance(reason, str) and "Traceback" not in reason
    for att in doc["attachments"]:
        assert att["status"] in ATTACHMENT_STATUSES
        if att["status"] not in ("ok", "ocr"):
            _dutch(att["error"])


@given(raw=message())
def test_fuzz_mime_structure_and_headers(app, raw):
    _check_stored(app, _through_the_worker(app, raw))


@given(lines=st.lists(st.sampled_from(FORWARD_LINES), min_size=1, max_size=40),
       subject=st.sampled_from(["Fwd: brief", "Doorgestuurd: zienswijze", "TR: x", "WG: ", "Fw: Fw: Fw:"]))
def test_fuzz_forward_markers(app, lines, subject):
    body = "\r\n".join(lines).encode("utf-8")
    raw = (f"From: griffie@waterlinde.nl\r\nTo: raad@waterlinde.nl\r\nSubject: {subject}\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\n").encode() + body
    _check_stored(app, _through_the_worker(app, raw))


@given(data=pdf_bytes())
def test_fuzz_pdf_bytes_into_the_extraction_child(data):
    limits = ExtractLimits(pdf_timeout_s=10, ocr_timeout_s_per_page=10, ocr_max_pages=1)
    started = time.monotonic()
    result = extract_attachment(AttachmentPart("brief.pdf", "application/pdf", data), limits)
    assert time.monotonic() - started < SECONDS_PER_MESSAGE
    assert result.status in ATTACHMENT_STATUSES
    if result.status not in ("ok", "ocr"):
        _dutch(result.error)


RULE_FILES = ["senders.toml", "keywords.toml", "organisations.toml", "headers.toml", "subjects.toml",
              "offlist.toml", "conditions.toml", "handling.toml", "chain.toml"]
RULE_TABLES = ["sender", "organisation", "keyword", "subject", "header", "offlist", "condition", "handling", "step"]
RULE_KEYS = ["name", "organisation", "kind", "addresses", "domains", "names", "all", "none", "scope",
             "document_kind", "handling", "on_list", "confidence", "rules", "action", "field", "pattern", "header"]


@pytest.fixture(scope="module")
def rules_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz-rules") / "rules"
    shutil.copytree(ROOT / "rules", root)
    return root


@given(name=st.sampled_from(RULE_FILES), text=toml_document(RULE_TABLES, RULE_KEYS), keep=st.booleans())
def test_fuzz_rule_toml(rules_copy, name, text, keep):
    target = rules_copy / name
    original = (ROOT / "rules" / name).read_text(encoding="utf-8")
    target.write_text(original + "\n" + text if keep else text, encoding="utf-8")
    try:
        load_ruleset(rules_copy, "generiek")
    except RuleError as e:
        _dutch(str(e))
    finally:
        target.write_text(original, encoding="utf-8")


CONFIG_TABLES = ["registry", "profile", "models", "intake", "limits", "web", "imap", "imap.accounts",
                 "imap.accounts.oauth2"]
CONFIG_KEYS = ["url", "data_dir", "name", "port", "host", "security", "after_filing", "flow", "provider",
               "worker_memory_mb", "max_message_bytes", "review_threshold", "folders", "poll_interval_s",
               "busy_timeout_s", "max_headers", "echo_sql", "require_login"]


@given(text=toml_document(CONFIG_TABLES, CONFIG_KEYS), env_db=st.booleans())
def test_fuzz_config_toml(tmp_path, text, env_db):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_settings(path, env={"GRIFFIEPOST_DB": "sqlite:///x.db"} if env_db else {})
    except ConfigError as e:
        _dutch(str(e))
        assert "config.toml" in str(e)


@given(raw=st.binary(max_size=2000))
def test_fuzz_raw_bytes_parse_or_refuse(raw):
    try:
        parse_message(raw)
    except (ParseError, GriffieError) as e:
        _dutch(str(e))
