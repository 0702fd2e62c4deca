"""Sizes for people: decimal units (kB, MB) as the limits in config.toml are written, with a Dutch comma."""

from __future__ import annotations


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def kilobytes(size: int) -> str:
    if size >= 1_000_000:
        return megabytes(size)
    return f"{size / 1000:.1f} kB".replace(".", ",")
