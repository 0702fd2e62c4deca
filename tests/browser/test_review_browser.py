"""The review inbox in a real headless Chromium against a real `griffiepost serve`: login, confirm, correct."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.review import STATUS_ORDER
from tests.browser.conftest import PASSWORD
from tests.review_data import LETTERS

pytestmark = pytest.mark.browser

KINDEROPVANG, ZEBRAPAD, ZIENSWIJZE = LETTERS[0][0], LETTERS[1][0], LETTERS[2][0]


def log_in(page, server) -> None:
    page.goto(server.url + "/")
    assert "/inloggen" in page.url, "without a session the inbox sends you to the login page"
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(server.url + "/")


def card(page, item_id: int):
    return page.locator(f"li#item-{item_id}")


def statuses_in_page_order(page) -> list[str]:
    classes = page.locator("ol.cards > li.card").evaluate_all("els => els.map(e => e.className)")
    return [re.search(r"status-(\w+)", c).group(1) for c in classes]


def show(server, item_id: int) -> dict:
    done = server.cli("show", str(item_id), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_assistant_confirms_one_item_and_corrects_another(page, server, tmp_path):
    log_in(page, server)
    statuses = statuses_in_page_order(page)
    assert statuses[0] == "needs_review" and statuses.count("needs_review") >= 2
    assert statuses == sorted(statuses, key=STATUS_ORDER.index), f"inbox order by status: {statuses}"
    assert len(statuses) >= len(LETTERS) + 2, "the two ingested sample mails are listed too"
    badge = page.locator("nav.filters a.filter-needs_review .badge")
    assert int(badge.inner_text()) == statuses.count("needs_review")

    zienswijze, zebrapad = server.ids[ZIENSWIJZE], server.ids[ZEBRAPAD]
    card(page, zienswijze).get_by_role("button", name=re.compile("^Bevestigen")).click()
    page.wait_for_load_state()
    assert "bevestigd" in page.locator("p.flash").first.inner_text()

    # A card links to the item page's correction form (the inbox carries no vocabularies per card).
    card(page, zebrapad).get_by_role("link", name=re.compile("^Corrigeren")).click()
    page.wait_for_url(f"{server.url}/stukken/{zebrapad}#corrigeren")
    form = page.locator("form.correct-form")
    form.get_by_label("Afhandeling").select_option("college_advies")
    form.get_by_label("Toelichting (optioneel)").fill("Eerst een preadvies van het college")
    page.screenshot(path=str(tmp_path / "stuk-correctie.png"), full_page=True)
    form.get_by_role("button", name="Correctie opslaan").click()
    page.wait_for_load_state()
    assert "gecorrigeerd: afhandeling" in page.locator("p.flash").first.inner_text()
    assert page.locator("form.correct-form").get_by_label("Afhandeling").input_value() == "college_advies"

    page.goto(server.url + "/")
    assert card(page, zienswijze).locator(".badge").first.inner_text() == "Beoordeeld"
    assert card(page, zebrapad).locator(".badge").first.inner_text() == "Beoordeeld"
    assert "advies" in card(page, zebrapad).locator("dd.handling").inner_text().lower()
    page.screenshot(path=str(tmp_path / "inbox-na-beoordeling.png"), full_page=True)

    corrected, confirmed = show(server, zebrapad), show(server, zienswijze)
    assert corrected["status"] == "reviewed" and corrected["handling"]["code"] == "college_advies"
    assert corrected["reasons"][-1] == "Gecorrigeerd door anna: afhandeling."
    assert confirmed["status"] == "reviewed" and confirmed["handling"]["code"] == "agenderen"

    card(page, zebrapad).get_by_role("link", name="2025-0002", exact=True).click()
    page.wait_for_url(f"{server.url}/stukken/{zebrapad}")
    page.screenshot(path=str(tmp_path / "stuk.png"), full_page=True)
    history = page.locator("table.decisions").inner_text()
    assert "Gecorrigeerd door anna: afhandeling van" in history and "Eerst een preadvies" in history


def test_keyboard_moves_between_items_opens_the_form_and_confirms(page, server):
    log_in(page, server)
    kinderopvang = server.ids[KINDEROPVANG]
    order = page.locator("ol.cards > li.card").evaluate_all("els => els.map(e => e.id)")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == order[0]
    position = order.index(f"item-{kinderopvang}")
    for _ in range(position):
        page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"item-{kinderopvang}"
    page.keyboard.press("c")  # opens the item page's correction form with the handling field focused
    page.wait_for_url(f"{server.url}/stukken/{kinderopvang}#corrigeren")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 'handling-{kinderopvang}'")
    page.goto(f"{server.url}/#item-{kinderopvang}")
    card(page, kinderopvang).focus()
    page.keyboard.press("b")
    page.wait_for_load_state()
    assert "bevestigd" in page.locator("p.flash").first.inner_text()
    assert card(page, kinderopvang).locator(".badge").first.inner_text() == "Beoordeeld"
    assert show(server, kinderopvang)["status"] == "reviewed"
