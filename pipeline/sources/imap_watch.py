"""`watch`: one IDLE connection per folder, a full poll as the source of truth, reconnects with backoff."""

from __future__ import annotations

import imaplib
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from imapclient import IMAPClient
from sqlalchemy.orm import sessionmaker

from pipeline.config import ImapAccount, ImapSettings
from pipeline.errors import ConfigError, GriffieError, SourceError
from pipeline.intake import Intake
from pipeline.sources import imap_state as state
from pipeline.sources.imap import PollResult, check_account, poll_folder
from pipeline.sources.imap_conn import WIRE_ERRORS, Credentials, close_client, explain, open_client

log = logging.getLogger(__name__)

BACKOFF_START_S = 1.0
IDLE_TICK_S = 0.5  # how often an idling thread looks at the stop flag and the clocks
NEW_MAIL = (b"EXISTS", b"RECENT")


def backoff_delay(failures: int, cap_s: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with 'equal jitter': between half and all of min(cap, start * 2^(n-1))."""
    ceiling = min(cap_s, BACKOFF_START_S * 2 ** max(0, failures - 1))
    return ceiling * (rng or random).uniform(0.5, 1.0)


@dataclass
class Watcher:
    """Watches every folder of the given accounts until `stop` is set; `process` runs for new mail at once."""

    accounts: tuple[ImapAccount, ...]
    imap: ImapSettings
    intake: Intake
    sessions: sessionmaker
    process: Callable[[], object]
    stop: threading.Event
    use_idle: bool = True
    say: Callable[[str], None] = log.info  # Dutch lines for the person running `watch`

    def __post_init__(self) -> None:
        self.work = threading.Event()
        self.threads: list[threading.Thread] = []
        self._credentials: dict[str, Credentials] = {}
        self._cred_lock = threading.Lock()

    def credentials(self, account: ImapAccount) -> Credentials:
        with self._cred_lock:
            if account.name not in self._credentials:
                self._credentials[account.name] = Credentials(account)
            return self._credentials[account.name]

    def run(self) -> None:
        for account in self.accounts:
            for folder in account.folders:
                t = threading.Thread(target=self._folder_loop, args=(account, folder),
                                     name=f"imap-{account.name}-{folder}", daemon=True)
                t.start()
                self.threads.append(t)
        self.work.set()  # whatever an earlier run left in 'received'
        last_pass = time.monotonic()
        while not self.stop.is_set():
            woken = self.work.wait(IDLE_TICK_S)
            # also once a poll interval without new mail: messages queued by others (the web's retry button)
            due = time.monotonic() - last_pass >= self.imap.poll_interval_s
            if (woken or due) and not self.stop.is_set():
                self.work.clear()
                last_pass = time.monotonic()
                try:
                    self.process()
                except GriffieError as e:
                    self.say(f"Verwerken mislukt: {e}")
        for t in self.threads:
            t.join(timeout=self.imap.timeout_s + 2)

    def _poll(self, client: IMAPClient, account: ImapAccount, folder: str) -> PollResult:
        result = poll_folder(client, account, folder, self.intake, self.sessions, self.imap.batch_size)
        if result.new or result.duplicates:
            self.work.set()
            self.say(f"{account.name}/{folder}: {result.new} nieuw, {result.duplicates} al bekend.")
        return result

    def _folder_loop(self, account: ImapAccount, folder: str) -> None:
        failures = 0
        while not self.stop.is_set():
            client = None
            try:
                check_account(account)
                client = open_client(account, self.credentials(account), self.imap.timeout_s)
                self._poll(client, account, folder)
                if failures:
                    self.say(f"{account.name}/{folder}: weer verbonden.")
                failures = 0
                self._watch_connected(client, account, folder)
            except (SourceError, ConfigError) as e:
                failures += 1
                self._failed(account, folder, str(e), failures)
            except WIRE_ERRORS as e:
                failures += 1
                self._failed(account, folder, explain(account, e), failures)
            finally:
                close_client(client)

    def _failed(self, account: ImapAccount, folder: str, message: str, failures: int) -> None:
        state.record_error(self.sessions, account.name, folder, message)
        delay = backoff_delay(failures, self.imap.backoff_max_s)
        self.say(f"Fout: {message} Nieuwe poging over {delay:.0f} s.")
        self.stop.wait(delay)

    def _watch_connected(self, client: IMAPClient, account: ImapAccount, folder: str) -> None:
        """IDLE (renewed at most every idle_renew_s) until new mail, the poll interval, or stop."""
        idle = self.use_idle and client.has_capability("IDLE")
        last_poll = time.monotonic()
        while not self.stop.is_set():
            if not idle:
                if self.stop.wait(max(0.0, self.imap.poll_interval_s - (time.monotonic() - last_poll))):
                    return
                self._poll(client, account, folder)
                last_poll = time.monotonic()
                continue
            client.idle()
            started = time.monotonic()
            new_mail = False
            while not self.stop.is_set():
                now = time.monotonic()
                if now - started >= self.imap.idle_renew_s or now - last_poll >= self.imap.poll_interval_s:
                    break
                for response in client.idle_check(timeout=IDLE_TICK_S):
                    if len(response) > 1 and response[1] in NEW_MAIL:
                        new_mail = True
                    elif response and response[0] == b"BYE":
                        words = (w.decode(errors="replace") if isinstance(w, bytes) else str(w)
                                 for w in response[1:])
                        raise imaplib.IMAP4.abort(f"BYE {' '.join(words)}")
                if new_mail:
                    break
            client.idle_done()
            if self.stop.is_set():
                return
            if new_mail or time.monotonic() - last_poll >= self.imap.poll_interval_s:
                self._poll(client, account, folder)
                last_poll = time.monotonic()
