"""The one fatal error type.

Problems in submitted workbooks are *findings* (see :mod:`regioplan.bevindingen`) and are collected,
never raised. What is raised is only what makes a run impossible (a folder that does not exist, a
broken ``regioplan.toml``): one coded error that the CLI catches in one place and turns into exit 2.
"""

from __future__ import annotations

import errno


class RegioplanFout(Exception):
    """A fatal, coded error with a Dutch message and a hint for the user."""

    def __init__(self, code: str, bericht: str, hint: str = "") -> None:
        super().__init__(f"[{code}] {bericht}")
        self.code = code
        self.bericht = bericht
        self.hint = hint

    def __reduce__(self) -> tuple[type[RegioplanFout], tuple[str, str, str]]:
        # So that the error of a report made in another process (regioplan.rapport.parallel) arrives whole.
        return (type(self), (self.code, self.bericht, self.hint))


_OORZAKEN = {
    errno.EACCES: "geen toestemming (rechten)",
    errno.EPERM: "geen toestemming (rechten)",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EEXIST: "er staat al een bestand met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.ELOOP: "een symbolische link verwijst naar zichzelf",
    errno.EIO: "een lees- of schrijffout van de schijf",
}


def oorzaak(fout: OSError) -> str:
    """The cause of an operating-system error in Dutch (``de schijf is vol``), else the system's own text.

    Problems of the machine are no bugs and no problems in the workbooks: the CLI shows them as such.
    """
    if fout.errno in _OORZAKEN:
        return _OORZAKEN[fout.errno]
    return fout.strerror or type(fout).__name__
