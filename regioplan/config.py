"""Configuration: province, regio's, cycle dates and peildata.

The built-in default (``standaard.toml``) describes Overijssel and the first Spreidingswet cycle. A
``regioplan.toml`` in the data folder is merged over it table by table: keys of ``[cyclus]``,
``[peildata]``, ``[provincie]`` and ``[aliassen]`` replace single values; a ``[[regio]]`` list replaces
all regio's. So a later cycle needs one changed date, another province a new file, and no code changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .fouten import RegioplanFout
from .waarden import normaliseer

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIGBESTAND = "regioplan.toml"


@dataclass(frozen=True)
class Cyclus:
    naam: str
    actief_uiterlijk: dt.date
    in_gebruik_tot_minstens: dt.date
    periode_tekst: str = ""


@dataclass(frozen=True)
class Peildata:
    oekraine: dt.date
    statushouders: dt.date
    statushouders_periode: str
    #: for the report's kerncijfers; not in the JSON of ``bereken`` (metadata read by regioplan.resultaat)
    statushouders_verwachting: dt.date = field(metadata={"json": False})


@dataclass(frozen=True)
class Regio:
    naam: str
    sleutel: str
    gemeenten: tuple[str, ...]
    regietafel: str = ""


@dataclass(frozen=True)
class Config:
    provincie: str
    provincie_sleutel: str
    cyclus: Cyclus
    peildata: Peildata
    regios: tuple[Regio, ...]
    namen: dict[str, str] = field(default_factory=dict)  #: CBS code -> official name
    aliassen: dict[str, str] = field(default_factory=dict)  #: normalised variant -> CBS code
    bron: str = "ingebouwd"

    def regio_van(self, cbs_code: str) -> Regio | None:
        for regio in self.regios:
            if cbs_code in regio.gemeenten:
                return regio
        return None

    def regio(self, sleutel: str) -> Regio | None:
        s = normaliseer(sleutel)
        return next((r for r in self.regios if normaliseer(r.sleutel) == s or normaliseer(r.naam) == s), None)

    @property
    def gemeenten(self) -> tuple[str, ...]:
        """All CBS codes of the province, in regio order then configured order."""
        return tuple(code for regio in self.regios for code in regio.gemeenten)

    def naam(self, cbs_code: str) -> str:
        return self.namen.get(cbs_code, cbs_code)

    def zoek_code(self, naam_of_code: str) -> str | None:
        """CBS code for a name, a known variant, or a code (also one that lost its leading zeros)."""
        tekst = naam_of_code.strip()
        code = normaliseer_code(tekst)
        if code and code in self.namen:
            return code
        return self.aliassen.get(normaliseer(tekst))


def normaliseer_code(tekst: str) -> str | None:
    """``GM0141``, ``gm141`` and ``141`` all give ``GM0141``; anything else gives None."""
    t = tekst.strip().upper().replace(" ", "")
    if t.startswith("GM"):
        t = t[2:]
    if t.endswith(".0"):
        t = t[:-2]
    return f"GM{int(t):04d}" if t.isdigit() and len(t) <= 4 else None


@cache
def landelijke_gemeenten() -> dict[str, tuple[str, str]]:
    """CBS code -> (name, province) for the 342 gemeenten of 2024 (NLExtract)."""
    tekst = resources.files("regioplan").joinpath("data/gemeenten-2024.csv").read_text(encoding="utf-8")
    rijen = csv.DictReader(tekst.splitlines(), delimiter=";")
    return {
        r["gemeentecode"]: (r["gemeentenaam"], r["provincienaam"]) for r in rijen if r.get("gemeentecode")
    }


def _datum(waarde: object, sleutel: str, bron: str) -> dt.date:
    if isinstance(waarde, dt.date):
        return waarde
    raise RegioplanFout(
        "config-ongeldig",
        f"{bron}: '{sleutel}' moet een datum zijn (bijvoorbeeld 2025-07-01), niet {waarde!r}.",
        "Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens.",
    )


def _samenvoegen(basis: dict, extra: dict) -> dict:
    uit = dict(basis)
    for sleutel, waarde in extra.items():
        if isinstance(waarde, dict) and isinstance(uit.get(sleutel), dict):
            uit[sleutel] = {**uit[sleutel], **waarde}
        else:
            uit[sleutel] = waarde
    return uit


def laad_config(map_of_bestand: Path | None = None) -> Config:
    """The built-in configuration, with ``regioplan.toml`` from the data folder merged over it."""
    ruw = tomllib.loads(resources.files("regioplan").joinpath("standaard.toml").read_text(encoding="utf-8"))
    bron = "ingebouwd (Overijssel)"
    if map_of_bestand is not None:
        pad = map_of_bestand if map_of_bestand.suffix == ".toml" else map_of_bestand / CONFIGBESTAND
        if pad.is_file():
            try:
                eigen = tomllib.loads(pad.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as fout:
                raise RegioplanFout(
                    "config-ongeldig",
                    f"{pad.name} is geen geldige TOML: {fout}",
                    "Controleer de regel die genoemd wordt.",
                ) from fout
            ruw = _samenvoegen(ruw, eigen)
            bron = pad.name
    return maak_config(ruw, bron)


#: The shape of regioplan.toml: table -> (TOML type, type of its values). Checked before anything is built,
#: so a list where a table belongs or a number where text belongs is a config error, not a crash.
_TABELLEN = {
    "provincie": dict,
    "cyclus": dict,
    "peildata": dict,
    "regio": list,
    "aliassen": dict,
    "gemeenten": dict,
}
_TOML_TYPE = {
    dict: "een tabel ([naam])",
    list: "een lijst van tabellen ([[regio]])",
    str: "tekst tussen aanhalingstekens",
    list[str]: 'een lijst met tekst, zoals ["GM0141", "GM0147"]',
}


def _fout_vorm(bron: str, sleutel: str, verwacht: object, waarde: object, waar: str = "") -> RegioplanFout:
    return RegioplanFout(
        "config-ongeldig",
        f"{bron}: '{sleutel}'{waar} moet {_TOML_TYPE[verwacht]} zijn, niet {waarde!r}.",
        "Zie docs/configuratie.md voor de vorm van regioplan.toml.",
    )


def _controleer_vorm(ruw: dict, bron: str) -> None:
    """Raise ``config-ongeldig`` for a table, list or value of the wrong TOML type."""
    for tabel, soort in _TABELLEN.items():
        if tabel in ruw and not isinstance(ruw[tabel], soort):
            raise _fout_vorm(bron, tabel, soort, ruw[tabel])
    for tabel in ("aliassen", "gemeenten", "provincie"):
        for sleutel, waarde in ruw.get(tabel, {}).items():
            if not isinstance(waarde, str):
                raise _fout_vorm(bron, f"{tabel}.{sleutel}", str, waarde)
    for i, regio in enumerate(ruw.get("regio", []), start=1):
        if not isinstance(regio, dict):
            raise _fout_vorm(bron, "regio", dict, regio, f" (nummer {i})")
        for sleutel in ("naam", "sleutel", "regietafel"):
            if sleutel in regio and not isinstance(regio[sleutel], str):
                raise _fout_vorm(bron, f"regio.{sleutel}", str, regio[sleutel], f" (regio nummer {i})")
        gemeenten = regio.get("gemeenten", [])
        if not isinstance(gemeenten, list) or not all(isinstance(g, str) for g in gemeenten):
            raise _fout_vorm(
                bron, "regio.gemeenten", list[str], gemeenten, f" (regio {regio.get('naam', i)})"
            )


def maak_config(ruw: dict, bron: str = "") -> Config:
    """Build a :class:`Config` from a parsed TOML document (also used by tests and the benchmark)."""
    _controleer_vorm(ruw, bron)
    try:
        c, p = ruw["cyclus"], ruw["peildata"]
        cyclus = Cyclus(
            naam=str(c.get("naam", "cyclus")),
            actief_uiterlijk=_datum(c["actief_uiterlijk"], "cyclus.actief_uiterlijk", bron),
            in_gebruik_tot_minstens=_datum(
                c["in_gebruik_tot_minstens"], "cyclus.in_gebruik_tot_minstens", bron
            ),
            periode_tekst=str(c.get("periode_tekst", "")),
        )
        peildata = Peildata(
            oekraine=_datum(p["oekraine"], "peildata.oekraine", bron),
            statushouders=_datum(p["statushouders"], "peildata.statushouders", bron),
            statushouders_periode=str(p.get("statushouders_periode", "")),
            statushouders_verwachting=_datum(
                p.get("statushouders_verwachting", p["statushouders"]),
                "peildata.statushouders_verwachting",
                bron,
            ),
        )
        landelijk = landelijke_gemeenten()
        namen = {code: naam for code, (naam, _prov) in landelijk.items()}
        namen.update({normaliseer_code(k) or k: str(v) for k, v in ruw.get("gemeenten", {}).items()})
        regios = []
        for r in ruw["regio"]:
            codes = []
            for g in r["gemeenten"]:
                code = normaliseer_code(str(g))
                if code is None:
                    raise RegioplanFout(
                        "config-ongeldig",
                        f"{bron}: regio '{r['naam']}' noemt '{g}', dat is geen CBS-code.",
                        'Gebruik codes als "GM0141".',
                    )
                codes.append(code)
            regios.append(
                Regio(
                    str(r["naam"]),
                    str(r.get("sleutel", normaliseer(r["naam"]).replace(" ", "-"))),
                    tuple(codes),
                    str(r.get("regietafel", "")),
                )
            )
        aliassen = {normaliseer(naam): code for code, naam in namen.items()}
        aliassen.update(
            {normaliseer(k): normaliseer_code(v) or v for k, v in ruw.get("aliassen", {}).items()}
        )
        prov = ruw.get("provincie", {})
        return Config(
            provincie=str(prov.get("naam", "provincie")),
            provincie_sleutel=str(prov.get("sleutel", normaliseer(str(prov.get("naam", "provincie"))))),
            cyclus=cyclus,
            peildata=peildata,
            regios=tuple(regios),
            namen=namen,
            aliassen=aliassen,
            bron=bron,
        )
    except KeyError as fout:
        raise RegioplanFout(
            "config-ongeldig",
            f"{bron}: de sleutel {fout} ontbreekt.",
            "Zie docs/configuratie.md voor alle sleutels van regioplan.toml.",
        ) from fout
