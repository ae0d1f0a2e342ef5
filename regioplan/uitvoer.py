"""Writing files: atomically, never over the input, with plain Dutch messages for what the disk says.

Every writer of regioplan (reports, exports, ``valideer --uit``, the template workbooks) goes through
:func:`schrijf`. It writes to a temporary file in the target's own folder and renames it over the
target, so a reader (a web server, a second run, a colleague opening the file) sees the previous file
or the new one, never an empty or half-written one, and a crash or a full disk leaves the previous file
intact. Two runs writing the same report at once each rename a complete file; the last one wins.

A problem of the machine (no permission, disk full, a file where a folder is meant) is not a bug in
regioplan and not a problem in the workbooks: it becomes a :class:`~regioplan.fouten.RegioplanFout`
(``uitvoer-onschrijfbaar``, exit 2) naming the path and the cause in Dutch.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .fouten import RegioplanFout, oorzaak

#: Names of files in a workbook folder that regioplan reads (besides the workbooks themselves).
INVOERNAMEN = {"regioplan.toml"}
#: Extensions of files in a workbook folder that regioplan reads or reports on.
INVOEREXTENSIES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".numbers", ".xlsb", ".fods", ".tsv"}


def onschrijfbaar(pad: Path, fout: OSError) -> RegioplanFout:
    """The coded error for an output that cannot be written."""
    return RegioplanFout(
        "uitvoer-onschrijfbaar",
        f"Kan '{pad}' niet schrijven: {oorzaak(fout)}.",
        "Kies met --uit een map of bestand waarin u mag schrijven, met genoeg vrije ruimte.",
    )


def maak_map(map_: Path) -> Path:
    """Create the output folder (and its parents) if needed; a file in its place is a clear error."""
    if map_.exists() and not map_.is_dir():
        raise RegioplanFout(
            "uitvoer-onschrijfbaar",
            f"'{map_}' is een bestand, geen map.",
            "Geef met --uit een map op (die mag nog niet bestaan), of verwijder het bestand.",
        )
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise onschrijfbaar(map_, fout) from fout
    return map_


def weiger_invoer(doel: Path, invoer: Path | None) -> None:
    """Refuse an output path that is (or would become) input of the run that reads ``invoer``.

    ``invoer`` is the folder with the workbooks, or one workbook. Refused: that workbook itself, and in
    that folder every spreadsheet and ``regioplan.toml`` (a result written there would be read as a
    submission by the next run, or replace one).
    """
    if invoer is None:
        return
    try:
        doel_echt = doel.resolve()
        invoer_echt = invoer.resolve()
    except (OSError, RuntimeError):
        return  # a path that cannot be resolved is not the input; writing it reports its own error
    if invoer_echt.is_dir():
        geraakt = doel_echt.parent == invoer_echt and (
            doel_echt.suffix.lower() in INVOEREXTENSIES or doel_echt.name.lower() in INVOERNAMEN
        )
    else:
        geraakt = doel_echt == invoer_echt
    if geraakt:
        raise RegioplanFout(
            "uitvoer-is-invoer",
            f"'{doel}' is invoer: regioplan schrijft nooit in de werkboeken of de configuratie die het "
            "leest.",
            "Schrijf de uitvoer buiten de map met werkboeken, bijvoorbeeld --uit uitvoer/resultaten.xlsx.",
        )


def schrijf(pad: Path, inhoud: bytes | str | Callable[[BinaryIO], None]) -> Path:
    """Write ``inhoud`` (bytes, text as UTF-8, or a function that writes into a binary file) to ``pad``
    atomically: a temporary file in the same folder, flushed to disk, then renamed over ``pad``.

    The new file gets the permissions a plain new file would get (the umask), not the private ones of a
    temporary file. Raises :class:`~regioplan.fouten.RegioplanFout` ``uitvoer-onschrijfbaar`` when the
    disk refuses; the previous file is then untouched and no temporary file is left behind.
    """
    maak_map(pad.parent)
    if pad.is_dir():
        raise onschrijfbaar(pad, IsADirectoryError(errno.EISDIR, "is a directory"))
    tijdelijk: str | None = None
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
        with os.fdopen(fd, "wb") as f:
            if callable(inhoud):
                inhoud(f)
            else:
                f.write(inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, 0o666 & ~_umask())
        os.replace(tijdelijk, pad)
        tijdelijk = None
    except OSError as fout:
        raise onschrijfbaar(pad, fout) from fout
    finally:
        if tijdelijk is not None:
            try:
                os.unlink(tijdelijk)
            except OSError:
                pass
    return pad


def _umask() -> int:
    # The only portable way to read the umask is to set it; this runs in the main thread of a CLI.
    oud = os.umask(0o022)
    os.umask(oud)
    return oud


def voeg_toe(pad: Path, tekst: str) -> Path:
    """Append ``tekst`` to ``pad`` in one write (for files another program owns and reads as a whole
    afterwards, such as GitHub's ``$GITHUB_STEP_SUMMARY``); the disk's complaints as for :func:`schrijf`."""
    try:
        with pad.open("a", encoding="utf-8") as f:
            f.write(tekst)
    except OSError as fout:
        raise onschrijfbaar(pad, fout) from fout
    return pad
