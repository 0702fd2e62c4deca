"""Limits that keep attachment extraction safe against large, broken and hostile files.

They are the settings' `[limits]` table itself (pipeline.config.LimitSettings), declared once: a renamed field
cannot silently fall back to a default here."""

from __future__ import annotations

from pipeline.config import LimitSettings

ExtractLimits = LimitSettings

__all__ = ["ExtractLimits"]
