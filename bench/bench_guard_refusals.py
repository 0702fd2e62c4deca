"""Measurement: how often the privacy guard refuses a public list it should let through (false refusals).

Two sets: the sample mailbox (whole pipeline, models included) and the training corpus letters
(models/corpus/train.jsonl + heldout.jsonl, each wrapped as a plain mail and filed with the rules only, which
is enough for what the guard sees: sender, subject, detected personal data). Their on-list items are put on
lists of 50 and every list is made public in all five formats. A refusal there is a false refusal: the list's
scrubbing already removed every known personal-data string, so what the guard still finds is fixed text, a
common word or an organisation taken for a name.

The baseline, in the same run: the guard as it was before issue 12 (single common words allowed as name
variants, organisation-like display names taken as persons, the output's own fixed text not exempt).
Prints `RESULT guard_false_refusals_<set> <lists refused> lists baseline <refused then> ratio <R>`.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from pipeline.app import App  # noqa: E402
from pipeline.cli.intake_cmds import ingest_paths  # noqa: E402
from pipeline.config import ProfileSettings, RegistrySettings, Settings  # noqa: E402
from pipeline.flow import Pipeline  # noqa: E402
from pipeline.lists.build import build_list, list_items  # noqa: E402
from pipeline.lists.meetings import add_meeting  # noqa: E402
from pipeline.lists.profiles import active_profile  # noqa: E402
from pipeline.lists.render import FORMATS, renderer  # noqa: E402
from pipeline.lists.service import generate  # noqa: E402
from pipeline.privacy import guard  # noqa: E402
from pipeline.privacy.guard import PrivacyLeak, PublicationRefused, check_public  # noqa: E402
from pipeline.publication import forbidden  # noqa: E402
from pipeline.registry.models import Item, Meeting  # noqa: E402

LIST_SIZE = 50
COUNCIL = "gemeente Waterlinde"
CORPUS = (ROOT / "models" / "corpus" / "train.jsonl", ROOT / "models" / "corpus" / "heldout.jsonl")


def corpus_mails(folder: Path) -> int:
    """Every corpus letter as a plain mail; the subject is the letter's own Betreft/Onderwerp line if any."""
    folder.mkdir()
    n = 0
    for path in CORPUS:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = row["text"]
            subject = next((ln.split(":", 1)[1].strip() for ln in text.splitlines()
                            if ln.lower().startswith(("betreft:", "onderwerp:"))), "Brief aan de gemeenteraad")
            m = EmailMessage()
            m["From"], m["To"], m["Subject"] = "post@corpus.invalid", "griffie@waterlinde.nl", subject[:200]
            m["Date"], m["Message-ID"] = "Mon, 02 Jun 2025 10:00:00 +0200", f"<{row['id']}@corpus.invalid>"
            m.set_content(text)
            (folder / f"{row['id']}.eml").write_bytes(m.as_bytes())
            n += 1
    return n


def spread_over_lists(app: App) -> list[int]:
    """The on-list items in lists of LIST_SIZE (meetings a week apart), in id order."""
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        items = sorted(s.scalars(select(Item).where(Item.on_list.is_(True))), key=lambda i: i.id)
        ids = []
        for start in range(0, len(items), LIST_SIZE):
            m = add_meeting(s, profile, date(2030, 1, 1) + timedelta(days=7 * len(ids)))
            for i in items[start:start + LIST_SIZE]:
                i.meeting_id, i.meeting, i.meeting_pinned = m.id, m, True
            ids.append(m.id)
        return ids


@contextmanager
def guard_before_issue_12():
    """The guard's rules before issue 12, for the baseline figure."""
    with mock.patch.object(guard, "specific_name", lambda variant: True), \
            mock.patch.object(forbidden, "_organisation_like", lambda display: False), \
            mock.patch.object(forbidden, "_outside_organisation", lambda item, spans: spans):
        yield


def refusals(app: App, meeting_ids: list[int], baseline: bool) -> tuple[int, int, list[str]]:
    """(lists refused in any format, refusals over all formats, the first few refusal sentences)."""
    profile = active_profile(app.settings)
    lists_refused, formats_refused, said = 0, 0, []
    with app.sessions() as s:
        for mid in meeting_ids:
            meeting = s.get(Meeting, mid)
            refused_here = False
            if baseline:
                with guard_before_issue_12():
                    built = build_list(s, meeting, profile, COUNCIL, "public")
            for fmt in FORMATS:
                try:
                    if baseline:
                        check_public(renderer(fmt)(built.doc), built.forbidden, fmt)  # no fixed-text exemption
                    else:
                        generate(s, meeting, profile, COUNCIL, fmt, public=True)
                except (PublicationRefused, PrivacyLeak) as e:
                    formats_refused += 1
                    refused_here = True
                    if len(said) < 8:
                        said.append(f"lijst {mid} {fmt}: {e}")
            lists_refused += refused_here
    return lists_refused, formats_refused, said


def measure(name: str, app: App) -> None:
    meeting_ids = spread_over_lists(app)
    with app.sessions() as s:
        n_items = sum(len(list_items(s, s.get(Meeting, m))) for m in meeting_ids)
    t = time.perf_counter()
    now = refusals(app, meeting_ids, baseline=False)
    seconds = time.perf_counter() - t
    then = refusals(app, meeting_ids, baseline=True)
    print(f"{name}: {n_items} items on {len(meeting_ids)} lists, {len(FORMATS)} formats each ({seconds:.1f} s)")
    print(f"  today:    {now[0]} list(s) refused, {now[1]} refusal(s) over all formats")
    print(f"  baseline: {then[0]} list(s) refused, {then[1]} refusal(s) over all formats")
    for line in now[2]:
        print("  today refused:", line)
    for line in then[2][:4]:
        print("  baseline refused:", line)
    ratio = (then[0] / now[0]) if now[0] else float("inf") if then[0] else 1.0
    print(f"RESULT guard_false_refusals_{name} {now[0]} lists baseline {then[0]} ratio {ratio:.2f}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        settings = Settings(registry=RegistrySettings(url=f"sqlite:///{tmp}/sample.db", data_dir=str(tmp / "s")),
                            profile=ProfileSettings(name="generiek"))
        app = App.open(settings)
        ingest_paths(app, [ROOT / "pipeline" / "sample" / "mailbox"], show_progress=False)
        measure("sample_mailbox", app)
        app.close()

        settings = Settings(registry=RegistrySettings(url=f"sqlite:///{tmp}/corpus.db", data_dir=str(tmp / "c")),
                            profile=ProfileSettings(name="generiek"))
        print(f"corpus letters: {corpus_mails(tmp / 'corpus')}")
        app = App.open(settings)
        app.worker._factory = lambda: Pipeline.build(settings, with_models=False)  # rules only: fast enough
        ingest_paths(app, [tmp / "corpus"], show_progress=False)
        measure("training_corpus", app)
        app.close()


if __name__ == "__main__":
    main()
