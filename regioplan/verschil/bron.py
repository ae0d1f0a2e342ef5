"""One side of a comparison: a folder, or a folder as it was in a git revision (``REF:pad``).

A revision is read with git itself, without a checkout and without touching the working tree or the
index: ``git rev-parse`` finds the folder's tree, ``git ls-tree -z`` lists it and one
``git cat-file --batch`` streams the blobs into a private temporary folder (mode 0700, removed
afterwards). Only the files the reader would look at in a folder are copied (workbooks, other
spreadsheets it names in a finding, lock files and ``regioplan.toml``), so the git form gives the same
result as the folder form.

Names from git are hostile: a tree may hold names no checkout would write (``..``, names with a
backslash or control characters, names too long for the file system). Such entries are skipped and
named in :attr:`Bron.overgeslagen`; symbolic links and submodules are never followed. Every git call
gets its arguments as a list (no shell), a revision may not start with ``-`` and ``--end-of-options``
style tricks are refused before git sees them.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..config import CONFIGBESTAND
from ..fouten import RegioplanFout
from ..uitvraag.bestand import MAX_BESTAND
from ..uitvraag.lezen import ANDERE_REKENBLADEN, XLSX, is_slotbestand

GIT_TIJDSLIMIET = 120  #: seconds for one git call; a hanging git must not hang a CI job
_BLOK = 1024 * 1024


@dataclass(frozen=True)
class Bron:
    """A side as given (``label``) and the folder to read it from."""

    label: str
    map: Path
    revisie: str | None = None  #: the full commit id for a git side; None for a folder
    overgeslagen: tuple[str, ...] = ()  #: names in the git tree that were not copied, with the reason


def is_invoerbestand(naam: str) -> bool:
    """Would reading a folder look at a file of this name? (Workbooks, other spreadsheets, locks, config.)"""
    achter = os.path.splitext(naam)[1].lower()
    return achter in XLSX or achter in ANDERE_REKENBLADEN or is_slotbestand(naam) or naam == CONFIGBESTAND


def splits(tekst: str) -> tuple[str, str] | None:
    """``v2024-10:werkboeken`` -> ``("v2024-10", "werkboeken")``; None when ``tekst`` is no revision form.

    An existing path always wins (a folder may have a colon in its name); the caller checks that first.
    """
    if ":" not in tekst:
        return None
    ref, _, pad = tekst.partition(":")
    if not ref or "\n" in tekst or "\0" in tekst:
        return None
    return ref, pad


@contextlib.contextmanager
def open_bron(tekst: str, *, werkmap: Path | None = None) -> Iterator[Bron]:
    """The folder to read for ``tekst``: the folder itself, or a temporary copy of a git revision.

    ``werkmap`` is where git runs (default: the current folder); a path in ``REF:pad`` is relative to
    the repository root like in ``git show REF:pad``, or to ``werkmap`` when it starts with ``./``.
    Raises :class:`RegioplanFout` (``bron-onleesbaar``) when the side cannot be read at all.
    """
    werkmap = werkmap or Path.cwd()
    pad = Path(tekst)
    if not pad.is_absolute():
        pad = werkmap / pad
    if pad.exists():
        if not pad.is_dir():
            raise RegioplanFout(
                "bron-onleesbaar",
                f"'{tekst}' is geen map.",
                "Geef een map met werkboeken op, of een git-revisie van een map: REF:pad.",
            )
        yield Bron(tekst, pad)
        return
    delen = splits(tekst)
    if delen is None:
        raise RegioplanFout(
            "bron-onleesbaar",
            f"'{tekst}' bestaat niet.",
            "Geef een bestaande map op, of een git-revisie van een map als REF:pad (bijvoorbeeld "
            "main:werkboeken).",
        )
    ref, map_in_git = delen
    with tempfile.TemporaryDirectory(prefix="regioplan-") as tijdelijk:
        doel = Path(tijdelijk) / "ronde"
        doel.mkdir()
        commit, overgeslagen = haal_uit_git(ref, map_in_git, doel, werkmap=werkmap, label=tekst)
        yield Bron(tekst, doel, commit, overgeslagen)


def _git(args: list[str], werkmap: Path, label: str, bericht: str = "") -> bytes:
    omgeving = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        proces = subprocess.run(
            ["git", *args],
            cwd=werkmap,
            capture_output=True,
            timeout=GIT_TIJDSLIMIET,
            env=omgeving,
            check=False,
        )
    except FileNotFoundError as fout:
        raise RegioplanFout(
            "git-ontbreekt",
            f"Voor '{label}' is git nodig, maar git is niet gevonden.",
            "Installeer git, of vergelijk twee mappen.",
        ) from fout
    except subprocess.TimeoutExpired as fout:
        raise RegioplanFout(
            "bron-onleesbaar",
            f"git deed langer dan {GIT_TIJDSLIMIET} seconden over '{label}'.",
            "Controleer de repository (git fsck) of vergelijk twee mappen.",
        ) from fout
    if proces.returncode != 0:
        melding = proces.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RegioplanFout(
            "bron-onleesbaar",
            bericht or f"'{label}' is niet te lezen met git: {melding[-1] if melding else 'onbekende fout'}",
            "Gebruik REF:pad met een bestaande tak, tag of commit en een map in die revisie, "
            "bijvoorbeeld main:werkboeken of v2024-10:./werkboeken (./ = vanaf de huidige map).",
        )
    return proces.stdout


def _reden_ongeldig(naam: str) -> str:
    """Why a name from a git tree is not copied; empty when it is safe to write as a plain file name."""
    if naam in ("", ".", "..") or "/" in naam or "\\" in naam:
        return "ongeldige bestandsnaam"
    if any(ord(c) < 32 or ord(c) == 127 for c in naam):
        return "stuurteken in de bestandsnaam"
    if len(os.fsencode(naam)) > 255:
        return "bestandsnaam te lang"
    return ""


def haal_uit_git(
    ref: str, map_in_git: str, doel: Path, *, werkmap: Path, label: str
) -> tuple[str, tuple[str, ...]]:
    """Copy the input files of folder ``map_in_git`` at revision ``ref`` into ``doel``.

    Returns the full commit id and the names that were skipped (with the reason). Files above the
    reader's size limit are written as sparse files of the same size: the reader rejects them on size
    alone, with the same finding as for the folder, without the bytes being copied.
    """
    if ref.startswith("-") or map_in_git.startswith("-"):
        raise RegioplanFout(
            "bron-onleesbaar",
            f"'{label}' is geen geldige revisie (begint met '-').",
            "Gebruik REF:pad, bijvoorbeeld main:werkboeken.",
        )
    _git(
        ["rev-parse", "--git-dir"],
        werkmap,
        label,
        f"'{label}' is een git-revisie, maar {werkmap} is geen git-repository.",
    )
    commit = _git(
        ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        werkmap,
        label,
        f"'{label}': de revisie '{ref}' bestaat niet in deze repository.",
    )
    commit_id = commit.decode("ascii").strip()
    niet_gevonden = f"'{label}': de map '{map_in_git or '.'}' bestaat niet in revisie '{ref}'."
    boom = _git(
        ["rev-parse", "--verify", "--quiet", f"{commit_id}:{map_in_git}"], werkmap, label, niet_gevonden
    )
    boom_id = boom.decode("ascii").strip()
    if _git(["cat-file", "-t", boom_id], werkmap, label).strip() != b"tree":
        raise RegioplanFout(
            "bron-onleesbaar",
            f"'{label}': '{map_in_git}' is in revisie '{ref}' een bestand, geen map.",
            "Geef de map met de werkboeken op, bijvoorbeeld main:werkboeken.",
        )
    lijst = _git(["ls-tree", "-z", boom_id], werkmap, label)
    te_halen: list[tuple[str, str]] = []
    overgeslagen: list[str] = []
    for regel in lijst.split(b"\0"):
        if not regel:
            continue
        kop, _, ruwe_naam = regel.partition(b"\t")
        modus, soort, oid = kop.decode("ascii", "replace").split(" ")
        naam = os.fsdecode(ruwe_naam)
        if soort != "blob" or not is_invoerbestand(naam):
            continue
        if modus not in ("100644", "100755"):
            overgeslagen.append(f"{naam!r}: symbolische koppeling, niet gevolgd")
            continue
        if reden := _reden_ongeldig(naam):
            overgeslagen.append(f"{naam!r}: {reden}")
            continue
        te_halen.append((oid, naam))
    _schrijf_blobs(te_halen, doel, werkmap, label)
    return commit_id, tuple(overgeslagen)


def _schrijf_blobs(te_halen: list[tuple[str, str]], doel: Path, werkmap: Path, label: str) -> None:
    """Stream the blobs through one ``git cat-file --batch`` into ``doel`` (no blob held in memory)."""
    if not te_halen:
        return
    omgeving = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    vraag = b"".join(oid.encode("ascii") + b"\n" for oid, _ in te_halen)
    with tempfile.TemporaryFile() as vraagbestand:
        vraagbestand.write(vraag)
        vraagbestand.seek(0)
        try:
            proces = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=werkmap,
                stdin=vraagbestand,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=omgeving,
            )
        except FileNotFoundError as fout:  # pragma: no cover (rev-parse found git a moment ago)
            raise RegioplanFout("git-ontbreekt", "git is niet gevonden.", "Installeer git.") from fout
        assert proces.stdout is not None
        try:
            for oid, naam in te_halen:
                kop = proces.stdout.readline().split()
                if len(kop) != 3 or kop[1] != b"blob" or kop[0].decode("ascii", "replace") != oid:
                    raise RegioplanFout(
                        "bron-onleesbaar",
                        f"git gaf geen inhoud voor '{naam}' in '{label}'.",
                        "Controleer de repository met git fsck.",
                    )
                grootte = int(kop[2])
                _schrijf_een(proces.stdout, doel / naam, grootte, label)
                proces.stdout.read(1)  # the newline after each blob
        finally:
            proces.stdout.close()
            proces.wait(timeout=GIT_TIJDSLIMIET)


def _schrijf_een(stroom: IO[bytes], pad: Path, grootte: int, label: str) -> None:
    try:
        bestand = pad.open("xb")  # exclusive: two names that one file system takes for one are an error
    except FileExistsError as fout:
        raise RegioplanFout(
            "bron-onleesbaar",
            f"'{label}' bevat twee bestanden die op dit bestandssysteem dezelfde naam hebben ('{pad.name}').",
            "Hernoem een van beide in de repository.",
        ) from fout
    with bestand:
        if grootte > MAX_BESTAND:
            _sla_over(stroom, grootte)
            bestand.truncate(grootte)  # sparse: same size on stat, no bytes written
            return
        rest = grootte
        while rest:
            blok = stroom.read(min(_BLOK, rest))
            if not blok:
                raise RegioplanFout(
                    "bron-onleesbaar",
                    f"git brak af tijdens het lezen van '{pad.name}' in '{label}'.",
                    "Probeer opnieuw; controleer de repository met git fsck.",
                )
            bestand.write(blok)
            rest -= len(blok)


def _sla_over(stroom: IO[bytes], grootte: int) -> None:
    rest = grootte
    while rest:
        blok = stroom.read(min(_BLOK, rest))
        if not blok:
            return
        rest -= len(blok)
