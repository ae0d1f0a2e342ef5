"""Configuration: province, regio's, cycle dates and peildata.

Three layers, each merged over the previous one table by table:

1. national (``landelijk.toml``): the cycle dates and the peildata, the same for every province;
2. provincial (:mod:`regioplan.indeling`): the chosen province with its veiligheidsregio's as regio's,
   plus ``provincies/<sleutel>.toml`` where a province has its own names (only Overijssel);
3. the coordinator's ``regioplan.toml``: ``provincie = "gelderland"`` alone is complete; keys of
   ``[cyclus]``, ``[peildata]``, ``[provincie]``, ``[aliassen]`` and ``[gemeenten]`` replace single values;
   a ``[[regio]]`` list replaces all regio's.

Without a province anywhere the province is derived from the regio's gemeenten, else Overijssel. The
result is checked against the CBS list: every gemeente of the province in exactly one regio, none of
another province.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .configvorm import controleer
from .fouten import RegioplanFout
from .namen import slug
from .opmaak import periode
from .tomlfout import beschrijf
from .waarden import normaliseer

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef, import-not-found, unused-ignore]

CONFIGBESTAND = "regioplan.toml"


@dataclass(frozen=True)
class Cyclus:
    naam: str
    actief_uiterlijk: dt.date
    in_gebruik_tot_minstens: dt.date
    #: the period in headings (``juli '25 – febr. '26``); empty: derived from the two dates
    periode_tekst: str = ""

    def __post_init__(self) -> None:
        if not self.periode_tekst.strip():
            object.__setattr__(
                self, "periode_tekst", periode(self.actief_uiterlijk, self.in_gebruik_tot_minstens)
            )


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
    bron: str = "ingebouwd"  #: the regioplan.toml read (its path), or "ingebouwd"
    ingebouwd: bool = False  #: the province is one of the twelve (its gemeenten checked against CBS)

    @property
    def herkomst(self) -> str:
        """Which configuration this is, for one line on stderr: ``ingebouwd: Gelderland`` or the file."""
        if self.bron == "ingebouwd":
            return f"ingebouwd: {self.provincie}"
        return f"{self.bron} (provincie {self.provincie})"

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

    @property
    def buiten_regios(self) -> tuple[str, ...]:
        """CBS codes of the built-in province's gemeenten (CBS 2024) that are in no configured regio: a
        folder for one regio (``sjabloon --regio twente``) leaves the others out. Empty for a province the
        configuration defines itself (its regio's are the whole province)."""
        if not self.ingebouwd:
            return ()
        binnen = set(self.gemeenten)
        return tuple(
            code
            for code, (_naam, provincie) in sorted(landelijke_gemeenten().items())
            if provincie == self.provincie and code not in binnen
        )

    @property
    def hele_provincie(self) -> bool:
        """Do the configured regio's cover the whole province? False for a folder of one regio (or some
        regio's): its totals are then the sum of those regio's, not a provincial total."""
        return not self.buiten_regios

    @property
    def deel(self) -> str:
        """What part of the province the configuration holds, for a message: ``werkboeken/regioplan.toml
        noemt alleen regio Twente (14 van de 25 gemeenten)``."""
        n = len(self.gemeenten)
        soort = "regio" if len(self.regios) == 1 else "de regio's"
        regios = " en ".join(r.naam for r in self.regios)
        return (
            f"{self.bron} noemt alleen {soort} {regios} ({n} van de {n + len(self.buiten_regios)} gemeenten)"
        )

    def buiten_indeling(self, cbs_code: str) -> str:
        """What a gemeente outside every regio is outside of, with its real province when that differs:
        ``provincie Overijssel (Arnhem ligt in Gelderland)``."""
        provincie = landelijke_gemeenten().get(cbs_code, ("", ""))[1]
        if provincie and provincie != self.provincie:
            return f"provincie {self.provincie} ({self.naam(cbs_code)} ligt in {provincie})"
        if provincie == self.provincie and self.ingebouwd:
            regios = ", ".join(r.naam for r in self.regios)
            return (
                f"de regio's van deze configuratie ({regios}): {self.naam(cbs_code)} ligt in {provincie}, "
                "maar staat in geen [[regio]]"
            )
        return f"provincie {self.provincie}"

    def naam(self, cbs_code: str) -> str:
        return self.namen.get(cbs_code, cbs_code)

    def zoek_code(self, naam_of_code: str) -> str | None:
        """CBS code for a name, a known variant, or a code (also one that lost its leading zeros)."""
        tekst = naam_of_code.strip()
        code = normaliseer_code(tekst)
        if code and code in self.namen:
            return code
        sleutel = normaliseer(tekst)
        if sleutel in self.aliassen:
            return self.aliassen[sleutel]
        for voor in ("gemeente ", "gem "):  # "Gemeente Almelo", "gem. Almelo"
            if sleutel.startswith(voor):
                return self.aliassen.get(sleutel.removeprefix(voor))
        return None


def normaliseer_code(tekst: str) -> str | None:
    """``GM0141``, ``gm141`` and ``141`` all give ``GM0141``; anything else gives None."""
    t = tekst.strip().upper().replace(" ", "")
    if t.startswith("GM"):
        t = t[2:]
    if t.endswith(".0"):
        t = t[:-2]
    return f"GM{int(t):04d}" if t.isascii() and t.isdigit() and len(t) <= 4 else None


@cache
def landelijke_gemeenten() -> dict[str, tuple[str, str]]:
    """CBS code -> (name, province) for the 342 gemeenten of 2024 (NLExtract)."""
    tekst = resources.files("regioplan").joinpath("data/gemeenten-2024.csv").read_text(encoding="utf-8")
    rijen = csv.DictReader(tekst.splitlines(), delimiter=";")
    return {
        r["gemeentecode"]: (r["gemeentenaam"], r["provincienaam"]) for r in rijen if r.get("gemeentecode")
    }


def _datum(waarde: object, sleutel: str, bron: str) -> dt.date:
    """A date of the merged layers (the file itself is checked by :func:`regioplan.configvorm.controleer`)."""
    if isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime):
        return waarde
    raise RegioplanFout(
        "config-ongeldig",
        f"{bron}: '{sleutel}' moet een datum zijn (bijvoorbeeld 2025-07-01), niet {waarde!r}.",
        "Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens.",
    )


def _samenvoegen(basis: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    uit = dict(basis)
    for sleutel, waarde in extra.items():
        if isinstance(waarde, dict) and isinstance(uit.get(sleutel), dict):
            uit[sleutel] = {**uit[sleutel], **waarde}
        else:
            uit[sleutel] = waarde
    return uit


def lees_toml(pad: Path) -> dict[str, Any]:
    """A regioplan.toml as a dict; ``config-ongeldig`` when it is not valid TOML."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError as fout:
        raise RegioplanFout(
            "config-ongeldig",
            f"{pad}: het bestand is geen UTF-8-tekst (byte {fout.start}).",
            "Sla regioplan.toml op als platte tekst in UTF-8 (in Kladblok: Opslaan als, codering UTF-8).",
        ) from fout
    try:
        ruw: dict[str, Any] = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        bericht, hint = beschrijf(str(fout), tekst)
        raise RegioplanFout("config-ongeldig", f"{pad}: {bericht}", hint) from fout
    return ruw


def config_pad(map_of_bestand: Path) -> Path:
    """The regioplan.toml meant by a folder (``MAP/regioplan.toml``) or a .toml path."""
    return map_of_bestand if map_of_bestand.suffix == ".toml" else map_of_bestand / CONFIGBESTAND


def laad_config(map_of_bestand: Path | None = None, *, provincie: str | None = None) -> Config:
    """The configuration of a folder: its ``regioplan.toml`` over the built-in layers (see module doc).

    ``provincie`` chooses a built-in province when no file names one (``sjabloon --provincie``, a
    workbook's own metadata). Raises ``config-ongeldig`` for a file that is not valid or does not match
    the CBS list."""
    eigen: dict[str, Any] = {}
    bron = "ingebouwd"
    if map_of_bestand is not None:
        pad = config_pad(map_of_bestand)
        if pad.is_file():
            eigen = lees_toml(pad)
            bron = str(pad)
    return bouw_config(eigen, bron, provincie=provincie)


def _landelijk() -> dict[str, Any]:
    ruw: dict[str, Any] = tomllib.loads(
        resources.files("regioplan").joinpath("landelijk.toml").read_text(encoding="utf-8")
    )
    return ruw


def _provincie_uit_regios(eigen: dict[str, Any], bron: str) -> str | None:
    """The province of a regio-only configuration: the one province all its gemeenten lie in."""
    landelijk = landelijke_gemeenten()
    per: dict[str, list[str]] = {}
    for r in eigen.get("regio", []):
        for g in r.get("gemeenten", []):
            code = normaliseer_code(str(g))
            if code in landelijk:
                per.setdefault(landelijk[code][1], []).append(f"{landelijk[code][0]} ({code})")
    if len(per) > 1:
        delen = "; ".join(
            f"{p}: {', '.join(g[:3])}{' …' if len(g) > 3 else ''}" for p, g in sorted(per.items())
        )
        raise RegioplanFout(
            "config-ongeldig",
            f"{bron}: de regio's bevatten gemeenten van meer dan één provincie ({delen}).",
            'Noem de provincie (provincie = "gelderland") en zet alleen haar gemeenten in de regio\'s.',
        )
    return next(iter(per), None)


def bouw_config(eigen: dict[str, Any], bron: str = "ingebouwd", *, provincie: str | None = None) -> Config:
    """Merge a parsed regioplan.toml (``eigen``, may be empty) over the national and provincial layers."""
    from .indeling import STANDAARD_PROVINCIE, ingebouwde_provincie, provincies, zoek_provincie

    controleer(eigen, bron)
    eigen = dict(eigen)
    gekozen = eigen.pop("provincie") if isinstance(eigen.get("provincie"), str) else None
    if gekozen is None and isinstance(eigen.get("provincie"), dict):
        gekozen = eigen["provincie"].get("naam")
    if gekozen is None:
        gekozen = provincie or _provincie_uit_regios(eigen, bron) or STANDAARD_PROVINCIE
    naam = zoek_provincie(gekozen)
    basis = _landelijk()
    if naam is not None:
        basis = _samenvoegen(basis, ingebouwde_provincie(naam))
    elif not eigen.get("regio"):
        raise RegioplanFout(
            "config-ongeldig",
            f"{bron}: provincie '{gekozen}' ken ik niet, en er staan geen regio's ([[regio]]) in.",
            "Kies uit "
            + ", ".join(p.lower() for p in provincies())
            + ", of noem de regio's met hun gemeenten.",
        )
    else:
        basis["provincie"] = {"naam": gekozen}
    config = maak_config(_samenvoegen(basis, eigen), bron)
    if naam is not None:
        config = replace(config, ingebouwd=True)
    _controleer_indeling(config, naam, bron)
    return config


def _controleer_indeling(config: Config, provincie: str | None, bron: str) -> None:
    """Every regio has gemeenten and its own key; every gemeente in at most one regio; for a built-in
    province only its own gemeenten. A regio may
    leave gemeenten out (a folder for one regio); a workbook of such a gemeente is reported as outside the
    configured regio's, see :meth:`Config.buiten_indeling`."""
    gezien: dict[str, str] = {}
    sleutels: dict[str, str] = {}
    for regio in config.regios:
        if not regio.gemeenten:
            raise RegioplanFout(
                "config-ongeldig",
                f"{bron}: regio '{regio.naam}' heeft geen gemeenten.",
                'Zet de CBS-codes in gemeenten = ["GM...", ...], of haal het [[regio]]-blok weg.',
            )
        sleutel = normaliseer(regio.sleutel)
        if sleutel == normaliseer(config.provincie_sleutel):
            raise RegioplanFout(
                "config-ongeldig",
                f"{bron}: regio '{regio.naam}' heeft de sleutel van de provincie ('{regio.sleutel}'); "
                f"--regio {regio.sleutel} geeft het provinciaal verslag, het plan van de regio zou nooit "
                "gemaakt worden.",
                f'Geef de regio een eigen sleutel, bijvoorbeeld sleutel = "regio-{slug(regio.sleutel)}", of '
                "laat de sleutel weg.",
            )
        if sleutel in sleutels:
            raise RegioplanFout(
                "config-ongeldig",
                f"{bron}: regio '{sleutels[sleutel]}' en regio '{regio.naam}' hebben dezelfde sleutel "
                f"'{regio.sleutel}'; --regio en de bestandsnaam regionaal-plan-{slug(regio.sleutel)} kunnen "
                "ze niet uit elkaar houden.",
                'Geef elke regio een eigen sleutel (sleutel = "...") in regioplan.toml.',
            )
        sleutels[sleutel] = regio.naam
        for code in regio.gemeenten:
            if code not in config.namen:
                raise RegioplanFout(
                    "config-ongeldig",
                    f"{bron}: regio '{regio.naam}' noemt {code}; dat is geen gemeente (indeling 2024).",
                    "Controleer de CBS-code; een nieuwe gemeente krijgt een naam in [gemeenten].",
                )
            if code in gezien:
                raise RegioplanFout(
                    "config-ongeldig",
                    f"{bron}: {config.naam(code)} ({code}) staat in regio '{gezien[code]}' én in regio "
                    f"'{regio.naam}'.",
                    "Zet elke gemeente in precies één regio.",
                )
            gezien[code] = regio.naam
    if provincie is None:
        return
    landelijk = landelijke_gemeenten()
    for regio in config.regios:
        for code in regio.gemeenten:
            if code in landelijk and landelijk[code][1] != provincie:
                raise RegioplanFout(
                    "config-ongeldig",
                    f"{bron}: regio '{regio.naam}' noemt {config.naam(code)} ({code}), een gemeente van "
                    f"provincie {landelijk[code][1]}, niet van {provincie}.",
                    f"Haal {code} uit de regio, of kies de goede provincie.",
                )


def _regiosleutel(naam: str, provincie_sleutel: str) -> str:
    """The default key of a regio: its name as a slug; ``regio-<slug>`` when that is the province's key (a
    regio named like its province, as the built-in ``Regio Utrecht``), since ``--regio <provincie>`` means
    the provincial verslag and the regional plan would otherwise never be written."""
    eigen = slug(naam)
    return f"regio-{eigen}" if normaliseer(eigen) == normaliseer(provincie_sleutel) else eigen


def maak_config(ruw: dict[str, Any], bron: str = "") -> Config:
    """Build a :class:`Config` from a parsed TOML document (also used by tests and the benchmark)."""
    controleer(ruw, bron, onbekend=False)
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
        prov = ruw.get("provincie", {})
        provincie_sleutel = str(prov.get("sleutel", normaliseer(str(prov.get("naam", "provincie")))))
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
                    str(r["sleutel"]) if "sleutel" in r else _regiosleutel(str(r["naam"]), provincie_sleutel),
                    tuple(codes),
                    str(r.get("regietafel", "")),
                )
            )
        aliassen = {normaliseer(naam): code for code, naam in namen.items()}
        aliassen.update(
            {normaliseer(k): normaliseer_code(v) or v for k, v in ruw.get("aliassen", {}).items()}
        )
        return Config(
            provincie=str(prov.get("naam", "provincie")),
            provincie_sleutel=provincie_sleutel,
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
