"""The outputs of ``regioplan verdeel``: the JSON model (one place), the table, xlsx, and the comparison
with a published distribution (``--vergelijk TABEL.csv``).

Text from workbooks never becomes a formula: xlsx cells go through :func:`regioplan.xlsx.zet`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .. import __version__
from ..fouten import RegioplanFout
from ..opmaak import opgave
from .model import KANSRIJK_CRITERIA, REDENEN, GemeenteVerdeling, Paar, Verdeling
from .stappen import procent

SIMULATIE = (
    "Zo zou de methode van het Verdeelbesluit de restopgave verdelen op deze invoer. "
    "Geen besluit; de minister stelt de verdeling vast."
)


# --- comparison with a published table ------------------------------------------------------------


@dataclass(frozen=True)
class Vergelijkingsrij:
    naam: str
    cbs_code: str
    simulatie: Paar | None
    gepubliceerd: Paar | None

    @property
    def verschil(self) -> Paar | None:
        if self.simulatie is None or self.gepubliceerd is None:
            return None
        return self.simulatie - self.gepubliceerd

    @property
    def gelijk(self) -> bool:
        return self.verschil == Paar()


@dataclass(frozen=True)
class Vergelijking:
    bron: str
    rijen: tuple[Vergelijkingsrij, ...]

    @property
    def gelijk(self) -> int:
        return sum(1 for r in self.rijen if r.gelijk)

    @property
    def grootste(self) -> int:
        return max(
            (max(abs(r.verschil.regulier), abs(r.verschil.amv)) for r in self.rijen if r.verschil), default=0
        )


def lees_tabel(pad: Path, zoek_code: Callable[[str], str | None]) -> dict[str, tuple[str, Paar]]:
    """A published distribution as CSV: columns ``gemeente``, ``regulier``, ``amv`` (and optionally
    ``cbs_code``, ``totaal``), separated by ``,`` or ``;``; lines starting with ``#`` are comments.
    Returns ``{cbs_code: (name as written, places)}``. ``zoek_code`` resolves a name or code."""
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as fout:
        raise RegioplanFout(
            "vergelijk-onleesbaar",
            f"--vergelijk '{pad}' kan niet worden gelezen ({fout.__class__.__name__}).",
            "Geef een csv-bestand in UTF-8 met de kolommen gemeente, regulier en amv.",
        ) from fout
    regels = [r for r in tekst.splitlines() if r.strip() and not r.lstrip().startswith("#")]
    if not regels:
        raise RegioplanFout("vergelijk-ongeldig", f"--vergelijk '{pad.name}' is leeg.", _HINT)
    scheiding = ";" if regels[0].count(";") > regels[0].count(",") else ","
    lezer = csv.DictReader(io.StringIO("\n".join(regels)), delimiter=scheiding)
    koppen = {(k or "").strip().lower(): k for k in lezer.fieldnames or []}
    if not {"gemeente", "regulier", "amv"} <= set(koppen) and not {"cbs_code", "regulier", "amv"} <= set(
        koppen
    ):
        raise RegioplanFout(
            "vergelijk-ongeldig",
            f"--vergelijk '{pad.name}': kolommen gemeente (of cbs_code), regulier en amv ontbreken.",
            _HINT,
        )
    uit: dict[str, tuple[str, Paar]] = {}
    for nr, rij in enumerate(lezer, start=2):
        naam = (rij.get(koppen.get("gemeente", ""), "") or "").strip()
        code_tekst = (rij.get(koppen.get("cbs_code", ""), "") or "").strip()
        code = zoek_code(code_tekst) if code_tekst else zoek_code(naam)
        if code is None:
            raise RegioplanFout(
                "vergelijk-ongeldig",
                f"--vergelijk '{pad.name}', rij {nr}: gemeente '{naam or code_tekst}' onbekend.",
                "Gebruik de naam of de CBS-code van een gemeente van de provincie.",
            )
        try:
            paar = Paar(int(rij[koppen["regulier"]].strip()), int(rij[koppen["amv"]].strip()))
        except (ValueError, AttributeError) as fout:
            raise RegioplanFout(
                "vergelijk-ongeldig",
                f"--vergelijk '{pad.name}', rij {nr}: regulier en amv moeten hele getallen zijn.",
                _HINT,
            ) from fout
        uit[code] = (naam or code, paar)
    return uit


_HINT = "Kopregel: gemeente,cbs_code,regulier,amv,totaal (cbs_code en totaal mogen ontbreken); één rij per gemeente."  # noqa: E501


def vergelijk(verdeling: Verdeling, tabel: dict[str, tuple[str, Paar]], bron: str) -> Vergelijking:
    rijen = [
        Vergelijkingsrij(
            g.naam, g.cbs_code, g.verdeling, tabel[g.cbs_code][1] if g.cbs_code in tabel else None
        )
        for g in verdeling.gemeenten
    ]
    bekend = {g.cbs_code for g in verdeling.gemeenten}
    rijen += [Vergelijkingsrij(naam, c, None, p) for c, (naam, p) in sorted(tabel.items()) if c not in bekend]
    return Vergelijking(bron, tuple(rijen))


# --- JSON ---------------------------------------------------------------------------------------


def _fractie(f: Fraction | None) -> float | None:
    return None if f is None else round(float(f), 6)


def _gemeente_json(g: GemeenteVerdeling) -> dict[str, object]:
    return {
        "naam": g.naam,
        "cbs_code": g.cbs_code,
        "indicatief": g.indicatief.json(),
        "overgenomen": g.overgenomen.json(),
        "kansrijk": g.kansrijk.json(),
        "kansrijke_plannen": [
            {
                "omschrijving": k.omschrijving,
                "plekken": k.plekken,
                "doelgroep": k.doelgroep,
                "criterium": k.criterium,
                "criterium_tekst": KANSRIJK_CRITERIA.get(k.criterium, k.criterium),
                "toelichting": k.toelichting,
                "bron": k.bron,
            }
            for k in g.kansrijke_plannen
        ],
        "na_stap_2": g.na_stap_2.json(),
        "uitsluitingen": [
            {
                "reden": u.reden,
                "reden_tekst": REDENEN.get(u.reden, u.reden),
                "soort": u.soort,
                "toelichting": u.toelichting,
            }
            for u in g.uitsluitingen
        ],
        "aandeel": g.aandeel.json(),
        "verdeling": g.verdeling.json(),
        "percentage": _fractie(g.percentage),
        "geen_gegevens": g.geen_gegevens,
        "uitleg": list(g.uitleg),
    }


def als_dict(v: Verdeling, vergelijking: Vergelijking | None = None) -> dict[str, object]:
    """The JSON model of a distribution (documented in docs/verdeel.md)."""
    data: dict[str, object] = {
        "regioplan": __version__,
        "simulatie": SIMULATIE,
        "provincie": v.provincie,
        "geen_gegevens": [g.naam for g in v.gemeenten if g.geen_gegevens],
        "instellingen": {
            "basis": v.instellingen.basis,
            "splitsing": v.instellingen.splitsing,
            "afronding": v.instellingen.afronding,
            "minimum": v.instellingen.minimum,
            "percentage_decimalen": v.instellingen.percentage_decimalen,
        },
        "opgave": v.opgave.json(),
        "na_stap_1": v.na_stap_1.json(),
        "kansrijk": v.som("kansrijk").json(),
        "na_stap_2": v.na_stap_2.json(),
        "restopgave": v.restopgave.json(),
        "percentage": _fractie(v.percentage),
        "percentage_amv": _fractie(v.percentage_amv),
        "uitgesloten": [
            {
                "naam": g.naam,
                "cbs_code": g.cbs_code,
                "reden": u.reden,
                "soort": u.soort,
                "toelichting": u.toelichting,
            }
            for g in v.gemeenten
            for u in g.uitsluitingen
        ],
        "ontvangers": {s: [g.naam for g in v.ontvangers(s)] for s in ("regulier", "amv")},
        "totaal": v.totaal.json(),
        "onverdeeld": v.onverdeeld.json(),
        "gemeenten": [_gemeente_json(g) for g in v.gemeenten],
    }
    if vergelijking is not None:
        data["vergelijking"] = {
            "bron": vergelijking.bron,
            "gelijk": vergelijking.gelijk,
            "rijen": len(vergelijking.rijen),
            "grootste_verschil": vergelijking.grootste,
            "gemeenten": [
                {
                    "naam": r.naam,
                    "cbs_code": r.cbs_code,
                    "simulatie": r.simulatie.json() if r.simulatie else None,
                    "gepubliceerd": r.gepubliceerd.json() if r.gepubliceerd else None,
                    "verschil": r.verschil.json() if r.verschil else None,
                }
                for r in vergelijking.rijen
            ],
        }
    return data


# --- tables (terminal, xlsx, document) -----------------------------------------------------------

KOPPEN = [
    "Gemeente",
    "Indicatief",
    "Overgenomen",
    "Kansrijk",
    "Uitgesloten",
    "Aandeel regulier",
    "Aandeel amv",
    "Regulier",
    "Amv",
    "Totaal",
    "% indicatief",
]
GETALKOLOMMEN = {1, 2, 3, 5, 6, 7, 8, 9, 10}


def _redenen(g: GemeenteVerdeling) -> str:
    delen = []
    for u in g.uitsluitingen:
        soort = "" if u.soort == "beide" else f" ({u.soort})"
        delen.append(opgave(u.reden) + soort)  # the key, as people write it
    return ", ".join(dict.fromkeys(delen))


def tabelrijen(v: Verdeling) -> tuple[list[list[object]], set[int]]:
    """Rows of the main table (values: int, str, or a percentage string) and the index of total rows."""
    rijen: list[list[object]] = []
    for g in v.gemeenten:
        rijen.append(
            [
                g.naam,
                g.indicatief.totaal,
                g.overgenomen.totaal,
                g.kansrijk.totaal,
                _redenen(g),
                g.aandeel.regulier,
                g.aandeel.amv,
                g.verdeling.regulier,
                g.verdeling.amv,
                g.verdeling.totaal,
                procent(g.percentage, 0),
            ]
        )
    t = v.totaal
    rijen.append(
        [
            v.provincie,
            v.opgave.totaal,
            v.na_stap_1.totaal,
            v.som("kansrijk").totaal,
            "",
            v.som("aandeel").regulier,
            v.som("aandeel").amv,
            t.regulier,
            t.amv,
            t.totaal,
            procent(Fraction(t.totaal, v.opgave.totaal) if v.opgave.totaal else None, 0),
        ]
    )
    return rijen, {len(rijen) - 1}


def stappenrijen(v: Verdeling) -> list[list[object]]:
    """The province line per step: (step, regulier, amv, totaal)."""
    return [
        ["Provinciale opgave", v.opgave.regulier, v.opgave.amv, v.opgave.totaal],
        ["Stap 1: overgenomen uit het verslag", v.na_stap_1.regulier, v.na_stap_1.amv, v.na_stap_1.totaal],
        [
            "Stap 2: kansrijke initiatieven",
            v.som("kansrijk").regulier,
            v.som("kansrijk").amv,
            v.som("kansrijk").totaal,
        ],
        ["Na stap 1 en 2", v.na_stap_2.regulier, v.na_stap_2.amv, v.na_stap_2.totaal],
        ["Stap 3: restopgave", v.restopgave.regulier, v.restopgave.amv, v.restopgave.totaal],
        ["Stap 4b: verdeeld", v.som("aandeel").regulier, v.som("aandeel").amv, v.som("aandeel").totaal],
        ["Onverdeeld (plafond)", v.onverdeeld.regulier, v.onverdeeld.amv, v.onverdeeld.totaal],
        ["Verdeling totaal", v.totaal.regulier, v.totaal.amv, v.totaal.totaal],
    ]


VERGELIJK_KOPPEN = [
    "Gemeente",
    "Simulatie regulier",
    "Simulatie amv",
    "Gepubliceerd regulier",
    "Gepubliceerd amv",
    "Verschil regulier",
    "Verschil amv",
]


def vergelijkrijen(vg: Vergelijking) -> list[list[object]]:
    def n(p: Paar | None, veld: str) -> object:
        return "" if p is None else getattr(p, veld)

    return [
        [
            r.naam,
            n(r.simulatie, "regulier"),
            n(r.simulatie, "amv"),
            n(r.gepubliceerd, "regulier"),
            n(r.gepubliceerd, "amv"),
            n(r.verschil, "regulier"),
            n(r.verschil, "amv"),
        ]
        for r in vg.rijen
    ]


def schrijf_xlsx(v: Verdeling, pad: Path, vergelijking: Vergelijking | None = None) -> Path:
    """An xlsx with the sheets Verdeling, Stappen, Uitleg (and Vergelijking), Simulatie; written atomically
    (:func:`regioplan.uitvoer.schrijf`), text never a formula (:func:`regioplan.xlsx.zet`)."""
    from openpyxl import Workbook

    from ..uitvoer import schrijf
    from ..xlsx import tabelblad, vaste_bytes

    wb = Workbook()
    wb.remove(wb.active)

    def blad(
        naam: str, koppen: list[str], rijen: list[list[object]], totaal: AbstractSet[int] = frozenset()
    ) -> None:
        tabelblad(wb, naam, koppen, rijen, totaalrijen=totaal, eerste_breedte=34)

    rijen, totaal = tabelrijen(v)
    blad("Verdeling", KOPPEN, rijen, totaal)
    blad("Stappen", ["Stap", "Regulier", "Amv", "Totaal"], stappenrijen(v))
    blad("Uitleg", ["Gemeente", "Uitleg"], [[g.naam, regel] for g in v.gemeenten for regel in g.uitleg])
    if vergelijking is not None:
        blad("Vergelijking", VERGELIJK_KOPPEN, vergelijkrijen(vergelijking))
    blad("Simulatie", ["Let op"], [[SIMULATIE]])
    return schrijf(pad, vaste_bytes(wb))
