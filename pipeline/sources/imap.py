"""IMAP intake: coarse server search, BODY.PEEK[] in batches, commit, then the server action (exactly once)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email import policy

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from pipeline.config import ImapAccount, ImapSettings
from pipeline.errors import ConfigError, SourceError
from pipeline.intake import Intake
from pipeline.records import Locator
from pipeline.text.compare import normalise
from pipeline.sources.imap_conn import WIRE_ERRORS, Credentials, connected, explain, where
from pipeline.sources import imap_state as state
from sqlalchemy.orm import sessionmaker

log = logging.getLogger(__name__)

AFTER_FILING = ("move", "keyword", "none", "delete")
# Test hook: seconds to sleep after each message is kept, so a test can kill `fetch` mid-batch. Never set it
# in production; it is read only here.
TEST_DELAY_ENV = "GRIFFIEPOST_TEST_FETCH_DELAY"


@dataclass
class PollResult:
    account: str
    folder: str
    found: int = 0  # messages the server search returned
    new: int = 0  # kept for the first time
    duplicates: int = 0  # already known by identity (resync, or re-fetched after a crash)
    skipped: int = 0  # left on the server by the sender/subject filters
    actions: dict[str, int] = field(default_factory=dict)
    resynced: bool = False


def _decoded(value: object) -> str:
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (ValueError, LookupError, UnicodeError):
        return str(value)


def matches_filters(account: ImapAccount, header_bytes: bytes) -> bool:
    """Client-side filter on From and Subject (IMAP SEARCH is unreliable for non-ASCII)."""
    head = BytesHeaderParser(policy=policy.compat32).parsebytes(header_bytes)
    sender, subject = normalise(_decoded(head.get("From"))), normalise(_decoded(head.get("Subject")))
    ok_from = not account.only_from or any(normalise(p) in sender for p in account.only_from)
    ok_subject = not account.only_subject or any(normalise(p) in subject for p in account.only_subject)
    return ok_from and ok_subject


def check_account(account: ImapAccount) -> None:
    if account.after_filing not in AFTER_FILING:
        raise ConfigError(f"IMAP-account '{account.name}': after_filing \"{account.after_filing}\" is onbekend "
                          f"({' | '.join(AFTER_FILING)}).")
    if account.after_filing == "move" and account.processed_folder in account.folders:
        raise ConfigError(f"IMAP-account '{account.name}': processed_folder \"{account.processed_folder}\" is ook "
                          "een bewaakte map; kies een andere map.")


def select(client: IMAPClient, account: ImapAccount, folder: str) -> int:
    """Select the folder read-write; its UIDVALIDITY. A missing folder is one clear sentence."""
    try:
        info = client.select_folder(folder)
    except IMAPClientError as e:
        if not client.folder_exists(folder):
            raise SourceError(f"De map \"{folder}\" bestaat niet in {where(account)}.") from e
        raise SourceError(f"De map \"{folder}\" in {where(account)} kan niet worden geopend: {e}.") from e
    return int(info[b"UIDVALIDITY"])


def search_criteria(account: ImapAccount, last_uid: int, since: date | None) -> list:
    criteria: list = ["UID", f"{last_uid + 1}:*", "NOT", "DELETED"]
    if since is not None:
        criteria += ["SINCE", since]
    if account.after_filing == "keyword":
        criteria += ["NOT", "KEYWORD", account.keyword]
    return criteria


def ensure_folder(client: IMAPClient, folder: str) -> None:
    if not client.folder_exists(folder):
        client.create_folder(folder)
        client.subscribe_folder(folder)


def move_by_copy(client: IMAPClient, uids: list[int], folder: str) -> None:
    """MOVE for servers without it: COPY, flag \\Deleted, then expunge only these UIDs (UIDPLUS)."""
    client.copy(uids, folder)
    client.add_flags(uids, [b"\\Deleted"], silent=True)
    client.uid_expunge(uids)


def server_action(client: IMAPClient, account: ImapAccount, uids: list[int]) -> str:
    """The configured action on messages whose bytes are committed; returns what was done."""
    if not uids or account.after_filing == "none":
        return "none"
    if account.after_filing == "move":
        if client.has_capability("MOVE"):
            client.move(uids, account.processed_folder)
            return "moved"
        if client.has_capability("UIDPLUS"):
            move_by_copy(client, uids, account.processed_folder)
            return "moved"
        log.warning("%s: no MOVE or UIDPLUS, marking with keyword %s instead", account.name, account.keyword)
    if account.after_filing == "delete":
        client.add_flags(uids, [b"\\Deleted"], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(uids)
        return "deleted"
    client.add_flags(uids, [account.keyword], silent=True)
    return "keyword"


def poll_folder(client: IMAPClient, account: ImapAccount, folder: str, intake: Intake, sessions: sessionmaker,
                batch_size: int, since: date | None = None,
                progress: Callable[[int, int], None] | None = None) -> PollResult:
    """One pass over one folder: everything above the last UID is kept, committed, then acted on."""
    result = PollResult(account.name, folder)
    uidvalidity = select(client, account, folder)
    known = state.load_state(sessions, account.name, folder)
    last_uid = known.last_uid
    if known.uidvalidity != uidvalidity:
        result.resynced = known.uidvalidity is not None
        if result.resynced:
            log.warning("%s/%s: UIDVALIDITY %s -> %s, resync by identity", account.name, folder,
                        known.uidvalidity, uidvalidity)
        state.start_validity(sessions, account.name, folder, uidvalidity)
        last_uid = 0
    if account.after_filing == "move":
        ensure_folder(client, account.processed_folder)
        select(client, account, folder)  # CREATE may not change the selection, but be certain
    # a backfill (--since) looks below the last UID too: what is known already is recognised by identity
    floor = 0 if since is not None else last_uid
    uids = sorted(u for u in client.search(search_criteria(account, floor, since)) if u > floor)
    result.found = len(uids)
    if progress:
        progress(0, len(uids))
    delay = float(os.environ.get(TEST_DELAY_ENV) or 0)
    filtered = bool(account.only_from or account.only_subject)
    for start in range(0, len(uids), max(1, batch_size)):
        chunk = uids[start:start + batch_size]
        wanted = chunk
        if filtered:
            heads = client.fetch(chunk, ["BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]"])
            wanted = [u for u in chunk if u in heads and matches_filters(
                account, heads[u].get(b"BODY[HEADER.FIELDS (FROM SUBJECT)]") or b"")]
            result.skipped += len(chunk) - len(wanted)
        bodies = client.fetch(wanted, ["BODY.PEEK[]", "INTERNALDATE"]) if wanted else {}
        kept: dict[int, str] = {}
        for uid in wanted:
            data = bodies.get(uid, {}).get(b"BODY[]")
            if data is None:
                continue  # expunged by someone else between SEARCH and FETCH
            ref = state.locator_ref(account.name, folder, uidvalidity, uid)
            accepted = intake.accept(bytes(data), Locator("imap", ref), actor=f"imap:{account.name}",
                                     internaldate=bodies[uid].get(b"INTERNALDATE"))
            result.duplicates += accepted.duplicate
            result.new += not accepted.duplicate
            kept[uid] = ref
            if delay:
                time.sleep(delay)
        action = server_action(client, account, sorted(kept))  # only after every commit above
        if kept:
            result.actions[action] = result.actions.get(action, 0) + len(kept)
        state.save_batch(sessions, account.name, folder, max(chunk), len(uids) - start - len(chunk),
                         {ref: action for ref in kept.values()})
        if progress:
            progress(len(chunk), len(uids))
    state.record_poll(sessions, account.name, folder, backlog=0)
    return result


@dataclass
class FetchReport:
    results: list[PollResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def fetch_account(account: ImapAccount, imap: ImapSettings, intake: Intake, sessions: sessionmaker,
                  since: date | None = None, progress: Callable[[int, int], None] | None = None,
                  credentials: Credentials | None = None) -> FetchReport:
    """One pass over every folder of one account; errors are recorded per folder and returned as sentences."""
    report = FetchReport()
    try:
        check_account(account)
        creds = credentials or Credentials(account)
        with connected(account, creds, imap.timeout_s) as client:
            for folder in account.folders:
                try:
                    report.results.append(poll_folder(client, account, folder, intake, sessions,
                                                      imap.batch_size, since, progress))
                except SourceError as e:
                    state.record_error(sessions, account.name, folder, str(e))
                    report.errors.append(str(e))
    except (SourceError, ConfigError) as e:
        for folder in account.folders:
            state.record_error(sessions, account.name, folder, str(e))
        report.errors.append(str(e))
    except WIRE_ERRORS as e:
        message = explain(account, e)
        for folder in account.folders:
            state.record_error(sessions, account.name, folder, message)
        report.errors.append(message)
    return report
