"""The one exception family the user sees, and the documented exit codes.

The core raises subclasses of :class:`RewriterError`; only the CLI turns them into
a French message and an exit code (see README, "Codes de sortie").
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CHECKS_FAILED = 1  # the article was analysed (or written) but a hard check fails
    USAGE = 2  # bad option or argument (click's own code)
    BAD_INPUT = 3  # unreadable, empty, binary or non-French input
    MODEL = 4  # model file missing, truncated or not a GGUF
    OUTPUT = 5  # output cannot be written, or would overwrite something
    CONFIG = 6  # invalid configuration file or setting
    SERVER = 7  # inference server unreachable, refusing the key or the model, or failing
    INTERNAL = 70  # a bug: please report it
    INTERRUPTED = 130  # Ctrl-C


class RewriterError(Exception):
    """Base of every error shown to the user. `message` is French and names the fix."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(RewriterError):
    exit_code = ExitCode.BAD_INPUT


class ModelError(RewriterError):
    exit_code = ExitCode.MODEL


class OutputError(RewriterError):
    exit_code = ExitCode.OUTPUT


class ConfigError(RewriterError):
    exit_code = ExitCode.CONFIG


class ServerError(RewriterError):
    exit_code = ExitCode.SERVER
