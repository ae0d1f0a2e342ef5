"""The result as tables (title, headers, rows): one definition for the terminal, xlsx and csv views.

Rows are plain values (int/str/None); formatting for people happens in the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from .opmaak import aantal, datum, opgave
from .resultaat import Gemeente, ProvincieTotaal, RegioTotaal, Resultaat, totaalnaam
from .waarden import datum_json


@dataclass
class Tabel:
    naam: str  #: short name (sheet / csv file name)
    titel: str
    koppen: list[str]
    rijen: list[list[object]]
    totaalrijen: set[int]
    getalkolommen: set[int]
    regios: list[str] | None = None  #: per row the regio it belongs to (exports add it as column B)
    #: headers that stand for a date (the peildata of the timeline): ``dd-mm-jjjj`` text in ``koppen``
    #: (terminal, csv), a real date in xlsx
    datumkoppen: dict[str, dt.date] = field(default_factory=dict)
    #: rows of gemeenten that delivered no data (no workbook, or the blank template): their figures are
    #: empty, not 0; the view says "geen gegevens"
    geen_gegevens: set[int] = field(default_factory=set)

    def met_regio(self) -> tuple[list[str], list[list[object]]]:
        """Headers and rows with a ``Regio`` column after the first one (xlsx and csv: filter and sum per
        regio in Excel); unchanged for a table without regio's."""
        if self.regios is None:
            return self.koppen, self.rijen
        return (
            [self.koppen[0], "Regio", *self.koppen[1:]],
            [[rij[0], regio, *rij[1:]] for rij, regio in zip(self.rijen, self.regios, strict=True)],
        )


Blok = Gemeente | RegioTotaal | ProvincieTotaal


def _niveaus(r: Resultaat) -> Iterator[tuple[str, str, str, Blok]]:
    """Gemeenten per regio, each regio followed by its subtotal, then the province total:
    ``(niveau, label, regio naam, blok)``. A folder of one regio has no province total row
    (:func:`regioplan.resultaat.totaalnaam`)."""
    for sleutel, regio in r.regios.items():
        for g in r.gemeenten:
            if g.regio_sleutel == sleutel:
                yield "gemeente", g.naam, regio.naam, g
        yield "regio", f"Totaal {regio.naam}", regio.naam, regio
    label = totaalnaam(r)
    if label is not None:
        yield "provincie", label, "", r.provincie


def _tabel(
    r: Resultaat,
    naam: str,
    titel: str,
    opgave: str,
    kolommen: list[tuple[str, str]],
    opgavekolommen: int = 1,
) -> Tabel:
    """One figure table over gemeenten, regio totals and the province total.

    The first ``opgavekolommen`` columns come from the opgaven workbook; for a gemeente without data the
    other figures are empty (``None``), never 0, and a total over such gemeenten says it is incomplete
    ("Totaal Twente (onvolledig: 11 van 14 gemeenten)")."""
    rijen: list[list[object]] = []
    regios: list[str] = []
    totaal: set[int] = set()
    zonder: set[int] = set()
    for i, (niveau, label, regio, blok) in enumerate(_niveaus(r)):
        cijfers = getattr(blok, opgave)
        waarden: list[object] = [getattr(cijfers, k) for _, k in kolommen]
        if isinstance(blok, Gemeente) and blok.geen_gegevens:
            waarden[opgavekolommen:] = [None] * (len(waarden) - opgavekolommen)
            zonder.add(i)
        if not isinstance(blok, Gemeente) and not blok.levering.volledig:
            label += f" (onvolledig: {blok.levering.met_gegevens} van {aantal(blok.levering.totaal)})"
        rijen.append([label, *waarden])
        regios.append(regio)
        if niveau != "gemeente":
            totaal.add(i)
    return Tabel(
        naam,
        titel,
        ["Gemeente"] + [k for k, _ in kolommen],
        rijen,
        totaal,
        set(range(1, len(kolommen) + 1)),
        regios,
        geen_gegevens=zonder,
    )


def _datum(d: object) -> object:
    """A real date stays a date (an Excel date in xlsx, ``dd-mm-jjjj`` in csv and the terminal); a word
    (onbepaald, onbekend) stays."""
    return d if isinstance(d, dt.date) else datum_json(d)  # type: ignore[arg-type]


def tabellen(r: Resultaat) -> list[Tabel]:
    """The tables of ``bereken``: asiel, amv, oekraine, statushouders, locaties (and tijdlijn when asked)."""
    periode = r.cyclus.periode_tekst  # given in regioplan.toml, or derived from the cycle dates
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
            f"Opvang Oekraïense ontheemden (peildatum {datum(r.peildata.oekraine)})",
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
            f"(realisatie op {datum(r.peildata.statushouders)})",
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
            opgavekolommen=2,
        ),
    ]
    loc_rijen: list[list[object]] = []
    loc_regios: list[str] = []
    regionamen = {sleutel: regio.naam for sleutel, regio in r.regios.items()}
    for g in r.gemeenten:
        for loc in g.asiel.locaties:
            if loc.alleen_uitruil:
                continue  # an exchange, no location: the table uitruil lists it
            c = loc.capaciteit
            loc_rijen.append(
                [
                    g.naam,
                    loc.locatie,
                    # the number that counts (a range's lower bound; unknown stays empty), the text beside it
                    None if c.onbekend else c.telwaarde,
                    str(c.json()) if c.onbekend or c.is_bereik else "",
                    loc.doelgroep,
                    loc.soort,
                    _datum(loc.startdatum),
                    _datum(loc.einddatum),
                    "ja" if loc.telt else "nee",
                    "ja" if loc.voornemen else "nee",
                    loc.uitleg,
                ]
            )
            loc_regios.append(regionamen.get(g.regio_sleutel, ""))
    uit.append(
        Tabel(
            "locaties",
            "Asiellocaties en de cyclusregel",
            [
                "Gemeente",
                "Locatie",
                "Capaciteit",
                "Capaciteit (tekst)",
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
            loc_regios,
        )
    )
    uit.append(
        Tabel(
            "uitruil",
            "Uitruil: afspraken tussen gemeenten en wat ze verschuiven",
            [
                "Leverancier",
                "Ontvanger",
                "Opgave",
                "Plekken",
                "Start",
                "Einde",
                "Status",
                "Verschuift plekken",
                "Uitleg",
            ],
            [
                [
                    a.leverancier,
                    a.ontvanger,
                    opgave(a.opgave),
                    a.plekken,
                    _datum(a.startdatum),
                    _datum(a.einddatum),
                    a.status,
                    "ja" if a.verwerkt else "nee",
                    a.uitleg,
                ]
                for a in r.afspraken
            ],
            set(),
            {3},
        )
    )
    if r.tijdlijn is not None:
        t = r.tijdlijn
        label = totaalnaam(r)
        # the province rows follow the total rows of the other tables: none in a folder of one regio
        tijdrijen = [x for x in t.rijen if x.niveau != "provincie" or label is not None]
        rijen: list[list[object]] = [
            [
                x.niveau,
                label.removeprefix("Totaal ") if x.niveau == "provincie" and label else x.naam,
                opgave(x.opgave),
                x.soort,
                *x.waarden,
            ]
            for x in tijdrijen
        ]
        uit.append(
            Tabel(
                "tijdlijn",
                "Capaciteit in gebruik per peildatum (alle plekken, ook die niet voor de cyclus tellen)",
                ["Niveau", "Naam", "Opgave", "Soort", *(datum(p) for p in t.peildata)],
                rijen,
                {i for i, x in enumerate(tijdrijen) if x.niveau != "gemeente"},
                set(range(4, 4 + len(t.peildata))),
                datumkoppen={datum(p): p for p in t.peildata},
            )
        )
    return uit
