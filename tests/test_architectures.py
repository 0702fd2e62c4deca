"""pipeline/architectures.py: a model's config names the architecture; that name imports the module defining it."""

from __future__ import annotations

from pathlib import Path

from spacy.util import load_config, registry

from pipeline import architectures
from pipeline.models_dir import FIELDS

MODELS = Path(__file__).resolve().parent.parent / "models"


def test_each_module_in_the_table_registers_the_name_it_is_listed_under():
    for name, module in architectures.MODULES.items():
        loaded = architectures.register({"model": {"@architectures": name}})
        assert loaded[name].__name__ == module
        assert registry.architectures.get(name).__module__ == module


def test_the_shipped_models_and_training_configs_name_only_architectures_that_are_found():
    """GIVEN each shipped model and each training config WHEN its architectures are read (as text for a saved
    model, parsed for a config) THEN both readings agree and every griffiepost name is in the table."""
    for field in FIELDS:
        for path, parsed in ((MODELS / field, load_config(MODELS / field / "config.cfg")),
                             (MODELS / "config" / f"{field}.cfg", load_config(MODELS / "config" / f"{field}.cfg"))):
            names = architectures.named_in(parsed)
            assert names, path
            assert [n for n in names if n.startswith("griffiepost.")] == ["griffiepost.TextCatNormBOW.v1"], path
            assert set(architectures.register(parsed)) == {"griffiepost.TextCatNormBOW.v1"}, path
        assert architectures.ARCHITECTURE_LINE.findall((MODELS / field / "config.cfg").read_text()) \
            == architectures.named_in(load_config(MODELS / field / "config.cfg")), field
        assert set(architectures.register_saved(MODELS / field)) == {"griffiepost.TextCatNormBOW.v1"}


def test_a_config_naming_only_spacy_architectures_imports_nothing():
    assert architectures.register({"components": {"textcat": {"model": {"@architectures": "spacy.TextCatBOW.v3"}}}}) \
        == {}
