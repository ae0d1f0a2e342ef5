"""The one fatal error type.

Problems in submitted workbooks are *findings* (see :mod:`regioplan.bevindingen`) and are collected,
never raised. What is raised is only what makes a run impossible (a folder that does not exist, a
broken ``regioplan.toml``): one coded error that the CLI catches in one place and turns into exit 2.
"""

from __future__ import annotations


class RegioplanFout(Exception):
    """A fatal, coded error with a Dutch message and a hint for the user."""

    def __init__(self, code: str, bericht: str, hint: str = "") -> None:
        super().__init__(f"[{code}] {bericht}")
        self.code = code
        self.bericht = bericht
        self.hint = hint
