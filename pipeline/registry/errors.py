"""Database errors as one Dutch sentence: never the SQL statement or its parameters (they hold letter text)."""

from __future__ import annotations

# SQLSTATE codes of PostgreSQL that mean "try again later": serialization failure, deadlock, lock not available
BUSY_SQLSTATES = {"40001", "40P01", "55P03"}
BUSY_WORDS = ("database is locked", "database table is locked", "database schema is locked")

# (words in the driver's message, the sentence), first match wins
SENTENCES = (
    (BUSY_WORDS, "De database is bezet: een ander proces houdt haar vergrendeld; probeer het later opnieuw."),
    (("readonly database", "read-only", "read only"),
     "De database is alleen-lezen: griffiepost kan er niet in schrijven; controleer de rechten van het "
     "databasebestand en zijn map."),
    (("database or disk is full", "disk is full", "no space left"),
     "De schijf van de database is vol: er kan niets worden opgeslagen; wat al bewaard was, blijft bewaard."),
    (("unable to open database file",),
     "De database kan niet worden geopend: het bestand of de map bestaat niet of is niet toegankelijk."),
    (("disk i/o error",), "De database kon niet lezen of schrijven: een fout van de schijf."),
    (("malformed", "not a database", "file is encrypted"),
     "Het databasebestand is beschadigd of geen SQLite-database."),
    (("connection refused", "could not connect", "connection failed", "timeout expired", "could not translate host",
      "name or service not known"),
     "De database is niet bereikbaar: de server weigert de verbinding of is niet gevonden."),
    (("password authentication failed", "authentication failed", "role ", "no pg_hba.conf"),
     "De database weigert de aanmelding: controleer gebruiker en wachtwoord in de database-URL."),
)


def _driver_text(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig.args[0]) if getattr(orig, "args", None) else str(orig)).lower()


def is_busy(exc: BaseException) -> bool:
    """A lock held by someone else: waiting and trying again will work."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    text = _driver_text(exc)
    return any(w in text for w in BUSY_WORDS)


def describe(exc: BaseException) -> str:
    """One Dutch sentence for a database error, built only from the driver's error kind, never its statement."""
    text = _driver_text(exc)
    if is_busy(exc):
        return SENTENCES[0][1]
    for words, sentence in SENTENCES[1:]:
        if any(w in text for w in words):
            return sentence
    kind = type(getattr(exc, "orig", None) or exc).__name__
    return f"De database gaf een fout ({kind}); zet GRIFFIEPOST_DEBUG=1 voor details."
