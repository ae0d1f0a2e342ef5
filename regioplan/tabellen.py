"""The result as tables (title, headers, rows): one definition for the terminal, xlsx and csv views.

Rows are plain values (int/str/None); formatting for people happens in the view.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .resultaat import Gemeente, ProvincieTotaal, RegioTotaal, Resultaat
from .waarden import datum_json


@dataclass
class Tabel:
    naam: str  #: short name (sheet / csv file name)
    titel: str
    koppen: list[str]
    rijen: list[list[object]]
    totaalrijen: set[int]
    getalkolommen: set[int]


Blok = Gemeente | RegioTotaal | ProvincieTotaal


def _niveaus(r: Resultaat) -> Iterator[tuple[str, str, Blok]]:
    """Gemeenten per regio, each regio followed by its subtotal, then the province total."""
    for sleutel, regio in r.regios.items():
        for g in r.gemeenten:
            if g.regio_sleutel == sleutel:
                yield "gemeente", g.naam, g
        yield "regio", f"Totaal {regio.naam}", regio
    yield "provincie", f"Totaal {r.provincie.naam}", r.provincie


def _tabel(r: Resultaat, naam: str, titel: str, opgave: str, kolommen: list[tuple[str, str]]) -> Tabel:
    rijen: list[list[object]] = []
    totaal: set[int] = set()
    for i, (niveau, label, blok) in enumerate(_niveaus(r)):
        cijfers = getattr(blok, opgave)
        rijen.append([label] + [getattr(cijfers, k) for _, k in kolommen])
        if niveau != "gemeente":
            totaal.add(i)
    return Tabel(
        naam, titel, ["Gemeente"] + [k for k, _ in kolommen], rijen, totaal, set(range(1, len(kolommen) + 1))
    )


def tabellen(r: Resultaat) -> list[Tabel]:
    """The tables of ``bereken``: asiel, amv, oekraine, statushouders, locaties (and tijdlijn when asked)."""
    periode = r.cyclus.periode_tekst or r.cyclus.naam
    uit = [
        _tabel(
            r,
            "asiel",
            f"Asielopvang incl. amv – {r.cyclus.naam} ({periode})",
            "asiel",
            [
                ("Opgave", "opgave"),
                ("Geldig", "geldig"),
                ("Verschil", "verschil"),
                ("%", "percentage"),
                ("Voornemens", "voornemens"),
                ("Geldig + voornemens", "geldig_plus_voornemens"),
                ("% incl. voornemens", "percentage_plus_voornemens"),
                ("Vaste voorraad", "vaste_voorraad"),
            ],
        ),
        _tabel(
            r,
            "amv",
            "Amv",
            "asiel",
            [
                ("Opgave amv", "opgave_amv"),
                ("Geldig amv", "geldig_amv"),
                ("Verschil", "verschil_amv"),
                ("%", "percentage_amv"),
                ("Voornemens amv", "voornemens_amv"),
            ],
        ),
        _tabel(
            r,
            "oekraine",
            f"Opvang Oekraïense ontheemden (peildatum {r.peildata.oekraine.isoformat()})",
            "oekraine",
            [
                ("Opgave", "opgave"),
                ("Realisatie", "realisatie"),
                ("Verschil", "verschil"),
                ("%", "percentage"),
                ("POO", "poo"),
                ("In ontwikkeling", "in_ontwikkeling"),
            ],
        ),
        _tabel(
            r,
            "statushouders",
            f"Huisvesting statushouders {r.peildata.statushouders_periode} "
            f"(realisatie op {r.peildata.statushouders.isoformat()})",
            "statushouders",
            [
                ("Taakstelling", "taakstelling"),
                ("Incl. voor/achter", "taakstelling_incl"),
                ("Realisatie", "realisatie"),
                ("%", "percentage"),
                ("Verwacht 31-12", "verwachte_achterstand"),
                ("KSO amv", "kso_amv"),
                ("DSL", "dsl"),
            ],
        ),
    ]
    loc_rijen: list[list[object]] = []
    for g in r.gemeenten:
        for loc in g.asiel.locaties:
            loc_rijen.append(
                [
                    g.naam,
                    loc.locatie,
                    loc.capaciteit.json(),
                    loc.doelgroep,
                    loc.soort,
                    datum_json(loc.startdatum),
                    datum_json(loc.einddatum),
                    "ja" if loc.telt else "nee",
                    "ja" if loc.voornemen else "nee",
                    loc.uitleg,
                ]
            )
    uit.append(
        Tabel(
            "locaties",
            "Asiellocaties en de cyclusregel",
            [
                "Gemeente",
                "Locatie",
                "Capaciteit",
                "Doelgroep",
                "Soort",
                "Start",
                "Einde",
                "Telt mee",
                "Voornemen",
                "Uitleg",
            ],
            loc_rijen,
            set(),
            {2},
        )
    )
    if r.tijdlijn is not None:
        t = r.tijdlijn
        rijen: list[list[object]] = [[x.niveau, x.naam, x.opgave, x.soort, *x.waarden] for x in t.rijen]
        uit.append(
            Tabel(
                "tijdlijn",
                "Capaciteit in gebruik per peildatum (alle plekken, ook die niet voor de cyclus tellen)",
                ["Niveau", "Naam", "Opgave", "Soort", *(p.isoformat() for p in t.peildata)],
                rijen,
                {i for i, x in enumerate(t.rijen) if x.niveau != "gemeente"},
                set(range(4, 4 + len(t.peildata))),
            )
        )
    return uit
