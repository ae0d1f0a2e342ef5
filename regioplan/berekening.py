"""The computation: opgaven, realisatie, voornemens and gaps per gemeente, regio and province.

Input is the domain model (:class:`regioplan.uitvraag.lezen.Invoer`); output is a plain, JSON-ready
structure (:class:`Resultaat`). All rules come from :mod:`regioplan.regels`; this module only applies
them and adds up. Regio and province figures are sums of gemeente figures, never computed otherwise,
so they always add up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import __version__, regels
from .config import Config
from .model import AsielLocatie, Opgave, Uitvraag
from .opmaak import rond_percentage
from .uitvraag.lezen import Invoer
from .waarden import datum_json

#: Integer figures per opgave that are summed from gemeente to regio to province.
SOMMEN = {
    "asiel": (
        "opgave",
        "opgave_regulier",
        "opgave_amv",
        "geldig",
        "geldig_amv",
        "verschil",
        "verschil_amv",
        "vaste_voorraad",
        "voornemens",
        "voornemens_max",
        "voornemens_amv",
        "voornemens_onbekend",
        "geldig_plus_voornemens",
        "geldig_amv_plus_voornemens",
        "actief_nu",
        "overrides",
    ),
    "oekraine": ("opgave", "realisatie", "verschil", "poo", "in_ontwikkeling", "in_ontwikkeling_onbekend"),
    "statushouders": (
        "taakstelling",
        "taakstelling_incl",
        "realisatie",
        "verschil",
        "verwachte_achterstand",
        "kso_amv",
        "kwg",
        "kwe",
        "dsl",
        "kso",
    ),
}
PERCENTAGES = {
    "asiel": (
        ("percentage", "geldig", "opgave"),
        ("percentage_amv", "geldig_amv", "opgave_amv"),
        ("percentage_plus_voornemens", "geldig_plus_voornemens", "opgave"),
    ),
    "oekraine": (("percentage", "realisatie", "opgave"),),
    "statushouders": (("percentage", "realisatie", "taakstelling_incl"),),
}


@dataclass
class Resultaat:
    """The result of ``bereken``: a JSON-ready dict plus the detail the report needs."""

    data: dict
    config: Config

    def als_dict(self) -> dict:
        return self.data

    @property
    def gemeenten(self) -> list[dict]:
        return self.data["gemeenten"]

    def gemeente(self, naam_of_code: str) -> dict | None:
        code = self.config.zoek_code(naam_of_code)
        return next((g for g in self.gemeenten if g["cbs_code"] == code), None)


def _beoordeel(uitvraag: Uitvraag | None, config: Config) -> list[dict]:
    if uitvraag is None:
        return []
    uit = []
    for loc in uitvraag.asiel:
        oordeel = regels.telt_mee(loc, config.cyclus)
        uit.append(
            {
                "locatie": loc.locatie,
                "capaciteit": loc.capaciteit.json(),
                "telwaarde": loc.capaciteit.telwaarde,
                "doelgroep": loc.doelgroep,
                "soort": loc.soort,
                "startdatum": datum_json(loc.startdatum),
                "einddatum": datum_json(loc.einddatum),
                "beheer": loc.beheer,
                "besluit": loc.besluit,
                "telt": oordeel.telt,
                "reden": oordeel.reden,
                "redenen": list(oordeel.redenen),
                "override": oordeel.override,
                "toelichting": loc.toelichting,
                "uitleg": regels.uitleg(oordeel, loc, config.cyclus),
                "voornemen": regels.is_voornemen(loc, oordeel, config.cyclus),
                "vervangt": list(loc.vervangt),
                "ligt_in": loc.ligt_in,
                "opmerking": loc.opmerking,
                "bron": {"bestand": loc.herkomst.bestand, "blad": loc.herkomst.blad, "rij": loc.herkomst.rij},
            }
        )
    return uit


def _asiel(opgave: Opgave | None, uitvraag: Uitvraag | None, locaties: list[dict], config: Config) -> dict:
    geldig = sum(loc["telwaarde"] for loc in locaties if loc["telt"])
    geldig_amv = sum(loc["telwaarde"] for loc in locaties if loc["telt"] and loc["doelgroep"] == "amv")
    vn_items = _voornemens(uitvraag, locaties)
    vn = sum(v["telwaarde"] for v in vn_items)
    vn_max = sum(v["max"] for v in vn_items)
    vn_amv = sum(v["telwaarde"] for v in vn_items if v["doelgroep"] == "amv")
    opg = opgave.asiel_totaal if opgave else 0
    opg_amv = opgave.asiel_amv if opgave else 0
    vandaag = config.cyclus.actief_uiterlijk
    return {
        "opgave": opg,
        "opgave_regulier": opgave.asiel_regulier if opgave else 0,
        "opgave_amv": opg_amv,
        "geldig": geldig,
        "geldig_amv": geldig_amv,
        "verschil": geldig - opg,
        "verschil_amv": geldig_amv - opg_amv,
        "vaste_voorraad": opgave.vaste_voorraad if opgave else 0,
        "voornemens": vn,
        "voornemens_max": vn_max,
        "voornemens_amv": vn_amv,
        "voornemens_onbekend": sum(1 for v in vn_items if v["onbekend"]),
        "geldig_plus_voornemens": geldig + vn,
        "geldig_amv_plus_voornemens": geldig_amv + vn_amv,
        "actief_nu": sum(
            loc["telwaarde"]
            for loc in locaties
            if regels.actief_op(_d(loc["startdatum"]), _d(loc["einddatum"]), vandaag)
        ),
        "overrides": sum(1 for loc in locaties if loc["override"]),
        "locaties": locaties,
        "voornemens_lijst": vn_items,
    }


def _d(waarde: str | None):
    if waarde and waarde[0].isdigit():
        return dt.date.fromisoformat(waarde)
    return waarde


def _voornemens(uitvraag: Uitvraag | None, locaties: list[dict]) -> list[dict]:
    """Non-counting planned locations (not successors) plus intentions without a location."""
    uit = []
    for loc in locaties:
        if loc["voornemen"]:
            uit.append(
                {
                    "omschrijving": loc["locatie"],
                    "doelgroep": loc["doelgroep"],
                    "capaciteit": loc["capaciteit"],
                    "telwaarde": loc["telwaarde"],
                    "max": _max(loc["capaciteit"]),
                    "onbekend": loc["capaciteit"] == "onbekend",
                    "startdatum": loc["startdatum"],
                    "einddatum": loc["einddatum"],
                    "besluit": loc["besluit"],
                    "toelichting": loc["uitleg"],
                    "met_locatie": True,
                }
            )
    if uitvraag is not None:
        for v in uitvraag.voornemens:
            uit.append(
                {
                    "omschrijving": v.omschrijving,
                    "doelgroep": v.doelgroep,
                    "capaciteit": v.capaciteit.json(),
                    "telwaarde": v.capaciteit.telwaarde,
                    "max": v.capaciteit.hoog or 0,
                    "onbekend": v.capaciteit.onbekend,
                    "startdatum": datum_json(v.startdatum),
                    "einddatum": datum_json(v.einddatum),
                    "besluit": v.besluit,
                    "toelichting": v.toelichting,
                    "met_locatie": False,
                }
            )
    return uit


def _max(capaciteit: int | str) -> int:
    if isinstance(capaciteit, int):
        return capaciteit
    if "-" in capaciteit:
        return int(capaciteit.split("-")[1])
    return 0


def _oekraine(opgave: Opgave | None, uitvraag: Uitvraag | None, config: Config) -> dict:
    peil = config.peildata.oekraine
    locaties = []
    for goo in uitvraag.oekraine if uitvraag else []:
        open_ = regels.goo_telt(goo, peil)
        locaties.append(
            {
                "locatie": goo.locatie,
                "capaciteit": goo.capaciteit.json(),
                "telwaarde": goo.capaciteit.telwaarde,
                "soort": goo.soort,
                "opening": datum_json(goo.opening),
                "sluiting": datum_json(goo.sluiting),
                "lager_niveau": goo.lager_niveau,
                "bijzondere_doelgroep": goo.bijzondere_doelgroep,
                "besluit": goo.besluit,
                "open": open_,
                "override": goo.telt_mee != "automatisch",
                "toelichting": goo.toelichting,
                "in_ontwikkeling": regels.in_ontwikkeling(goo, peil),
                "opmerking": goo.opmerking,
            }
        )
    realisatie = sum(loc["telwaarde"] for loc in locaties if loc["open"])
    opg = opgave.oekraine if opgave else 0
    return {
        "opgave": opg,
        "realisatie": realisatie,
        "verschil": realisatie - opg,
        "poo": uitvraag.aantallen.poo if uitvraag else 0,
        "in_ontwikkeling": sum(loc["telwaarde"] for loc in locaties if loc["in_ontwikkeling"]),
        "in_ontwikkeling_onbekend": sum(
            1 for loc in locaties if loc["in_ontwikkeling"] and loc["capaciteit"] == "onbekend"
        ),
        "locaties": locaties,
    }


def _statushouders(opgave: Opgave | None, uitvraag: Uitvraag | None) -> dict:
    a = uitvraag.aantallen if uitvraag else None
    realisatie = a.statushouders_realisatie if a else 0
    incl = opgave.statushouders_incl if opgave else 0
    dsl = [d for d in (uitvraag.dsl_kso if uitvraag else []) if d.soort == "DSL"]
    kso = [d for d in (uitvraag.dsl_kso if uitvraag else []) if d.soort == "KSO"]
    return {
        "taakstelling": opgave.statushouders_taakstelling if opgave else 0,
        "taakstelling_incl": incl,
        "realisatie": realisatie,
        "verschil": realisatie - incl,
        "verwachte_achterstand": a.verwachte_achterstand if a else 0,
        "kso_amv": a.kso_amv if a else 0,
        "kwg": a.kwg if a else 0,
        "kwe": a.kwe if a else 0,
        "dsl": sum(d.capaciteit.telwaarde for d in dsl),
        "kso": sum(d.capaciteit.telwaarde for d in kso),
        "dsl_kso": [
            {
                "soort": d.soort,
                "locatie": d.locatie,
                "capaciteit": d.capaciteit.json(),
                "bestaand_nieuw": d.bestaand_nieuw,
                "realisatiedatum": datum_json(d.realisatiedatum),
                "einddatum": datum_json(d.einddatum),
                "toelichting": d.toelichting,
            }
            for d in (uitvraag.dsl_kso if uitvraag else [])
        ],
        "plannen": [
            {
                "soort": h.soort,
                "aantal": h.aantal.json(),
                "realisatiedatum": datum_json(h.realisatiedatum),
                "toelichting": h.toelichting,
            }
            for h in (uitvraag.huisvesting if uitvraag else [])
        ],
    }


def _percentages(blok: dict, opgave: str) -> None:
    for naam, deel, geheel in PERCENTAGES[opgave]:
        blok[naam] = rond_percentage(blok[deel], blok[geheel])


def _som(gemeenten: Sequence[dict]) -> dict:
    uit: dict = {}
    for opgave, velden in SOMMEN.items():
        blok = {v: sum(g[opgave][v] for g in gemeenten) for v in velden}
        _percentages(blok, opgave)
        uit[opgave] = blok
    uit["procesfase"] = {
        f: sorted(g["naam"] for g in gemeenten if f in g["procesfase"].split("+")) for f in ("a", "b", "c")
    }
    return uit


def _uitruil(uitvragen: Iterable[Uitvraag], config: Config) -> list[dict]:
    uit = []
    for u in uitvragen:
        for r in u.uitruil:
            uit.append(
                {
                    "gemeente": u.naam,
                    "cbs_code": u.cbs_code,
                    "partner": r.partner,
                    "opgave": r.opgave,
                    "plekken": r.plekken,
                    "richting": r.richting,
                    "startdatum": datum_json(r.startdatum),
                    "einddatum": datum_json(r.einddatum),
                    "status": r.status,
                    "toelichting": r.toelichting,
                }
            )
    return sorted(uit, key=lambda r: (r["gemeente"], r["partner"], r["opgave"], r["richting"]))


def bereken(invoer: Invoer, peildata: Sequence[dt.date] = ()) -> Resultaat:
    """Compute every figure of the regional and provincial plans from what was read."""
    config = invoer.config
    gemeenten = []
    for regio in config.regios:
        for code in regio.gemeenten:
            opgave = invoer.opgaven.get(code)
            uitvraag = invoer.uitvragen.get(code)
            locaties = _beoordeel(uitvraag, config)
            asiel = _asiel(opgave, uitvraag, locaties, config)
            g = {
                "naam": config.naam(code),
                "cbs_code": code,
                "regio": regio.naam,
                "regio_sleutel": regio.sleutel,
                "bestand": uitvraag.bestand if uitvraag else None,
                "ingevuld_door": uitvraag.ingevuld_door if uitvraag else "",
                "datum": datum_json(uitvraag.datum) if uitvraag else None,
                "duiding": uitvraag.duiding if uitvraag else "",
                "asiel": asiel,
                "oekraine": _oekraine(opgave, uitvraag, config),
                "statushouders": _statushouders(opgave, uitvraag),
            }
            opgegeven = uitvraag.procesfase if uitvraag else ""
            g["procesfase"] = regels.procesfase(asiel["geldig"], asiel["voornemens"], opgegeven)
            g["procesfase_afgeleid"] = regels.procesfase(asiel["geldig"], asiel["voornemens"])
            g["procesfase_toelichting"] = uitvraag.procesfase_toelichting if uitvraag else ""
            for opg in PERCENTAGES:
                _percentages(g[opg], opg)
            gemeenten.append(g)
    gemeenten.sort(key=lambda g: ([r.naam for r in config.regios].index(g["regio"]), g["naam"]))
    regios = {}
    for regio in config.regios:
        leden = [g for g in gemeenten if g["regio"] == regio.naam]
        regios[regio.sleutel] = {
            "naam": regio.naam,
            "regietafel": regio.regietafel,
            "gemeenten": [g["cbs_code"] for g in leden],
            **_som(leden),
        }
    provincie = {"naam": config.provincie, "sleutel": config.provincie_sleutel, **_som(gemeenten)}
    data = {
        "regioplan": __version__,
        "provincie_naam": config.provincie,
        "cyclus": {
            "naam": config.cyclus.naam,
            "actief_uiterlijk": config.cyclus.actief_uiterlijk.isoformat(),
            "in_gebruik_tot_minstens": config.cyclus.in_gebruik_tot_minstens.isoformat(),
            "periode_tekst": config.cyclus.periode_tekst,
        },
        "peildata": {
            "oekraine": config.peildata.oekraine.isoformat(),
            "statushouders": config.peildata.statushouders.isoformat(),
            "statushouders_periode": config.peildata.statushouders_periode,
        },
        "gemeenten": gemeenten,
        "regios": regios,
        "provincie": provincie,
        "uitruil": _uitruil(invoer.uitvragen.values(), config) + _uitruil_locaties(gemeenten),
        "bevindingen": {
            "fouten": invoer.bevindingen.fouten,
            "waarschuwingen": invoer.bevindingen.waarschuwingen,
        },
    }
    if peildata:
        from .tijdlijn import tijdlijn

        data["tijdlijn"] = tijdlijn(invoer, peildata)
    return Resultaat(data, config)


def _uitruil_locaties(gemeenten: list[dict]) -> list[dict]:
    """Asiel locations that lie in another gemeente and count here (the realised side of an exchange)."""
    uit = []
    for g in gemeenten:
        for loc in g["asiel"]["locaties"]:
            if loc["ligt_in"]:
                uit.append(
                    {
                        "gemeente": g["naam"],
                        "cbs_code": g["cbs_code"],
                        "partner": loc["ligt_in"],
                        "opgave": "asiel",
                        "plekken": loc["telwaarde"],
                        "richting": "locatie",
                        "startdatum": loc["startdatum"],
                        "einddatum": loc["einddatum"],
                        "status": "telt" if loc["telt"] else "telt niet",
                        "toelichting": f"Locatie '{loc['locatie']}' ligt in {loc['ligt_in']} en telt voor {g['naam']}.",
                    }
                )
    return uit


__all__ = ["Resultaat", "bereken", "AsielLocatie"]
