"""Review domain functions against a migrated SQLite registry: confirm, correct, reviewed_examples, users."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date

import pytest
from sqlalchemy import select

from pipeline.errors import GriffieError, NotFound
from pipeline.registry.models import AuditEntry, Decision, Item, Meeting, User
from pipeline.registry.view import item_view
from pipeline.review import confirm, correct, inbox_items, reviewed_examples, status_counts
from pipeline.users import add_user, authenticate, can, hash_password, list_users, verify_password
from tests.review_data import LETTERS, VERKEER, WONEN, fill, open_registry

ZEBRAPAD = LETTERS[1][0]
KINDEROPVANG = LETTERS[0][0]


@pytest.fixture
def registry(tmp_path):
    _, sessions = open_registry(tmp_path)
    return sessions, fill(sessions)


def test_confirm_marks_reviewed_and_records_a_confirmation_per_judged_field(registry):
    sessions, ids = registry
    with sessions.begin() as s:
        result = confirm(s, ids[ZEBRAPAD], "anna")
    assert result.status == "reviewed" and result.changes == {}
    with sessions() as s:
        item = s.get(Item, ids[ZEBRAPAD])
        assert (item.status, item.reviewed_by) == ("reviewed", "anna")
        assert item.reviewed_at is not None
        mine = s.scalars(select(Decision).where(Decision.item_id == item.id, Decision.source == "person:anna")).all()
        assert {d.field for d in mine} == {"sender_kind", "document_kind", "on_list", "topic", "handling", "committee"}
        assert all(d.actor == "anna" and d.reasons == ["Voorstel bevestigd door anna."] for d in mine)
        assert next(d.value for d in mine if d.field == "handling") == "vka"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.item_id == item.id)).all()
        assert [a.action for a in audit] == ["item_confirmed"]
        assert audit[0].detail["previous_status"] == "needs_review"


def test_correct_changes_fields_analysis_and_records_dutch_reasons(registry):
    sessions, ids = registry
    with sessions.begin() as s:
        result = correct(s, ids[ZEBRAPAD], "anna", handling_code="college_afdoening", topic_code=VERKEER,
                         on_list="ja", letter_date="2025-06-04", subject="Verzoek om een zebrapad", note="belt morgen")
    # topic and on_list were unchanged: only real changes count
    assert set(result.changes) == {"handling_code", "letter_date", "subject"}
    assert result.changes["handling_code"] == ("vka", "college_afdoening")
    with sessions() as s:
        item = s.get(Item, ids[ZEBRAPAD])
        assert item.status == "reviewed" and item.handling_code == "college_afdoening"
        assert item.letter_date == date(2025, 6, 4) and item.subject == "Verzoek om een zebrapad"
        doc = item_view(item).as_json()  # the item's JSON is a view of Item + decisions (issue 16)
        assert doc["handling"]["code"] == "college_afdoening"
        assert doc["letter"] == {**doc["letter"], "date": "2025-06-04", "subject": "Verzoek om een zebrapad"}
        assert doc["reasons"][-1].startswith("Gecorrigeerd door anna")
        assert doc["provenance"]["handling"]["source"] == "person:anna"
        assert item.analysis["handling"]["code"] == "vka"  # the stored analysis stays as filed
        d = s.scalar(select(Decision).where(Decision.item_id == item.id, Decision.field == "handling",
                                            Decision.source == "person:anna"))
        assert d.value == "college_afdoening" and d.actor == "anna"
        assert d.reasons[0].startswith("Gecorrigeerd door anna: afhandeling van vka")
        assert d.reasons[1] == "Toelichting: belt morgen"
        audit = s.scalar(select(AuditEntry).where(AuditEntry.item_id == item.id))
        assert audit.action == "item_corrected"
        assert audit.detail["changes"]["handling_code"] == ["vka", "college_afdoening"]


def test_correct_sender_keeps_private_person_anonymous_and_uses_profile_words(registry, tmp_path):
    from pipeline.config import PROJECT_ROOT
    from pipeline.rules import load_profile

    profiles = sorted((PROJECT_ROOT / "rules" / "profiles").glob("*.toml"))
    if not any(p.stem == "nieuwkoop" for p in profiles):
        pytest.skip("the Nieuwkoop profile has not landed in rules/profiles yet")
    profile = load_profile(PROJECT_ROOT / "rules", "nieuwkoop")
    sessions, ids = registry
    with sessions.begin() as s:
        correct(s, ids[KINDEROPVANG], "anna", profile=profile, sender_kind="inwoner", handling_code="agenderen",
                topic_code=WONEN)
    with sessions() as s:
        item = s.get(Item, ids[KINDEROPVANG])
        assert item.public_label.startswith("inwoner") and "LVKK" not in item.public_label
        doc = item_view(item, profile).as_json()
        assert doc["sender"]["public_label"] == item.public_label
        assert doc["handling"]["local_code"] == profile.handling["agenderen"][0]
        assert item.committee == profile.committee_for(WONEN)


def test_correct_without_changes_is_a_confirmation(registry):
    sessions, ids = registry
    with sessions.begin() as s:
        result = correct(s, ids[ZEBRAPAD], "anna", handling_code="vka", on_list="ja")
    assert result.changes == {} and result.status == "reviewed"


def test_niet_op_lijst_takes_the_item_off_the_list(registry):
    sessions, ids = registry
    with sessions.begin() as s:
        result = correct(s, ids[ZEBRAPAD], "anna", handling_code="niet_op_lijst")
    assert result.changes["on_list"] == (True, False)


@pytest.mark.parametrize("fields, words", [
    ({"handling_code": "weggooien"}, "Ongeldige waarde 'weggooien' voor afhandeling"),
    ({"topic_code": "c_000"}, "Onbekend onderwerp"),
    ({"letter_date": "5 juni"}, "Ongeldige datum"),
    ({"on_list": "misschien"}, "ja of nee"),
    ({"status": "listed"}, "kunnen niet worden gecorrigeerd"),
])
def test_correct_refuses_values_outside_the_vocabularies(registry, fields, words):
    sessions, ids = registry
    with pytest.raises(GriffieError, match=words), sessions.begin() as s:
        correct(s, ids[ZEBRAPAD], "anna", **fields)
    with sessions() as s:
        assert s.get(Item, ids[ZEBRAPAD]).status == "needs_review"


def test_frozen_list_and_unknown_item_are_refused(registry):
    sessions, ids = registry
    with sessions.begin() as s:
        meeting = Meeting(date=date(2025, 7, 1), body="raad", status="vastgesteld")
        s.add(meeting)
        s.flush()
        s.get(Item, ids[KINDEROPVANG]).meeting_id = meeting.id
    with pytest.raises(GriffieError, match="vastgestelde lijst"), sessions.begin() as s:
        confirm(s, ids[KINDEROPVANG], "anna")
    with pytest.raises(NotFound, match="999"), sessions.begin() as s:
        confirm(s, 999, "anna")


def test_reviewed_examples_are_the_reviewed_items_with_their_labels(registry):
    sessions, ids = registry
    with sessions() as s:
        assert reviewed_examples(s) == []
    with sessions.begin() as s:
        confirm(s, ids[KINDEROPVANG], "anna")
        correct(s, ids[ZEBRAPAD], "anna", handling_code="college_afdoening", document_kind="brief")
    with sessions() as s:
        rows = reviewed_examples(s)
    assert [(r["topic"], r["handling"], r["document_kind"]) for r in rows] == [
        (LETTERS[0][4], "vka", "rondzendbrief"), (VERKEER, "college_afdoening", "brief")]
    assert rows[1]["text"].startswith("Geachte raad, bij de Lindelaan")
    assert {"text", "topic", "handling", "document_kind"} <= set(rows[0])


def test_inbox_puts_needs_review_first_and_counts_statuses(registry):
    sessions, _ = registry
    with sessions() as s:
        statuses = [i.status for i in inbox_items(s)]
        counts = status_counts(s)
    assert statuses == ["needs_review", "needs_review", "triaged", "ignored"]
    assert counts["needs_review"] == 2 and counts["triaged"] == 1 and counts["reviewed"] == 0


def test_users_hash_roles_and_authentication(registry):
    sessions, _ = registry
    stored = hash_password("geheim-wachtwoord")
    assert stored.startswith("scrypt:") and "geheim" not in stored  # Werkzeug's format
    assert verify_password("geheim-wachtwoord", stored) and not verify_password("geheim-wachtwoorD", stored)
    assert not verify_password("x", "md5$abc")
    with sessions.begin() as s:
        add_user(s, "anna", "assistent", "geheim-wachtwoord")
        add_user(s, "gijs", "griffier", "nog-geheimer")
    with pytest.raises(GriffieError, match="bestaat al"), sessions.begin() as s:
        add_user(s, "anna", "lezer", "anders-wachtwoord")
    with pytest.raises(GriffieError, match="minstens 8"), sessions.begin() as s:
        add_user(s, "piet", "lezer", "kort")
    with pytest.raises(GriffieError, match="Onbekende rol"), sessions.begin() as s:
        add_user(s, "piet", "wethouder", "lang-genoeg")
    with sessions() as s:
        assert [(u.name, u.role) for u in list_users(s)] == [("anna", "assistent"), ("gijs", "griffier")]
        assert authenticate(s, "anna", "geheim-wachtwoord").name == "anna"
        assert authenticate(s, "anna", "fout-wachtwoord") is None
        assert authenticate(s, "niemand", "geheim-wachtwoord") is None
        assert s.scalar(select(User.password_hash).where(User.name == "anna")) != "geheim-wachtwoord"
    assert can("assistent", "review") and not can("assistent", "manage_users") and not can("assistent", "adopt")
    assert can("griffier", "adopt") and can("griffier", "manage_users")
    assert can("lezer", "read") and not can("lezer", "review") and not can(None, "read")


def _old_format_hash(password: str) -> str:
    """A hash exactly as the hand-made format before Werkzeug's stored it: 'scrypt$n$r$p$salt$hash' (hex)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${2**14}$8$1${salt.hex()}${digest.hex()}"


def test_an_old_format_hash_still_verifies_and_is_replaced_at_the_next_login(registry):
    sessions, _ = registry
    old = _old_format_hash("oud-wachtwoord")
    assert verify_password("oud-wachtwoord", old) and not verify_password("oud-wachtwoorD", old)
    with sessions.begin() as s:
        add_user(s, "lotte", "lezer", "tijdelijk-wachtwoord")
    with sessions.begin() as s:
        s.scalar(select(User).where(User.name == "lotte")).password_hash = old
    with sessions.begin() as s:
        assert authenticate(s, "lotte", "fout-wachtwoord") is None
    with sessions() as s:
        assert s.scalar(select(User.password_hash).where(User.name == "lotte")) == old  # a failed login changes nothing
    with sessions.begin() as s:
        assert authenticate(s, "lotte", "oud-wachtwoord").name == "lotte"
    with sessions() as s:
        upgraded = s.scalar(select(User.password_hash).where(User.name == "lotte"))
        assert upgraded.startswith("scrypt:") and verify_password("oud-wachtwoord", upgraded)
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "password_rehashed")) is not None
    with sessions.begin() as s:
        assert authenticate(s, "lotte", "oud-wachtwoord").name == "lotte"  # and the new hash works at the next login
