"""Every code a person reads has a Dutch word in the one vocabulary (pipeline/vocab.py): statuses, kinds, sources,
attachments, personal data, fields, topics (with their TOOI URI)."""

from datetime import date

from pipeline import vocab
from pipeline.lists.build import FIELD_NAMES
from pipeline.records import ATTACHMENT_STATUSES
from pipeline.review import CORRECTABLE, FIELD_WORDS
from pipeline.rules.base import FIELDS
from pipeline.stages.classify import MODEL_WORDS
from pipeline.vocab import (ATTACHMENT_STATUS_WORDS, KIND_WORDS, SENDER_WORDS, STATUS_WORDS, decision_value,
                            source_word)


def test_every_stored_code_has_a_dutch_word():
    tables = {
        "item status": (vocab.ITEM_STATUSES, vocab.STATUS_WORDS),
        "message state": (vocab.MESSAGE_STATES, vocab.MESSAGE_STATE_WORDS),
        "sender kind": (vocab.SENDER_KINDS, vocab.SENDER_WORDS),
        "document kind": (vocab.DOCUMENT_KINDS, vocab.KIND_WORDS),
        "handling": (vocab.HANDLINGS, vocab.HANDLING_WORDS),
        "attachment status": (ATTACHMENT_STATUSES, vocab.ATTACHMENT_STATUS_WORDS),
        "personal data": (vocab.PERSONAL_DATA_KINDS, vocab.PERSONAL_DATA_WORDS),
        "decision source": (("pipeline", vocab.MODEL, "rules", "assistant", "griffier"), vocab.SOURCE_WORDS),
        "decision field": ((*FIELDS, *CORRECTABLE, *CORRECTABLE.values(), "topic"), vocab.FIELD_WORDS),
    }
    for what, (codes, words) in tables.items():
        missing = [c for c in codes if not words.get(c)]
        assert missing == [], f"{what} without a Dutch word: {missing}"
        assert all("_" not in w for w in words.values() if isinstance(w, str)), what
    for topic in vocab.TOPICS:
        assert topic.label and topic.uri == f"https://identifier.overheid.nl/tooi/def/thes/top/{topic.code}"
    for code in (vocab.LETTER, vocab.NOTED, vocab.NOT_ON_LIST, vocab.UNKNOWN_SENDER):
        assert code in vocab.KIND_WORDS or code in vocab.HANDLING_WORDS or code in vocab.SENDER_WORDS, code


def test_a_field_has_one_name_everywhere():
    """The review, the lists, the rules and the model's reasons name a field with the same words."""
    for attr, field in CORRECTABLE.items():
        assert FIELD_WORDS[attr] == vocab.FIELD_WORDS[field] == FIELD_NAMES.get(attr, vocab.FIELD_WORDS[field]), attr
    assert FIELD_WORDS["document_kind"] == "soort document" and MODEL_WORDS["document_kind"] == "Soort document"
    assert vocab.long_date(date(2025, 3, 3)) == "3 maart 2025"


def test_every_stored_code_is_in_the_old_tables_too():
    assert set(vocab.ITEM_STATUSES) <= set(STATUS_WORDS)
    assert set(vocab.SENDER_KINDS) <= set(SENDER_WORDS)
    assert set(vocab.DOCUMENT_KINDS) <= set(KIND_WORDS)
    assert set(ATTACHMENT_STATUSES) <= set(ATTACHMENT_STATUS_WORDS)


def test_decision_values_read_as_words():
    label = {"college_afdoening": "in handen van het college stellen ter afdoening"}.get
    assert decision_value("topic", "c_849842ac", label) == "verkeer"
    assert decision_value("handling", "college_afdoening", label) == "in handen van het college stellen ter afdoening"
    assert decision_value("on_list", "true", label) == "ja"
    assert decision_value("on_list", "false", label) == "nee"
    assert decision_value("sender_kind", "gemeenschappelijke_regeling", label) == "gemeenschappelijke regeling"
    assert decision_value("committee", None, label) == "—"
    assert source_word("pipeline") == "automatisch voorstel" and source_word("assistant") == "beoordelaar"


def test_a_decision_source_reads_as_words():
    assert source_word("rule:soort-brief") == "regel soort-brief"
    assert source_word("knowledge:Provincie Drenthe") == "kennis Provincie Drenthe"
    assert source_word("model:topic@v7 0.42") == "model onderwerp (thema), score 0.42"
    assert source_word("person:anna") == "beoordelaar"
    assert source_word("analysis:onderwerpregel") == "gelezen uit onderwerpregel"
