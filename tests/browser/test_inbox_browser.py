"""Issue 14 in a real Chromium: search, filters, bulk confirm, the inline original, span decisions, assignment and
notes, Dutch error pages, and axe-core (injected from npm) on inbox, item, list, public list and login pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.test_review_browser import card, log_in
from tests.browser.conftest import BULK
from tests.review_data import LETTERS

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ZEBRAPAD = LETTERS[1][0]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page."""
    if not AXE.exists():
        pytest.skip("axe-core is missing: run 'npm install --prefix tests/browser' (make test does)")
    # Evaluated through the DevTools protocol, which the page's CSP (no inline script) does not govern; a
    # <script> tag would be refused, and switching the policy off would test another page than users get.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                           .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
    }""")
    return result


@pytest.fixture(scope="module")
def meeting(server) -> int:
    done = server.cli("meetings", "add", "2025-07-01", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["id"]


@pytest.fixture
def csp_errors(page):
    """Console messages about a blocked resource: the pages must work under their own policy."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    return seen


def test_search_filter_and_the_choice_in_the_url(page, server, csp_errors):
    log_in(page, server)
    page.get_by_label("Zoeken", exact=True).fill("zebrapad")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url(re.compile(r"q=zebrapad"))
    ids = page.locator("ol.cards > li.card").evaluate_all("els => els.map(e => e.id)")
    assert ids == [f"item-{server.ids[ZEBRAPAD]}"]
    page.get_by_role("link", name="Alles wissen").click()
    page.wait_for_url(server.url + "/")
    page.get_by_label("Onderwerp").select_option("c_849842ac")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"topic=c_849842ac"))
    assert page.locator("ol.cards > li.card").count() == 1
    option = page.locator("#f-topic option[value=c_849842ac]").inner_text()
    assert option == "verkeer (1)"
    page.reload()  # the choice lives in the URL
    assert page.get_by_label("Onderwerp").input_value() == "c_849842ac"
    shot(page, "postvak-gefilterd")
    assert csp_errors == []


def test_bulk_confirm_of_ticked_items(page, server):
    """The two items the server fixture made for this test (BULK) are ticked and confirmed in one go; the review
    letters test_review_browser works on stay waiting."""
    log_in(page, server)
    page.goto(server.url + "/?status=needs_review")
    mine = [server.ids[subject] for subject in BULK]
    for item in mine:
        card(page, item).locator("input.select").check()
    page.get_by_role("button", name="Geselecteerde stukken bevestigen").click()
    page.wait_for_load_state()
    flash = page.locator("p.flash").first.inner_text()
    assert flash.startswith("2 stukken bevestigd: ") and sorted(flash[21:-1].split(", ")) == ["2025-0091", "2025-0092"]
    for item in mine:
        done = server.cli("show", str(item), "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["status"] == "reviewed"


def test_item_page_original_spans_assignment_and_notes(page, server, csp_errors):
    log_in(page, server)
    item = server.ids[ZEBRAPAD]
    page.goto(f"{server.url}/stukken/{item}")
    assert page.locator("pre.letter mark.pd-person", has_text="Jan de Vries").count() == 1
    shot(page, "stuk")
    row = page.locator("table.personal-data tr", has_text="Jan de Vries")
    row.get_by_role("button", name="Geen persoonsgegeven").click()
    page.wait_for_load_state()
    assert page.locator("pre.letter mark.pd-geen", has_text="Jan de Vries").count() == 1
    page.get_by_label("Toewijzen aan").select_option("anna")
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    page.wait_for_load_state()
    assert "Toegewezen aan anna" in page.locator("#samenwerken").inner_text()
    page.get_by_label("Nieuwe notitie").fill("Eerst de school bellen.")
    page.get_by_role("button", name="Notitie opslaan").click()
    page.wait_for_load_state()
    assert "Eerst de school bellen." in page.locator("ul.notes").inner_text()
    page.get_by_role("link", name="Mijn stukken").click()
    page.wait_for_url(re.compile(r"toegewezen=anna"))
    assert card(page, item).count() == 1
    # this test letter was put in the registry directly, so its raw mail is not kept: a Dutch 404, no 500
    missing = page.request.get(f"{server.url}/stukken/{item}/origineel")
    assert missing.status == 404 and "niet (meer) bewaard" in missing.text()
    assert csp_errors == []


def test_sample_pdf_opens_inline_in_the_browser(page, server):
    log_in(page, server)
    page.goto(server.url + "/?q=bestuurssecretariaat@vrrp.nl")  # the sample mail, by its sender address
    page.locator("ol.cards a.regnr").first.click()
    page.wait_for_url(re.compile(r"/stukken/\d+$"))
    link = page.get_by_role("link", name=re.compile("origineel bekijken")).first
    assert link.count() == 1, "010_veiligheidsregio_zienswijze.eml carries a PDF"
    mail = page.request.get(page.url.split("#")[0] + "/origineel")
    assert mail.ok and mail.headers["content-type"].startswith("text/plain")
    response = page.request.get(server.url + link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"


def test_dutch_error_pages(page, server):
    log_in(page, server)
    for path in ("/stukken/99999999999999999999", "/bestaat-niet"):
        response = page.goto(server.url + path)
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Niet gevonden"
        assert page.evaluate("document.documentElement.lang") == "nl"


def test_no_serious_accessibility_violations(page, server, meeting):
    page.goto(server.url + "/inloggen")
    found = {"login": axe_violations(page)}
    log_in(page, server)
    found["inbox"] = axe_violations(page)
    shot(page, "postvak")
    page.goto(f"{server.url}/stukken/{server.ids[ZEBRAPAD]}")
    found["item"] = axe_violations(page)
    page.goto(f"{server.url}/lijsten/{meeting}")
    found["list"] = axe_violations(page)
    shot(page, "lijst")
    page.goto(f"{server.url}/lijsten/{meeting}/openbaar")
    found["public list"] = axe_violations(page)
    assert found == {name: [] for name in found}, found
