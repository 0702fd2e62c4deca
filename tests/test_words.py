"""Every code a person reads has a Dutch word in pipeline/words.py: statuses, kinds, sources, attachments."""

from pipeline.records import ATTACHMENT_STATUSES
from pipeline.vocab import DOCUMENT_KINDS, ITEM_STATUSES, SENDER_KINDS
from pipeline.words import (ATTACHMENT_STATUS_WORDS, KIND_WORDS, SENDER_WORDS, STATUS_WORDS, decision_value,
                            source_word)


def test_every_stored_code_has_a_dutch_word():
    assert set(ITEM_STATUSES) <= set(STATUS_WORDS)
    assert set(SENDER_KINDS) <= set(SENDER_WORDS)
    assert set(DOCUMENT_KINDS) <= set(KIND_WORDS)
    assert set(ATTACHMENT_STATUSES) <= set(ATTACHMENT_STATUS_WORDS)
    assert "_" not in "".join(SENDER_WORDS.values()) + "".join(KIND_WORDS.values())


def test_decision_values_read_as_words():
    label = {"college_afdoening": "in handen van het college stellen ter afdoening"}.get
    assert decision_value("topic", "c_849842ac", label) == "verkeer"
    assert decision_value("handling", "college_afdoening", label) == "in handen van het college stellen ter afdoening"
    assert decision_value("on_list", "true", label) == "ja"
    assert decision_value("on_list", "false", label) == "nee"
    assert decision_value("sender_kind", "gemeenschappelijke_regeling", label) == "gemeenschappelijke regeling"
    assert decision_value("committee", None, label) == "—"
    assert source_word("pipeline") == "automatisch voorstel" and source_word("assistant") == "beoordelaar"
