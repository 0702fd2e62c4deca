"""Typed errors: each carries one clear sentence (Dutch) that the CLI and the web UI show as is."""

from __future__ import annotations


class GriffieError(Exception):
    """An error a user can act on; str() is the sentence to show."""

    exit_code = 1


class ConfigError(GriffieError):
    exit_code = 2


class NotFound(GriffieError):
    exit_code = 3


class SourceError(GriffieError):
    """A source (file, mailbox, server) cannot be read."""

    exit_code = 4


class RuleError(GriffieError):
    """A rule or profile file is wrong; the message names file, line and problem."""

    exit_code = 2
