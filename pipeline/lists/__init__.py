"""The lijst ingekomen stukken: meetings, cut-off placement, numbering, list building, formats and adoption."""

from pipeline.lists import amendments as _amendments  # noqa: F401  (installs the amendment recorder)
