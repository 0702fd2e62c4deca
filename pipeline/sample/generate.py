"""(Re)write the sample mailbox and the seed test messages: `python -m pipeline.sample.generate [--seed-only]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import catalog_citizens, catalog_followups, catalog_government, catalog_noise, catalog_organisations
from .expect import Sample
from .seed import seed_samples

ROOT = Path(__file__).resolve().parents[2]
MAILBOX_DIR = Path(__file__).resolve().parent / "mailbox"
MAILBOX_EXPECTED = Path(__file__).resolve().parent / "expected.json"
SEED_DIR = ROOT / "tests" / "data" / "seed"


def mailbox_samples() -> list[Sample]:
    """All sample messages in mailbox order, numbered 001, 002, ..."""
    samples: list[Sample] = []
    for module in (catalog_government, catalog_organisations, catalog_citizens, catalog_noise, catalog_followups):
        samples.extend(module.samples())
    slugs = [s.slug for s in samples]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise ValueError(f"duplicate sample slugs: {sorted(duplicates)}")
    return [Sample(f"{n:03d}_{s.slug}", s.raw, s.expected) for n, s in enumerate(samples, start=1)]


def write(samples: list[Sample], directory: Path, expected_path: Path) -> None:
    """Replace the .eml files in directory by these samples and write their expected labels."""
    directory.mkdir(parents=True, exist_ok=True)
    wanted = {f"{s.slug}.eml" for s in samples}
    for old in directory.glob("*.eml"):
        if old.name not in wanted:
            old.unlink()
    for sample in samples:
        (directory / f"{sample.slug}.eml").write_bytes(sample.raw)
    expected = {f"{s.slug}.eml": s.expected for s in samples}
    expected_path.write_text(json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                             encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf de voorbeeldmailbox en de seed-testberichten.")
    parser.add_argument("--seed-only", action="store_true", help="alleen tests/data/seed/ schrijven")
    args = parser.parse_args(argv)

    seed = seed_samples()
    write(seed, SEED_DIR, SEED_DIR / "expected.json")
    print(f"{len(seed)} seed-berichten geschreven naar {SEED_DIR}")
    if not args.seed_only:
        samples = mailbox_samples()
        write(samples, MAILBOX_DIR, MAILBOX_EXPECTED)
        print(f"{len(samples)} voorbeeldberichten geschreven naar {MAILBOX_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
