"""Issue 14 in a real Chromium with enough items for several pages: paging (next, previous, page numbers) keeps the
search and filters in the URL, and every filter of the inbox narrows to the number its option shows."""

from __future__ import annotations

import re

import pytest

from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.users import add_user
from tests.browser.conftest import PASSWORD, Server, serving
from tests.browser.test_inbox_browser import shot
from tests.browser.test_review_browser import log_in
from tests.test_inbox import many

pytestmark = pytest.mark.browser
N = 130  # 130 letters from "Stichting Voorbeeld" and one citizen: three pages of 50


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """Its own registry and `serve` (the shared one has four letters, too few to page), one IMAP account."""
    tmp = tmp_path_factory.mktemp("paging")
    config = tmp / "config.toml"
    config.write_text(f'[registry]\nurl = "sqlite:///{tmp}/register.db"\ndata_dir = "{tmp}/data"\n\n'
                      f'[web]\nrequire_login = true\nsecure_cookies = false\n\n'
                      f'[[imap.accounts]]\nname = "griffie"\nhost = "127.0.0.1"\n', encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp}/register.db")
    migrate(engine)
    sessions = session_factory(engine)
    ids = many(sessions, n=N)
    with sessions.begin() as s:
        add_user(s, "anna", "assistent", PASSWORD)
        add_user(s, "gijs", "griffier", PASSWORD)
    engine.dispose()
    yield from serving(Server("", config, {str(k): v for k, v in ids.items()}, tmp))


def cards(page) -> list[str]:
    return page.locator("ol.cards > li.card").evaluate_all("els => els.map(e => e.id)")


def shown_total(page) -> int:
    return int(re.match(r"(\d+) stuk", page.locator("p.result-count").inner_text()).group(1))


def test_paging_walks_the_pages_and_keeps_search_and_sort(page, big):
    log_in(page, big)
    page.get_by_label("Zoeken", exact=True).fill("Voorbeeld")
    page.get_by_label("Sorteren").select_option("oudste")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"q=Voorbeeld"))
    assert "pagina 1 van 3" in page.locator("p.result-count").inner_text()
    seen = [cards(page)]
    pages = page.get_by_role("navigation", name="Pagina's")
    pages.get_by_role("link", name=re.compile("Volgende")).click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "q=Voorbeeld" in page.url and "sort=oudste" in page.url
    assert "pagina 2 van 3" in page.locator("p.result-count").inner_text()
    seen.append(cards(page))
    shot(page, "postvak-pagina-2")
    pages.get_by_role("link", name="Pagina 3", exact=True).click()
    page.wait_for_url(re.compile(r"page=3"))
    seen.append(cards(page))
    assert pages.get_by_role("link", name=re.compile("Volgende")).count() == 0, "the last page has no next"
    assert page.get_by_label("Zoeken", exact=True).input_value() == "Voorbeeld"
    assert page.get_by_label("Sorteren").input_value() == "oudste"
    pages.get_by_role("link", name=re.compile("Vorige")).click()
    page.wait_for_url(re.compile(r"page=2"))
    assert cards(page) == seen[1], "back on page 2, the same cards"
    assert [len(p) for p in seen] == [50, 50, shown_total(page) - 100]
    every = [c for p in seen for c in p]
    assert len(every) == len(set(every)) == shown_total(page), "each item on exactly one page"
    # oldest first across the pages: item ids were created in order of arrival
    numbers = [int(c.split("-")[1]) for c in every]
    assert numbers == sorted(numbers)
    # a filter chosen on page 2 starts again at page 1 and keeps the search
    page.get_by_label("Afhandeling").select_option("agenderen")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"handling=agenderen"))
    assert "q=Voorbeeld" in page.url and "page=" not in page.url


@pytest.mark.parametrize("label", ["Vergadering", "Onderwerp", "Afhandeling", "Commissie", "Soort afzender",
                                   "Postvak"])
def test_each_filter_shows_as_many_items_as_its_option_says(page, big, label):
    log_in(page, big)
    select = page.get_by_label(label, exact=True)
    options = select.locator("option").evaluate_all(
        "els => els.filter(e => e.value && / \\((\\d+)\\)$/.test(e.textContent) && !/ \\(0\\)$/.test(e.textContent))"
        ".map(e => [e.value, e.textContent])")
    assert options, f"{label}: no value with items"
    value, text = min(options, key=lambda o: int(re.search(r"\((\d+)\)$", o[1]).group(1)))
    select.select_option(value)
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"[?&]\w+=" + re.escape(value).replace("\\ ", "(\\+|%20)")))
    expected = int(re.search(r"\((\d+)\)$", text).group(1))
    assert shown_total(page) == expected, (label, value)
    assert len(cards(page)) == min(50, expected)
    assert page.get_by_label(label, exact=True).input_value() == value, "the choice stays selected"


def test_period_status_tabs_and_sort(page, big):
    log_in(page, big)
    page.get_by_label("Ontvangen vanaf").fill("2025-03-10")
    page.get_by_label("Ontvangen tot en met").fill("2025-03-12")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"van=2025-03-10&tot=2025-03-12"))
    assert shown_total(page) == 3  # one letter a day from 2 March
    page.goto(big.url + "/")
    tab = page.get_by_role("navigation", name="Filter op status").get_by_role("link", name=re.compile("^Te beoordelen"))
    wanted = int(tab.locator("span.badge").inner_text())
    tab.click()
    page.wait_for_url(re.compile(r"status=needs_review"))
    assert shown_total(page) == wanted == N // 2
    page.get_by_label("Sorteren").select_option("nummer")
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(r"sort=nummer"))
    assert "status=" in page.url, "the status tab is kept when sorting"


def test_pages_fit_1366_pixels_wide_adopt_form_included(browser, big):
    """A griffie laptop: 1366 x 768. No page scrolls sideways and no form sticks out on the right."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
    page = context.new_page()
    page.goto(big.url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("gijs")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(big.url + "/")
    meeting = big.ids["meeting"]
    for path in ("/", f"/stukken/{big.ids['9']}", f"/lijsten/{meeting}", "/lijsten", "/gebruikers"):
        assert page.goto(big.url + path).status == 200, path
        wide = page.evaluate("""() => {
            const out = [];
            if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth);
            for (const el of document.querySelectorAll('form, table, select, input, button, textarea')) {
                const r = el.getBoundingClientRect();
                if (r.width && r.right > window.innerWidth + 0.5) out.push(el.tagName + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.right));
            }
            return out;
        }""")
        assert wide == [], (path, wide)
        if path.startswith("/lijsten/"):
            assert page.get_by_role("heading", name="Lijst vaststellen").count() == 1, "the adopt form is on it"
            shot(page, "lijst-1366")
    context.close()
