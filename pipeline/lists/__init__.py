"""The lijst ingekomen stukken: meetings, cut-off placement, numbering, list building, formats and adoption."""

from pipeline.lists.amendments import install

install()  # the amendment recorder: every session that changes an item on an adopted list records it
