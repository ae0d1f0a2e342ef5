"""The result as tables (title, headers, rows): one definition for the terminal, xlsx and csv views.

Rows are plain values (int/str/None); formatting for people happens in the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from .berekening import Resultaat


@dataclass
class Tabel:
    naam: str  #: short name (sheet / csv file name)
    titel: str
    koppen: list[str]
    rijen: list[list[object]]
    totaalrijen: set[int]
    getalkolommen: set[int]


def _niveaus(r: Resultaat):
    """Gemeenten per regio, each regio followed by its subtotal, then the province total."""
    d = r.als_dict()
    for sleutel, regio in d["regios"].items():
        for g in d["gemeenten"]:
            if g["regio_sleutel"] == sleutel:
                yield "gemeente", g["naam"], g
        yield "regio", f"Totaal {regio['naam']}", regio
    yield "provincie", f"Totaal {d['provincie']['naam']}", d["provincie"]


def _tabel(r: Resultaat, naam: str, titel: str, opgave: str, kolommen: list[tuple[str, str]]) -> Tabel:
    rijen, totaal = [], set()
    for i, (niveau, label, blok) in enumerate(_niveaus(r)):
        rijen.append([label] + [blok[opgave][k] for _, k in kolommen])
        if niveau != "gemeente":
            totaal.add(i)
    return Tabel(
        naam, titel, ["Gemeente"] + [k for k, _ in kolommen], rijen, totaal, set(range(1, len(kolommen) + 1))
    )


def tabellen(r: Resultaat) -> list[Tabel]:
    d = r.als_dict()
    periode = d["cyclus"]["periode_tekst"] or d["cyclus"]["naam"]
    uit = [
        _tabel(
            r,
            "asiel",
            f"Asielopvang incl. amv – {d['cyclus']['naam']} ({periode})",
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
            f"Opvang Oekraïense ontheemden (peildatum {d['peildata']['oekraine']})",
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
            f"Huisvesting statushouders {d['peildata']['statushouders_periode']} "
            f"(realisatie op {d['peildata']['statushouders']})",
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
    loc_rijen = []
    for g in d["gemeenten"]:
        for loc in g["asiel"]["locaties"]:
            loc_rijen.append(
                [
                    g["naam"],
                    loc["locatie"],
                    loc["capaciteit"],
                    loc["doelgroep"],
                    loc["soort"],
                    loc["startdatum"],
                    loc["einddatum"],
                    "ja" if loc["telt"] else "nee",
                    "ja" if loc["voornemen"] else "nee",
                    loc["uitleg"],
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
    if "tijdlijn" in d:
        t = d["tijdlijn"]
        rijen = [[x["niveau"], x["naam"], x["opgave"], x["soort"], *x["waarden"]] for x in t["rijen"]]
        uit.append(
            Tabel(
                "tijdlijn",
                "Capaciteit per peildatum",
                ["Niveau", "Naam", "Opgave", "Soort", *t["peildata"]],
                rijen,
                {i for i, x in enumerate(t["rijen"]) if x["niveau"] != "gemeente"},
                set(range(4, 4 + len(t["peildata"]))),
            )
        )
    return uit
