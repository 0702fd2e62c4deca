"""`griffiepost history import`: read list files (in parallel processes), store their entries, report in Dutch."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.history.mapping import load_mapping
from pipeline.history.models import HistoryEntry, HistoryImport
from pipeline.history.parse import ParsedList, parse_list
from pipeline.history.readers import UnreadableList, read_list_file
from pipeline.rules.profile import load_profile

LIST_SUFFIXES = (".pdf", ".docx", ".html", ".htm")


@dataclass
class ImportReport:
    files: int = 0
    entries: int = 0
    already: list[str] = field(default_factory=list)  # files read before (same bytes)
    problems: list[str] = field(default_factory=list)
    unmapped: int = 0  # entries whose handling words are not in the mapping

    def lines(self) -> list[str]:
        out = [f"{self.files} lijsten ingelezen, {self.entries} stukken opgeslagen"
               + (f", {self.unmapped} zonder herkende afhandeling" if self.unmapped else "") + "."]
        if self.already:
            out.append(f"{len(self.already)} bestanden waren al eerder ingelezen en zijn overgeslagen.")
        out += [f"Let op: {p}" for p in self.problems]
        return out


def list_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the list files inside folders (sorted, so imports are repeatable)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in LIST_SUFFIXES)
        else:
            out.append(p)
    return out


def read_one(path: Path, rules_dir: Path, profile_name: str) -> tuple[str, ParsedList | str]:
    """Read and parse one file: (sha256, parsed list) or (sha256, the Dutch sentence why it cannot be read)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    mapping = load_mapping(rules_dir, load_profile(rules_dir, profile_name))
    try:
        return digest, parse_list(read_list_file(path, set(mapping.columns)), mapping)
    except UnreadableList as e:
        return digest, str(e)


def _read_all(paths: list[Path], rules_dir: Path, profile_name: str, workers: int) -> list[tuple[str, ParsedList | str]]:
    if workers <= 1 or len(paths) < 4:
        return [read_one(p, rules_dir, profile_name) for p in paths]
    # PDFium is not thread-safe, and pdfplumber is CPU-bound: separate processes; the biggest files first, one at
    # a time, so no process is left with the slow PDFs at the end
    order = sorted(range(len(paths)), key=lambda i: -paths[i].stat().st_size)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(read_one, [paths[i] for i in order], [rules_dir] * len(paths),
                             [profile_name] * len(paths)))
    results: list[tuple[str, ParsedList | str]] = [("", "")] * len(paths)
    for i, result in zip(order, done):
        results[i] = result
    return results


def import_lists(session: Session, paths: list[Path], rules_dir: Path, profile_name: str, actor: str = "cli",
                 workers: int | None = None) -> ImportReport:
    report = ImportReport()
    files = list_paths(paths)
    known = set(session.scalars(select(HistoryImport.sha256)))
    results = _read_all(files, rules_dir, profile_name, workers or min(2, os.cpu_count() or 1))
    for path, (digest, parsed) in zip(files, results):
        if digest in known:
            report.already.append(path.name)
            continue
        if isinstance(parsed, str):
            report.problems.append(parsed)
            continue
        report.problems += parsed.problems
        if not parsed.entries:
            continue  # an unknown layout is reported, never stored half-understood
        known.add(digest)
        imp = HistoryImport(profile=profile_name, filename=path.name, sha256=digest, layout=parsed.layout,
                            meeting_date=parsed.meeting_date, entries=len(parsed.entries), problems=parsed.problems,
                            actor=actor)
        session.add(imp)
        session.flush()
        session.add_all(HistoryEntry(import_id=imp.id, profile=profile_name, meeting_date=e.meeting_date,
                                     number=e.number, letter_date=e.letter_date, sender=e.sender, subject=e.subject,
                                     handling_text=e.handling_text, handling_code=e.handling_code,
                                     committee=e.committee, source_file=path.name, source_page=e.page)
                        for e in parsed.entries)
        report.files += 1
        report.entries += len(parsed.entries)
        report.unmapped += sum(1 for e in parsed.entries if e.handling_text and e.handling_code is None)
    return report
