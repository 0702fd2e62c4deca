"""The seed letter (LVKK/ZHVKK appeal to all councils) in four shapes gives the same reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.flow import Pipeline
from pipeline.result import outcome_json

SEED = Path(__file__).resolve().parent / "data" / "seed"
SHAPES = ("seed_direct.eml", "seed_forward_inline.eml", "seed_forward_attached.eml", "seed_scanned.eml")
SOCIAL = {"c_d0463fb7", "c_d4890526"}  # zorg en gezondheid, sociale zekerheid


@pytest.fixture(scope="module")
def results():
    pipe = Pipeline.build(Settings())
    out = {}
    for name in SHAPES:
        raw = (SEED / name).read_bytes()
        out[name] = outcome_json(pipe.run(raw), pipe.ruleset.profile, "x" * 64)
    return out


@pytest.mark.parametrize("shape", SHAPES)
def test_same_reading_in_every_shape(results, shape):
    doc = results[shape]
    org = doc["sender"]["organisation"]
    assert "LVKK" in org and "ZHVKK" in org and "Kleine Kernen" in org
    assert doc["sender"]["kind"] == "organisatie"
    assert doc["letter"]["subject"] == "Ontmoeting als antwoord op maatschappelijke opgaven"
    assert doc["letter"]["date"] == "2025-06-05"
    assert doc["circular"] is True
    assert doc["on_list"] is True
    assert doc["origin"]["forwarded"] is (shape in ("seed_forward_inline.eml", "seed_forward_attached.eml"))


def test_scanned_shape_is_read_by_ocr(results):
    atts = results["seed_scanned.eml"]["attachments"]
    assert len(atts) == 1 and atts[0]["ocr"] is True and atts[0]["status"] == "ocr" and atts[0]["chars"] > 1500
    assert all(not a["ocr"] for a in results["seed_direct.eml"]["attachments"])


@pytest.mark.parametrize("shape", SHAPES)
def test_judgement_social_domain_weighed_in_the_budget(results, shape):
    doc = results[shape]
    assert doc["topic"]["code"] in SOCIAL, doc["topics"]
    assert doc["handling"]["code"] in ("vka", "betrekken")
    reasons = " ".join(doc["reasons"]).lower()
    assert "kadernota" in reasons or "begroting" in reasons or "alle gemeente" in reasons, doc["reasons"]


def test_personal_data_of_the_signatories_is_found(results):
    doc = results["seed_direct.eml"]
    kinds = {p["kind"] for p in doc["personal_data"]}
    assert {"person", "email", "phone"} <= kinds
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))["seed_direct.eml"]
    assert doc["sender"]["name"] == expected["sender_name"]
