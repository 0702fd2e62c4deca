"""Where the generated past of the bundled profiles lives: written by sample_generate (which needs reportlab and
python-docx), read by `demo` and `evaluate --history` (which need only these names)."""

from __future__ import annotations

from pathlib import Path

PROFILES = ("nieuwkoop", "steenwijkerland", "sittard-geleen")
ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_OUT = ROOT / "pipeline" / "sample" / "history"
