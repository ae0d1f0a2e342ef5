"""The importable API: read -> validate -> compute -> render, one call per CLI command.

>>> from regioplan.api import valideer, bereken
>>> rapport = valideer(Path("voorbeelddata/overijssel-2024"))
>>> resultaat = bereken(Path("voorbeelddata/overijssel-2024"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .berekening import bereken as _bereken
from .config import Config, bouw_config, config_pad, laad_config
from .controles import Validatie, controleer
from .fouten import RegioplanFout
from .resultaat import Resultaat, Telling
from .uitvraag.lezen import Invoer, lees_map

if TYPE_CHECKING:  # pragma: no cover
    from .publicatie import Publicatie
    from .rapport.parallel import Voortgang
    from .verdeling import Instellingen, Verdeling
    from .verschil import Stand, Verschil
    from .verschil.verloop import Verloop


def configuratie(pad: Path, config_bestand: Path | None = None) -> Config:
    """The configuration for a folder or one workbook: ``config_bestand`` (``--config``), else the
    ``regioplan.toml`` next to the workbooks, else for one workbook what it says it was made for
    (province, cycle, peildata; see :mod:`regioplan.uitvraag.kenmerken`), else the built-in default.
    ``Config.herkomst`` says which one it is. Raises ``pad-bestaat-niet``, ``config-ontbreekt`` or
    ``config-ongeldig``."""
    if not pad.exists():
        raise RegioplanFout(
            "pad-bestaat-niet",
            f"'{pad}' bestaat niet.",
            "Geef de map met de werkboeken op, of één .xlsx-bestand.",
        )
    if config_bestand is not None:
        if not config_pad(config_bestand).is_file():
            raise RegioplanFout(
                "config-ontbreekt",
                f"Het configuratiebestand '{config_bestand}' bestaat niet.",
                "Geef het pad naar een regioplan.toml, of laat --config weg.",
            )
        return laad_config(config_bestand)
    map_ = pad if pad.is_dir() else pad.parent
    if pad.is_file() and not config_pad(map_).is_file():
        from .uitvraag.kenmerken import als_config, lees_kenmerken

        eigen = als_config(lees_kenmerken(pad))
        if eigen:
            return bouw_config(eigen, f"gegevens in werkboek {pad.name}")
    return laad_config(map_)


def _config_voor(pad: Path, config: Config | None) -> Config:
    if config is not None:
        if not pad.exists():
            return configuratie(pad)  # raises pad-bestaat-niet
        return config
    return configuratie(pad)


def lees(pad: Path, config: Config | None = None) -> Invoer:
    """Read a folder (or one workbook) and run every check; findings are in ``invoer.bevindingen``."""
    config = _config_voor(pad, config)
    invoer = lees_map(pad, config)
    controleer(invoer, enkel_bestand=not pad.is_dir())
    return invoer


def valideer(pad: Path, config: Config | None = None) -> Validatie:
    """Check a folder or one workbook; the result lists every finding and an overview per gemeente."""
    invoer = lees(pad, config)
    return Validatie.van(invoer)


def bereken(pad: Path, config: Config | None = None, peildata: Sequence[dt.date] = ()) -> Resultaat:
    """Read, check and compute every figure (optionally with a timeline over ``peildata``)."""
    return _bereken(lees(pad, config), peildata)


def rapport(
    pad: Path,
    regio: str,
    uit: Path,
    *,
    formaten: Sequence[str] = ("md", "html"),
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    config: Config | None = None,
    vorige: str | None = None,
) -> list[Path]:
    """Write the regional plan for ``regio`` (or the provincial verslag for the province key) to ``uit``.

    The same input gives byte-identical files: the date on the report is ``datum``, else the latest
    'datum invulling' of the workbooks, else only the cycle is named. Returns the written paths.
    ``vorige`` (a folder or ``REF:pad``) adds the chapter "Ontwikkeling sinds de vorige ronde".
    """
    return rapporten(
        pad,
        [regio],
        uit,
        formaten=formaten,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        config=config,
        vorige=vorige,
    )


@dataclass(frozen=True)
class Geschreven:
    """What :func:`schrijf_rapporten` wrote: the paths, report by report, and the number of findings in the
    input (with errors the reports carry a "concept" banner; the CLI says so too)."""

    paden: list[Path]
    bevindingen: Telling


def rapporten(
    pad: Path,
    regios: Sequence[str],
    uit: Path,
    *,
    formaten: Sequence[str] = ("md", "html"),
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    config: Config | None = None,
    vorige: str | None = None,
) -> list[Path]:
    """Write several reports (``"alle"``: every regio and the provincial verslag) from one reading; the
    written paths (see :func:`schrijf_rapporten`)."""
    return schrijf_rapporten(
        pad,
        regios,
        uit,
        formaten=formaten,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        config=config,
        vorige=vorige,
    ).paden


def schrijf_rapporten(
    pad: Path,
    regios: Sequence[str],
    uit: Path,
    *,
    formaten: Sequence[str] = ("md", "html"),
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    config: Config | None = None,
    vorige: str | None = None,
    processen: int | None = None,
    voortgang: Callable[[Voortgang], None] | None = None,
) -> Geschreven:
    """Write several reports (``"alle"``: every regio and the provincial verslag) from one reading.

    The workbooks are read, checked and computed once, however many reports are asked: for a national
    set that is the difference between reading 342 workbooks once and once per regio. Unknown keys fail
    before anything is read. With pdf or docx the reports are made in parallel processes
    (``processen``; default one per processor core, see :mod:`regioplan.rapport.parallel`); the files
    are the same whatever the number. ``voortgang`` is called after each finished report. Returns the
    written paths, report by report, and the count of findings in the input.
    """
    from .rapport.context import rapport_sleutels
    from .rapport.schrijven import controleer_formaten, schrijf_set

    config = _config_voor(pad, config)
    sleutels = rapport_sleutels(config, regios)
    controleer_formaten(formaten, word_sjabloon)
    invoer = lees(pad, config)
    resultaat = _bereken(invoer)
    verschil_ = None
    if vorige is not None:
        from .verschil import vergelijk
        from .verschil.stand import stand_van

        huidig = stand_van(resultaat, invoer.bevindingen.lijst, str(pad))
        verschil_ = vergelijk(stand(vorige, config), huidig)
    gemaakt = schrijf_set(
        resultaat,
        sleutels,
        uit,
        formaten=formaten,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        vorige=verschil_,
        processen=processen,
        voortgang=voortgang,
    )
    return Geschreven([p for _, paden in gemaakt for p in paden], resultaat.bevindingen)


def stand(bron: str, config: Config | None = None, *, werkmap: Path | None = None) -> Stand:
    """The state of one round: a folder, or a folder in a git revision (``REF:pad``, read with git).

    ``werkmap`` is where a relative folder and git are looked up (default: the current folder).
    A side that cannot be read raises :class:`RegioplanFout` (``bron-onleesbaar``, ``git-ontbreekt``).
    """
    from .verschil.bron import open_bron
    from .verschil.stand import stand_van

    with open_bron(bron, werkmap=werkmap) as b:
        invoer = lees(b.map, config)
        return stand_van(_bereken(invoer), invoer.bevindingen.lijst, b.label, b.revisie, b.overgeslagen)


def verschil(oud: str, nieuw: str, config: Config | None = None, *, werkmap: Path | None = None) -> Verschil:
    """What changed from round ``oud`` to round ``nieuw`` (each a folder or ``REF:pad``)."""
    from .verschil import vergelijk

    return vergelijk(stand(oud, config, werkmap=werkmap), stand(nieuw, config, werkmap=werkmap))


def verloop(
    rondes: Sequence[str],
    sleutel: str | None = None,
    config: Config | None = None,
    *,
    werkmap: Path | None = None,
) -> Verloop:
    """The key figures of the province (or regio/gemeente ``sleutel``) over ``rondes`` (folders or
    ``REF:pad``)."""
    from .verschil.verloop import verloop as _verloop

    if len(rondes) < 1:
        raise RegioplanFout(
            "optie-ongeldig", "Geen rondes opgegeven.", "Geef één of meer mappen of REF:pad op."
        )
    return _verloop([stand(r, config, werkmap=werkmap) for r in rondes], sleutel)


def verdeel(pad: Path, config: Config | None = None, instellingen: Instellingen | None = None) -> Verdeling:
    """Simulate the Verdeelbesluit method (steps 1-4b) on the workbooks of a province.

    ``instellingen`` None: the defaults of :class:`regioplan.verdeling.Instellingen`. The step-1 figures
    come from :func:`bereken`. A folder of part of the province (``sjabloon --regio``) raises
    ``optie-ongeldig``: the method distributes a province's restopgave over all its gemeenten.
    """
    from .verdeling import Instellingen
    from .verdeling import verdeel as _verdeel
    from .verdeling.invoer import uit_resultaat

    config = _config_voor(pad, config)
    if not config.hele_provincie:
        raise RegioplanFout(
            "optie-ongeldig",
            f"Deze map gaat niet over heel {config.provincie}: {config.deel}. De verdeling van de restopgave "
            "(Verdeelbesluit) gaat over alle gemeenten van de provincie.",
            f"Draai regioplan verdeel op een map met de werkboeken van alle gemeenten van "
            f"{config.provincie}, zonder regio-beperking in regioplan.toml.",
        )
    invoer = lees(pad, config)
    return _verdeel(uit_resultaat(_bereken(invoer), invoer), instellingen or Instellingen())


def publiceer(
    pad: Path,
    regios: Sequence[str],
    uit: Path,
    *,
    datum: dt.date | None = None,
    sjablonen: Path | None = None,
    word_sjabloon: Path | None = None,
    config: Config | None = None,
    processen: int | None = None,
    voortgang: Callable[[Voortgang], None] | None = None,
) -> Publicatie:
    """Write a self-contained publication folder (see :mod:`regioplan.publicatie`); returns what was
    written (folder, index, every path). ``processen`` and ``voortgang`` as in :func:`schrijf_rapporten`."""
    from .publicatie import schrijf_publicatie

    config = _config_voor(pad, config)
    return schrijf_publicatie(
        pad,
        regios,
        uit,
        datum=datum,
        sjablonen=sjablonen,
        word_sjabloon=word_sjabloon,
        config=config,
        processen=processen,
        voortgang=voortgang,
    )
