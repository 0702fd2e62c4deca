"""Write the generated past of the bundled profiles: lists in four layouts, an mbox of past mail, and the truth.

    python -m pipeline.history.sample_generate [OUTDIR]    # default pipeline/sample/history
"""

from __future__ import annotations

import json
import sys
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from pipeline.history.sample_paths import DEFAULT_OUT, PROFILES, ROOT
from pipeline.history.sample_render import LAYOUTS, RENDERERS
from pipeline.history.sample_world import World, build_world
from pipeline.rules.profile import load_profile

AMS = ZoneInfo("Europe/Amsterdam")


def _mbox_bytes(world: World) -> bytes:
    out = []
    for i, m in enumerate(world.mails):
        msg = EmailMessage(policy=policy.default)
        msg["From"] = formataddr((m.from_name, m.from_addr))
        msg["To"] = formataddr(("Griffie", f"griffie@{world.profile}.nl"))
        msg["Subject"] = m.subject
        msg["Date"] = format_datetime(datetime.combine(m.sent, time(9 + i % 8, (7 * i) % 60), AMS))
        msg["Message-ID"] = f"<{m.key}@voorbeeld.invalid>"
        msg.set_content(m.body)
        raw = msg.as_bytes(policy=policy.SMTP.clone(linesep="\n"))
        # mboxrd-style quoting of body lines that start with "From "
        raw = b"\n".join(b">" + ln if ln.startswith(b"From ") else ln for ln in raw.split(b"\n"))
        out.append(b"From griffiepost@voorbeeld.invalid Thu Jan  1 00:00:00 2026\n" + raw.rstrip(b"\n") + b"\n\n")
    return b"".join(out)


def truth(world: World) -> dict:
    """What import and matching should find: every entry with its fields, every message with its entry."""
    files = {}
    for i, meeting in enumerate(world.meetings):
        layout = LAYOUTS[i % len(LAYOUTS)]
        files[f"lijst-{meeting.isoformat()}-{layout}"] = meeting.isoformat()
    return {
        "profile": world.profile,
        "entries": [{"key": e.key, "meeting": e.meeting.isoformat(), "number": e.number,
                     "date": e.received.isoformat(), "sender": e.sender, "subject": e.subject,
                     "handling": e.handling, "committee": e.committee} for e in world.entries],
        "mails": {f"<{m.key}@voorbeeld.invalid>": {"entry": m.entry, "case": m.case} for m in world.mails},
    }


def write_profile(rules_dir: Path, name: str, out: Path, seed: int = 17, **world_args) -> dict[str, int]:
    profile = load_profile(rules_dir, name)
    world = build_world(profile, seed, **world_args)
    lists = out / name / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    for i, meeting in enumerate(world.meetings):
        layout = LAYOUTS[i % len(LAYOUTS)]
        render, ext = RENDERERS[layout]
        entries = [e for e in world.entries if e.meeting == meeting]
        (lists / f"lijst-{meeting.isoformat()}-{layout}.{ext}").write_bytes(render(profile, meeting, entries))
    (out / name / "mailbox.mbox").write_bytes(_mbox_bytes(world))
    (out / name / "truth.json").write_text(json.dumps(truth(world), ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    return {"lists": len(world.meetings), "entries": len(world.entries), "mails": len(world.mails)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    for name in PROFILES:
        counts = write_profile(ROOT / "rules", name, out)
        print(f"{name}: {counts['lists']} lijsten, {counts['entries']} stukken, {counts['mails']} berichten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
