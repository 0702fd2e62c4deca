"""Issue 6 leak test: every public output of the whole sample mailbox (and the seed letters) holds none of the
fictitious people's names, e-mails, phones or addresses; the seed's redacted PDFs are black where the names were."""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.lists.meetings import add_meeting, all_meetings, move_item
from pipeline.lists.profiles import active_profile
from pipeline.lists.render import FORMATS
from pipeline.lists.service import generate
from pipeline.privacy.guard import public_text
from pipeline.publication import PUBLISHED, publication
from pipeline.registry.models import Item, Meeting
from pipeline.web.app import create_app
from tests.conftest import SAMPLE_MAILBOX, sample_settings

SEED_DIR = Path(__file__).resolve().parent / "data" / "seed"
KINDS = ("names", "emails", "phones", "addresses", "ibans", "bsns", "birthdates")
SEPARATORS = re.compile(r"(?<=\d)[\s\-.()/]+(?=\d)")


def expected_people() -> dict[str, dict[str, list[str]]]:
    """File name -> personal data per kind, from both expected.json files."""
    out = {}
    for path in (SAMPLE_MAILBOX.parent / "expected.json", SEED_DIR / "expected.json"):
        for name, entry in json.loads(path.read_text(encoding="utf-8")).items():
            out[name] = entry["personal_data"]
    return out


SECRETS = sorted({(kind, s) for pd in expected_people().values() for kind in KINDS for s in pd.get(kind, [])})


def find_secrets(text: str) -> list[str]:
    """Which fictitious personal data occur in text (case and spacing ignored; digits with any separators)."""
    visible = " ".join(text.casefold().split())
    compact = SEPARATORS.sub("", visible)
    hits = []
    for kind, secret in SECRETS:
        needle = " ".join(secret.casefold().split())
        numeric = kind in ("phones", "ibans", "bsns") and SEPARATORS.sub("", needle) in compact
        if numeric or re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", visible):
            hits.append(f"{kind}:{secret}")
    return hits


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    """The sample mailbox and the four seed messages in a registry of their own, on two council meetings."""
    tmp = tmp_path_factory.mktemp("leaks")
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLE_MAILBOX, inbox)
    for seed in SEED_DIR.glob("*.eml"):
        shutil.copy(seed, inbox / seed.name)
    app = App.open(sample_settings(tmp))
    counts = ingest_paths(app, [inbox], show_progress=False)
    assert counts["filed"] + counts["ignored"] >= 50
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        first, second = (add_meeting(s, profile, date.today() + timedelta(days=d)) for d in (40, 80))
        on_list = sorted(s.scalars(select(Item).where(Item.meeting_id == first.id)), key=lambda i: i.id)
        for item in on_list[::2]:
            move_item(s, item, second, actor="test")
    with app.sessions() as s:
        app.locations = {i.id: Path(i.message.locator).name for i in s.scalars(select(Item))}
    yield app
    app.close()


@pytest.fixture(scope="module")
def outputs(registry):
    """Every public output: per item its redacted text, public web page and documents; per meeting the public
    list in every format and its public web page."""
    app = registry
    web = create_app(app).test_client()
    out: dict[str, tuple[str | bytes, str]] = {}
    documents: dict[str, tuple[int, object]] = {}
    with app.sessions() as s:
        for item in s.scalars(select(Item).order_by(Item.id)):
            pub = publication(app, item)
            tag = f"{item.registration_number} ({app.locations[item.id]})"
            out[f"{tag} tekst"] = (pub.text, "text")
            out[f"{tag} onderwerp+afzender"] = (f"{pub.subject}\n{pub.sender}", "text")
            page = web.get(f"/stukken/{item.id}/openbaar")
            assert page.status_code == 200, (tag, page.data[:300])
            out[f"{tag} webpagina"] = (page.data, "html")
            for doc in pub.documents:
                if doc.status == PUBLISHED:
                    out[f"{tag} {doc.filename}"] = (doc.data, "pdf")
                    documents[f"{tag} {doc.filename}"] = (item.id, doc)
        meetings = all_meetings(s)
        assert len(meetings) == 2
    profile = active_profile(app.settings)
    for m in meetings:
        with app.sessions.begin() as s:
            meeting = s.get(Meeting, m.id)
            for fmt in FORMATS:
                out[f"lijst {m.id} {fmt}"] = (generate(s, meeting, profile, profile.council, fmt, True, number_by="griffie").content, fmt)
        page = web.get(f"/lijsten/{m.id}/openbaar")
        assert page.status_code == 200, page.data[:300]
        out[f"lijst {m.id} webpagina"] = (page.data, "html")
    return out, documents


def test_every_item_and_list_has_public_outputs(registry, outputs) -> None:
    out, documents = outputs
    with registry.sessions() as s:
        items = list(s.scalars(select(Item)))
        on_lists = [i for i in items if i.meeting_id is not None]
    assert len(items) >= 50 and len(on_lists) >= 30
    assert sum(1 for k in out if k.endswith(" tekst")) == len(items)
    assert len(documents) >= 25  # the letters in PDF and Word, the scans
    assert any("OCR" in doc.note for _, doc in documents.values())
    assert sum(1 for k in out if k.startswith("lijst ")) == 2 * (len(FORMATS) + 1)


def test_no_fictitious_personal_data_in_any_public_output(outputs) -> None:
    out, _ = outputs
    assert len(SECRETS) > 60
    found = {}
    for name, (content, fmt) in out.items():
        hits = find_secrets(public_text(content, fmt if fmt != "csv" else "text"))
        if hits:
            found[name] = hits
    print(f"\n{len(out)} openbare uitvoerbestanden doorzocht op {len(SECRETS)} persoonsgegevens: "
          f"{sum(len(v) for v in found.values())} treffers")
    for name, hits in found.items():
        print(f"  {name}: {', '.join(hits)}")
    assert found == {}


def _original_parts(raw: bytes) -> dict[str, bytes]:
    """sha256 -> bytes of every leaf part of a message (read independently of the pipeline's parser)."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    parts = {}
    for part in msg.walk():
        data = part.get_payload(decode=True) if not part.is_multipart() else None
        if data:
            parts[hashlib.sha256(data).hexdigest()] = data
    return parts


def _secret_regex(kind: str, secret: str) -> str:
    if kind in ("phones", "ibans", "bsns"):
        return r"[\s\-.()/]*".join(re.escape(c) for c in re.sub(r"[\s\-.()/]", "", secret))
    return r"\s+".join(re.escape(w) for w in secret.split())


def black_fraction(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    region = image.crop(tuple(round(v) for v in box)).convert("L")
    data = region.tobytes()
    return sum(1 for p in data if p < 80) / max(1, len(data))


def test_redacted_pdfs_are_black_wherever_the_originals_hold_personal_data(registry, outputs) -> None:
    """The redacted PDFs are images: for every text-layer original, each place pdfplumber finds a fictitious
    person's data must be black in the redacted page (the scans are checked by OCR below)."""
    _, documents = outputs
    checked, uncovered = 0, []
    with registry.sessions() as s:
        for tag, (item_id, doc) in documents.items():
            item = s.get(Item, item_id)
            att = next(a for a in item.message.attachments if a.position == doc.position)
            original = _original_parts(registry.store.get(item.message.sha256)).get(att.sha256)
            if original is None or att.ocr or not original.startswith(b"%PDF"):
                continue
            redacted = pdfium.PdfDocument(doc.data)
            with pdfplumber.open(io.BytesIO(original)) as pdf:
                for index, page in enumerate(pdf.pages):
                    image = None
                    for kind, secret in SECRETS:
                        for m in page.search(_secret_regex(kind, secret), regex=True, case=False):
                            if image is None:
                                image = redacted[index].render(scale=2).to_pil()
                            box = (m["x0"] * 2, m["top"] * 2, m["x1"] * 2, m["bottom"] * 2)
                            checked += 1
                            if black_fraction(image, box) < 0.9:
                                uncovered.append(f"{tag} p{index + 1}: {secret}")
    print(f"\n{checked} vindplaatsen van persoonsgegevens in de originele PDF's gecontroleerd op zwarte vlakken")
    assert checked >= 40
    assert uncovered == []


def _ocr(image: Image.Image) -> str:
    done = subprocess.run(["tesseract", "stdin", "stdout", "-l", "nld"], input=_png(image), capture_output=True,
                          env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}, timeout=120, check=True)
    return done.stdout.decode("utf-8", "replace")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _pdftoppm(data: bytes, dpi: int, tmp_path: Path) -> list[Image.Image]:
    source = tmp_path / "openbaar.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "p")], check=True,
                   capture_output=True, timeout=60)
    return [Image.open(p) for p in sorted(tmp_path.glob("p-*.png"))]


def _seed_document(registry, filename: str):
    with registry.sessions() as s:
        item_id = next(i for i, name in registry.locations.items() if name == filename)
        pub = publication(registry, s.get(Item, item_id))
    docs = [d for d in pub.documents if d.status == PUBLISHED]
    assert len(docs) == 1, [(d.filename, d.note) for d in pub.documents]
    return docs[0]


SIGNATORIES = ("Hendrik Boersma", "Marijke van der Laan")


def test_seed_letter_pdf_has_no_signatory_names_and_black_boxes_where_they_were(registry, tmp_path) -> None:
    doc = _seed_document(registry, "seed_direct.eml")
    assert "OCR" not in doc.note
    text = public_text(doc.data, "pdf")
    with pdfplumber.open(io.BytesIO(doc.data)) as pdf:
        text += "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert not any(name.lower() in text.lower() for name in SIGNATORIES)
    # where the names are in the original letter, the redacted page rendered by poppler is black
    raw = (SEED_DIR / "seed_direct.eml").read_bytes()
    original = next(d for d in _original_parts(raw).values() if d.startswith(b"%PDF"))
    pages = _pdftoppm(doc.data, 100, tmp_path)
    scale = 100 / 72
    boxes = 0
    with pdfplumber.open(io.BytesIO(original)) as pdf:
        for index, page in enumerate(pdf.pages):
            for name in SIGNATORIES:
                for m in page.search(_secret_regex("names", name), regex=True):
                    box = (m["x0"] * scale, m["top"] * scale, m["x1"] * scale, m["bottom"] * scale)
                    assert black_fraction(pages[index], box) > 0.9, (name, index)
                    boxes += 1
            salutation = page.search("Met vriendelijke groet")
            for m in salutation:  # the text around the names stays readable
                box = (m["x0"] * scale, m["top"] * scale, m["x1"] * scale, m["bottom"] * scale)
                assert black_fraction(pages[index], box) < 0.4
    assert boxes >= len(SIGNATORIES)


def test_scanned_seed_is_black_where_the_names_were_and_ocr_finds_them_no_more(registry, tmp_path) -> None:
    doc = _seed_document(registry, "seed_scanned.eml")
    assert "OCR" in doc.note
    pages = _pdftoppm(doc.data, 150, tmp_path)
    document = pdfium.PdfDocument(doc.data)
    assert all(document[i].get_textpage().get_text_range().strip() == "" for i in range(len(document)))  # images only
    seen = "\n".join(_ocr(page) for page in pages)
    assert "Voorzitter" in seen  # the page is still readable around the boxes
    assert not any(name.lower() in seen.lower() for name in SIGNATORIES), seen[-600:]
    assert not any(part in seen for part in ("Boersma", "Marijke"))
    # the boxes are there: solid black rectangles just above each "Voorzitter" role line
    solid = 0
    for page in pages:
        gray = page.convert("L")
        rows = [sum(1 for p in gray.crop((0, y, gray.width, y + 1)).tobytes() if p < 40)
                for y in range(0, gray.height, 2)]
        solid += sum(1 for r in rows if r > 80)
    assert solid >= 8  # two name boxes of at least ~16 pixel rows each at 150 dpi


def test_citizen_senders_are_inwoner_on_internal_and_public_lists(registry) -> None:
    profile = active_profile(registry.settings)
    seen = 0
    with registry.sessions.begin() as s:
        for m in all_meetings(s):
            for public in (False, True):
                data = json.loads(generate(s, m, profile, profile.council, "json", public, number_by="griffie").content)
                for row in (r for g in data["groups"] for r in g["items"]):
                    item = s.get(Item, row["item_id"])
                    if item.sender_kind == "inwoner":
                        assert row["sender"].startswith("inwoner"), row
                        seen += 1
    assert seen >= 4


def test_the_search_finds_the_data_in_the_internal_texts(registry) -> None:
    """Control: the same search over the registry's own (internal) texts does find the people, so zero hits in
    the public outputs means they were removed, not that the search is blind."""
    with registry.sessions() as s:
        internal = "\n".join(i.text for i in s.scalars(select(Item)))
    assert len(set(find_secrets(internal))) >= 60


def test_assistant_still_reads_the_full_letter_on_the_internal_page(registry) -> None:
    from dataclasses import replace

    from pipeline.users import add_user

    settings = registry.settings
    closed = replace(registry, settings=replace(settings, web=replace(settings.web, require_login=True)))
    with registry.sessions.begin() as s:
        add_user(s, "anna", "assistent", "correct-paard-batterij")
        item = next(i for i in s.scalars(select(Item)) if registry.locations[i.id] == "034_klacht_geluid.eml")
        item_id, full_text = item.id, item.text
    web = create_app(closed)
    client = web.test_client()
    assert client.get(f"/stukken/{item_id}").status_code in (302, 401, 403)  # not without logging in
    page = client.get("/inloggen").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/inloggen", data={"name": "anna", "password": "correct-paard-batterij", "csrf_token": token,
                                   "next": "/"})
    internal = client.get(f"/stukken/{item_id}").get_data(as_text=True)
    assert "Fatima Ouali" in internal and "Kerkstraat 9" in internal  # the whole letter, for the assistant
    assert f"/stukken/{item_id}/openbaar" in internal  # and the link to the public version
    public = client.get(f"/stukken/{item_id}/openbaar").get_data(as_text=True)
    assert "Fatima Ouali" not in public and "Kerkstraat 9" not in public and "inwoner" in public
    assert full_text.count("\n") > 5


def test_cli_publishes_every_item_of_a_meeting(registry, tmp_path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    with registry.sessions() as s:
        meeting = all_meetings(s)[0]
        regs = sorted(i.registration_number for i in meeting.items if i.on_list)
    result = CliRunner().invoke(main, ["--db", registry.settings.registry.url, "publish", "--meeting",
                                       str(meeting.id), "-o", str(tmp_path)],
                                env={"GRIFFIEPOST_DATA_DIR": registry.settings.registry.data_dir})
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == regs
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) > len(regs)  # the texts and the documents
    hits = {p.name: find_secrets(public_text(p.read_bytes(), "pdf" if p.suffix == ".pdf" else "text"))
            for p in written}
    assert {k: v for k, v in hits.items() if v} == {}
