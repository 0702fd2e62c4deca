"""Working together: assign an item to a colleague, internal notes, 'mijn stukken' (POST + CSRF, audited)."""

from __future__ import annotations

from sqlalchemy import select

from pipeline.registry.models import AuditEntry, Item
from tests.review_data import LETTERS
from tests.test_review_web import login, site, token  # noqa: F401  (site is a fixture)

ZEBRAPAD = LETTERS[1][0]


def test_assign_note_and_my_items(site):  # noqa: F811
    app, client, ids = site
    login(client, "anna")
    item = ids[ZEBRAPAD]
    html = client.get(f"/stukken/{item}").get_data(as_text=True)
    assert '<option value="gijs"' in html and '<option value="lotte"' not in html, "a reader cannot review"
    assert client.post(f"/stukken/{item}/toewijzen", data={"to": "gijs"}).status_code == 400, "CSRF"
    client.post(f"/stukken/{item}/toewijzen", data={"to": "gijs", "csrf_token": token(html)})
    refused = client.post(f"/stukken/{item}/toewijzen", data={"to": "lotte", "csrf_token": token(html)},
                          follow_redirects=True).get_data(as_text=True)
    assert "geen collega die stukken mag beoordelen" in refused
    client.post(f"/stukken/{item}/notities", data={"text": "Even bellen met de school <b>eerst</b>",
                                                   "csrf_token": token(html)})
    page = client.get(f"/stukken/{item}").get_data(as_text=True)
    assert "Toegewezen aan <strong>gijs</strong>" in page
    assert "Even bellen met de school &lt;b&gt;eerst&lt;/b&gt;" in page
    with app.sessions() as s:
        assert s.get(Item, item).assigned_to == "gijs"
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.item_id == item))]
    assert actions.count("item_assigned") == 1 and "item_note_added" in actions
    assert client.get(f"/publiek/stukken/{item}").status_code in (302, 403, 404) or \
        "Even bellen" not in client.get(f"/publiek/stukken/{item}").get_data(as_text=True)

    client.post("/uitloggen", data={"csrf_token": token(page)})
    login(client, "gijs")
    r = client.get("/mijn-stukken")
    assert r.status_code == 302 and r.headers["Location"].endswith("/?toegewezen=gijs")
    mine = client.get("/?toegewezen=gijs").get_data(as_text=True)
    assert f'id="item-{item}"' in mine and f'id="item-{ids[LETTERS[2][0]]}"' not in mine
    assert "1 stuk toegewezen aan gijs" in mine
