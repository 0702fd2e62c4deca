"""The original beside the proposal: the mail and each attachment inline for reviewers, highlighted personal data."""

from __future__ import annotations

import re

from sqlalchemy import select

from pipeline.registry.models import Attachment, Item, User
from tests.test_review_web import login, make_web


def test_reviewer_sees_the_original_mail_and_pdf_inline_a_reader_and_visitor_do_not(sample_app):
    from dataclasses import replace

    from pipeline.app import App
    from pipeline.users import add_user
    from pipeline.web.app import create_app

    app = App.open(replace(sample_app.settings, web=replace(sample_app.settings.web, require_login=True)))
    with app.sessions.begin() as s:
        for name, role in (("anna", "assistent"), ("lotte", "lezer")):
            if s.scalar(select(User.id).where(User.name == name)) is None:  # the session registry is shared
                add_user(s, name, role, "correct-paard-batterij")
        pdf = s.scalars(select(Attachment).where(Attachment.content_type == "application/pdf",
                                                 Attachment.status == "ok")).first()
        item = s.scalars(select(Item).where(Item.message_id == pdf.message_id)).one()
        item_id, position, address = item.id, pdf.position, item.message.from_address
    web = create_app(app)
    visitor = web.test_client()
    assert visitor.get(f"/stukken/{item_id}/bijlagen/{position}").status_code == 302, "to the login page"
    reader = web.test_client()
    login(reader, "lotte")
    assert reader.get(f"/stukken/{item_id}/bijlagen/{position}").status_code == 403
    anna = web.test_client()
    login(anna, "anna")
    r = anna.get(f"/stukken/{item_id}/bijlagen/{position}")
    assert r.status_code == 200 and r.data.startswith(b"%PDF-") and r.headers["Content-Type"] == "application/pdf"
    assert r.headers["Content-Disposition"].startswith("inline;") and r.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src" not in r.headers["Content-Security-Policy"] and "default-src 'none'" in \
        r.headers["Content-Security-Policy"]
    mail = anna.get(f"/stukken/{item_id}/origineel")
    assert mail.status_code == 200 and mail.headers["Content-Type"].startswith("text/plain")
    assert b"Subject:" in mail.data or b"subject:" in mail.data.lower()
    page = anna.get(f"/stukken/{item_id}").get_data(as_text=True)
    assert f'href="/stukken/{item_id}/bijlagen/{position}"' in page and "Oorspronkelijke e-mail bekijken" in page
    assert address and address.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in page
    assert anna.get(f"/stukken/{item_id}/bijlagen/99").status_code == 404
    app.close()


def test_personal_data_in_the_letter_text_is_marked_by_kind_and_verdict(tmp_path):
    app, web, ids = make_web(tmp_path, require_login=True)
    client = web.test_client()
    login(client, "anna")
    zebrapad = ids["Verzoek om een zebrapad bij de basisschool"]
    html = client.get(f"/stukken/{zebrapad}").get_data(as_text=True)
    letter = html.split('<pre class="letter"', 1)[1].split("</pre>", 1)[0]
    assert re.search(r'<mark class="pd pd-person">Jan de Vries<span class="visually-hidden"> \(naam\)', letter)
    assert re.search(r'<mark class="pd pd-address">[^<]*Lindelaan 4', letter) or "pd-address" in letter
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    client.post(f"/stukken/{zebrapad}/persoonsgegevens", data={"csrf_token": token, "kind": "person",
                                                               "text": "Jan de Vries", "verdict": "geen"})
    again = client.get(f"/stukken/{zebrapad}").get_data(as_text=True).split('<pre class="letter"', 1)[1]
    assert '<mark class="pd pd-person pd-geen">Jan de Vries' in again
    app.close()
