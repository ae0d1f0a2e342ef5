"""Library side of `regioplan sjabloon` and `regioplan init`: which gemeenten, which files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIGBESTAND, Config, Regio, config_pad, laad_config
from .fouten import RegioplanFout
from .indeling import provincies, regio_elders, zoek_provincie
from .namen import naamvolgorde, regio_titel, slug
from .uitvoer import schrijf
from .uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag
from .voorstel import gemeentevoorstel, voorbeeld


def op_naam(config: Config, codes: Iterable[str]) -> list[str]:
    """CBS codes in Dutch alphabetical order of their names (:func:`~regioplan.namen.naamvolgorde`)."""
    return sorted(codes, key=lambda c: naamvolgorde(config.naam(c)))


def bestandsnaam(naam: str) -> str:
    """``Hof van Twente`` -> ``hof-van-twente.xlsx``."""
    return slug(naam) + ".xlsx"


def kies_provincie(tekst: str) -> str:
    """The built-in province for ``--provincie``; ``optie-ongeldig`` naming the twelve otherwise."""
    naam = zoek_provincie(tekst)
    if naam is None:
        raise RegioplanFout(
            "optie-ongeldig",
            f"'{tekst}' is geen provincie.",
            "Kies uit: " + ", ".join(p.lower() for p in provincies()) + ".",
        )
    return naam


def sjabloon_config(uit: Path, config_bestand: Path | None, provincie: str | None) -> Config:
    """The configuration ``sjabloon`` works from: ``--config``, else the ``regioplan.toml`` already in the
    ``--uit`` folder, else the built-in ``--provincie`` (else the default province)."""
    if config_bestand is not None:
        if not config_pad(config_bestand).is_file():
            raise RegioplanFout(
                "config-ontbreekt",
                f"Het configuratiebestand '{config_bestand}' bestaat niet.",
                "Geef het pad naar een regioplan.toml, of laat --config weg.",
            )
        config = laad_config(config_bestand)
    elif (uit / CONFIGBESTAND).is_file():
        config = laad_config(uit)
    else:
        return laad_config(provincie=kies_provincie(provincie) if provincie else None)
    if provincie and kies_provincie(provincie) != config.provincie:
        raise RegioplanFout(
            "optie-ongeldig",
            f"--provincie {provincie} past niet bij {config.herkomst}.",
            "Laat --provincie weg, of kies een lege map voor --uit.",
        )
    return config


def schrijf_sjablonen(
    uit: Path,
    *,
    gemeenten: list[str],
    regio: str | None,
    opgaven: bool,
    config_pad: Path | None = None,
    config: Config | None = None,
    overschrijf: bool = False,
) -> Sjablonen:
    """Write the workbooks (and with ``opgaven`` the opgaven workbook); each carries what it was made for
    (province, regio, cycle, peildata, format version).

    A file that is already there is never replaced unless ``overschrijf``: in the folder of a round it is a
    workbook a gemeente filled in, or the coordinator's opgaven. Returns what was written and what was
    left alone.
    """
    config = config or laad_config(config_pad)
    if gemeenten:
        codes = []
        for g in gemeenten:
            code = config.zoek_code(g)
            if code is None:
                voorstel = gemeentevoorstel(g, config)
                bedoeld = f" Bedoelde je '{config.naam(voorstel)}'?" if voorstel else ""
                raise RegioplanFout(
                    "optie-ongeldig",
                    f"'{g}' is geen bekende gemeente.{bedoeld}",
                    f"Gebruik de naam of de CBS-code, bijvoorbeeld {voorbeeld(config, voorstel)}.",
                )
            codes.append(code)
    elif regio:
        codes = list(_regio(config, regio).gemeenten)
    else:
        codes = list(config.gemeenten)
    werkboeken: list[Path] = []
    overgeslagen: list[Path] = []
    for c in op_naam(config, codes):
        pad = uit / bestandsnaam(config.naam(c))
        if _bestaat(pad) and not overschrijf:
            overgeslagen.append(pad)
        else:
            werkboeken.append(schrijf_uitvraag(pad, {"gemeente": kenmerken(config, c)}))
    opgaven_pad = None
    if opgaven:
        pad = uit / "opgaven.xlsx"
        if _bestaat(pad) and not overschrijf:
            overgeslagen.append(pad)
        else:
            rijen = []
            for r in config.regios:
                for c in op_naam(config, r.gemeenten):
                    if c in codes:
                        rijen.append({"cbs_code": c, "gemeente": config.naam(c), "regio": r.naam})
            opgaven_pad = schrijf_opgaven(pad, rijen)
    return Sjablonen(tuple(werkboeken), opgaven_pad, tuple(overgeslagen))


def _bestaat(pad: Path) -> bool:
    """Something is at ``pad`` (a file, a link, even a broken one): never write over it without asking."""
    return pad.exists() or pad.is_symlink()


@dataclass(frozen=True)
class Sjablonen:
    """What :func:`schrijf_sjablonen` did: the workbooks written, the opgaven workbook (or None), and the
    paths left alone because something was there already."""

    werkboeken: tuple[Path, ...]
    opgaven: Path | None
    overgeslagen: tuple[Path, ...]

    @property
    def paden(self) -> list[Path]:
        """Every written path, the opgaven workbook last."""
        return [*self.werkboeken, *([self.opgaven] if self.opgaven is not None else [])]


def _regio(config: Config, sleutel: str) -> Regio:
    """The regio for ``--regio`` (key or name), or ``optie-ongeldig`` naming the keys there are."""
    r = config.regio(sleutel)
    if r is None:
        elders = regio_elders(sleutel, config.provincie)
        if elders is not None:
            raise RegioplanFout(
                "optie-ongeldig",
                f"'{sleutel}' is een regio van {elders[0]}, niet van {config.provincie} (de configuratie: "
                f"{config.herkomst}).",
                f"Geef ook --provincie {slug(elders[0])}: regioplan sjabloon --provincie {slug(elders[0])} "
                f"--regio {slug(elders[1])}.",
            )
        raise RegioplanFout(
            "optie-ongeldig",
            f"Regio '{sleutel}' bestaat niet in de configuratie.",
            "Kies uit: " + ", ".join(x.sleutel for x in config.regios) + ".",
        )
    return r


def kenmerken(config: Config, code: str) -> dict[str, object]:
    """The pre-filled fields of a gemeente's workbook: who, and what it was made for."""
    regio = config.regio_van(code)
    return {
        "naam": config.naam(code),
        "cbs_code": code,
        "provincie": config.provincie,
        "regio": regio.naam if regio else "",
        "cyclus": config.cyclus.naam,
        "actief_uiterlijk": config.cyclus.actief_uiterlijk,
        "in_gebruik_tot_minstens": config.cyclus.in_gebruik_tot_minstens,
        "peildatum_oekraine": config.peildata.oekraine,
        "peildatum_statushouders": config.peildata.statushouders,
    }


def startconfig(config: Config) -> str:
    """A commented regioplan.toml for a built-in province: one active line (the province), the national
    and provincial defaults written out as comments to copy and change."""
    c, p = config.cyclus, config.peildata
    sleutel = config.provincie_sleutel
    regels = [
        f"# regioplan.toml voor provincie {config.provincie}, geschreven door `regioplan init --provincie "
        f"{sleutel}`.",
        "# Deze ene regel is een volledige configuratie; de rest staat als commentaar met de "
        "standaardwaarden.",
        "# Haal '# ' weg voor wat je wilt veranderen. Alle sleutels: docs/configuratie.md.",
        "",
        f'provincie = "{sleutel}"',
        "",
        "# ---- Landelijk: gelijk voor elke provincie (cyclus Spreidingswet en peildata). Alleen aanpassen",
        "# ---- als het Rijk een nieuwe cyclus of nieuwe peildata vaststelt.",
        "",
        "# [cyclus]",
        f'# naam = "{c.naam}"',
        f"# actief_uiterlijk = {c.actief_uiterlijk.isoformat()}",
        f"# in_gebruik_tot_minstens = {c.in_gebruik_tot_minstens.isoformat()}",
        f'# periode_tekst = "{c.periode_tekst}"  # weglaten: afgeleid uit de twee datums hierboven',
        "",
        "# [peildata]",
        f"# oekraine = {p.oekraine.isoformat()}",
        f"# statushouders = {p.statushouders.isoformat()}",
        f'# statushouders_periode = "{p.statushouders_periode}"',
        f"# statushouders_verwachting = {p.statushouders_verwachting.isoformat()}",
        "",
        "# ---- Provinciaal: de regio's. Standaard de veiligheidsregio's hieronder. Wil de provinciale tafel",
        "# ---- een andere indeling, haal dan '# ' weg bij ALLE [[regio]]-blokken en verdeel de gemeenten;",
        "# ---- elke gemeente van de provincie hoort in precies één regio.",
    ]
    for r in config.regios:
        regels += [
            "",
            "# [[regio]]",
            f'# naam = "{r.naam}"',
            f'# sleutel = "{r.sleutel}"          # voor --regio en in bestandsnamen',
            f'# regietafel = "{r.regietafel}"',
            "# gemeenten = [",
        ]
        regels += [f'#   "{g}",  # {config.naam(g)}' for g in op_naam(config, r.gemeenten)]
        regels.append("# ]")
    return "\n".join(regels) + "\n"


def regioconfig(config: Config, sleutel: str) -> str:
    """A regioplan.toml that says a folder holds one regio only: the province, and that regio with its
    gemeenten (so the opgaven, the checks and the totals are about this regio, not the whole province)."""
    r = _regio(config, sleutel)
    regels = [
        f"# regioplan.toml voor {regio_titel(r.naam, hoofdletter=False)} (provincie {config.provincie}), "
        f"geschreven door `regioplan sjabloon --regio {r.sleutel}`.",
        "# Deze map gaat alleen over de gemeenten van deze regio. Alle sleutels: docs/configuratie.md.",
        "",
        f'provincie = "{config.provincie_sleutel}"',
        "",
        "[[regio]]",
        f'naam = "{r.naam}"',
        f'sleutel = "{r.sleutel}"',
        f'regietafel = "{r.regietafel}"',
        "gemeenten = [",
        *(f'  "{g}",  # {config.naam(g)}' for g in op_naam(config, r.gemeenten)),
        "]",
    ]
    return "\n".join(regels) + "\n"


def schrijf_regioconfig(map_: Path, config: Config, sleutel: str) -> Path:
    """Write ``MAP/regioplan.toml`` for one regio (:func:`regioconfig`), atomically."""
    return schrijf(map_ / CONFIGBESTAND, regioconfig(config, sleutel))


def schrijf_startconfig(map_: Path, provincie: str, *, overschrijf: bool = False) -> Path:
    """Write ``MAP/regioplan.toml`` for a built-in province (atomically); ``config-bestaat`` when one is
    already there and ``overschrijf`` is not set."""
    naam = kies_provincie(provincie)
    pad = map_ / CONFIGBESTAND
    if pad.exists() and not overschrijf:
        raise RegioplanFout(
            "config-bestaat",
            f"{pad} bestaat al.",
            "Gebruik --overschrijf om het te vervangen, of kies een andere map.",
        )
    return schrijf(pad, startconfig(laad_config(provincie=naam)))
