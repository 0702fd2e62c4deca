"""The worker's on-filed hook for deadlines: make the new item's terms and close the ones it answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.deadlines.answers import answers_letters, link_answer
from pipeline.deadlines.service import sync_item
from pipeline.deadlines.terms import load_terms
from pipeline.rawstore import RawStore
from pipeline.registry.models import Item


def deadlines_hook(settings: Settings) -> Callable[[Session, Item], None]:
    terms = load_terms(settings.rules_dir, settings.profile.name)
    store = RawStore(Path(settings.registry.data_dir) / "raw")

    def hook(s: Session, item: Item) -> None:
        sync_item(s, item, terms, new=True)  # the item was filed in this transaction
        if not answers_letters(item):
            return  # only the college's answers are compared with open terms (and need the raw headers)
        digest = item.message.sha256 if item.message is not None else None
        raw = store.get(digest) if digest and store.has(digest) else None
        link_answer(s, item, raw)

    return hook
