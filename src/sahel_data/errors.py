"""Errors that users see: each names the file (or URL) and the problem."""

from __future__ import annotations


class SahelDataError(Exception):
    """Base class for errors reported to users without a traceback."""


class InputError(SahelDataError):
    """A raw document, its metadata or a source cannot be used."""

    def __init__(self, where: object, problem: str):
        self.where = str(where)
        self.problem = problem
        super().__init__(f"{self.where}: {problem}")


class ValidationFailed(SahelDataError):
    """A table or the package breaks its schema; `report` lists every failure."""

    def __init__(self, what: str, report: str):
        self.what = what
        self.report = report
        super().__init__(f"{what} failed validation:\n{report}")
