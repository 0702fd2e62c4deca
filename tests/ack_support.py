"""Registries with acknowledgements switched on in a copy of rules/, fed with test mails, sending through a real
loopback SMTP server (tests/smtpserver.py)."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

from pipeline.app import App
from pipeline.config import SmtpSettings
from pipeline.records import Locator
from tests.conftest import sample_settings

ROOT = Path(__file__).resolve().parent.parent
MAILS = Path(__file__).parent / "data" / "ontvangstbevestiging"


def rules_with_acknowledgements(target: Path, profile: str = "generiek", domain: str = "waterlinde.nl",
                                when: str = "filed", mode: str = "queue", max_age_days: int = 14) -> Path:
    """A copy of rules/ whose profile sends acknowledgements from griffie@<domain>."""
    shutil.copytree(ROOT / "rules", target)
    path = target / "profiles" / f"{profile}.toml"
    text = path.read_text("utf-8")
    text = text.replace("enabled = false", "enabled = true")
    text = re.sub(r'when = "\w+"', f'when = "{when}"', text)
    text = re.sub(r'mode = "\w+"', f'mode = "{mode}"', text)
    text = text.replace('"griffie@waterlinde.nl"', f'"griffie@{domain}"')
    text = text.replace('own_domains = ["waterlinde.nl"]', f'own_domains = ["{domain}"]')
    text = text.replace("max_age_days = 14", f"max_age_days = {max_age_days}")
    path.write_text(text, "utf-8")
    return target


def open_app(tmp: Path, server, domain: str = "waterlinde.nl", when: str = "filed", mode: str = "queue",
             max_age_days: int = 14, **smtp) -> App:
    rules = rules_with_acknowledgements(tmp / "rules", domain=domain, when=when, mode=mode, max_age_days=max_age_days)
    settings = sample_settings(tmp)
    settings = replace(settings, profile=replace(settings.profile, rules_dir=str(rules)))
    if server is not None:
        base = SmtpSettings(host="127.0.0.1", port=server.port, security=server.security,
                            ca_file=str(server.ca) if server.ca else "", backoff_s=60.0)
        settings = replace(settings, smtp=replace(base, **smtp))
    return App.open(settings)


def deliver(app: App, raw: bytes, ref: str) -> None:
    app.intake.accept(raw, Locator(source="file", ref=ref))
    app.process_pending()
