"""The context object of the report templates: everything a template may use, built in one place.

Templates get plain data (dicts, lists, ints, strings, dates), never objects with behaviour, so a
coordinator who writes an own template (``--sjablonen``) can rely on docs/sjablonen.md alone. All
figures come from :func:`regioplan.berekening.bereken`; this module only selects the gemeenten of the
report, orders rows, groups locations and numbers footnotes. Formatting happens in the templates,
through the filters in :mod:`regioplan.rapport.filters`.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from collections.abc import Sequence
from typing import TypeVar

from .. import regels
from ..berekening import Resultaat
from ..config import Config, Regio
from ..fouten import RegioplanFout
from ..uitvraag.schema import SOORTEN_ASIEL, SOORTEN_GOO
from ..waarden import ONBEKEND, ONBEPAALD, normaliseer
from .grafiek import staafgrafiek

T = TypeVar("T")

#: Display names of the kinds of asylum reception, in the order of the uitvraag format.
SOORT_LABELS = {
    "regulier": "Regulier (azc)",
    "noodopvang": "Noodopvang",
    "crisisnoodopvang": "Crisisnoodopvang",
    "TGO": "TGO (tijdelijke gemeentelijke opvang)",
    "IBO": "IBO (intensief begeleide opvang)",
    "ROL": "ROL (regionale opvanglocatie)",
    "amv-opvang": "Amv-opvang",
    "overig": "Overig",
}

#: Short Dutch reason per rule outcome (the long one is ``uitleg`` of the location).
TELT_KORT = {
    regels.TELT: "ja",
    regels.OVERRIDE_JA: "ja (afwijking)",
    regels.OVERRIDE_NEE: "nee (afwijking)",
    regels.START_NA: "nee: start na {actief}",
    regels.START_ONBEKEND: "nee: start onbekend",
    regels.EINDE_VOOR: "nee: eindigt vóór {tot}",
    regels.EINDE_ONBEKEND: "nee: einde onbekend",
    regels.GEEN_BESLUIT: "nee: geen besluit",
}

RICHTING_LABELS = {"ontvangt": "ontvangt", "levert": "levert", "locatie": "locatie bij partner"}
OPGAVE_LABELS = {"asiel": "asiel", "oekraine": "Oekraïne"}

HOOFDSTUKKEN = {
    "regionaal": (
        ("oogopslag", "In één oogopslag"),
        ("opgaven", "Opgaven per gemeente"),
        ("asiel", "Asielopvang: kwantitatief beeld"),
        ("locaties", "Asielopvang: bestaande en nieuwe locaties"),
        ("spreidingswet", "Asielopvang in het kader van de Spreidingswet"),
        ("voornemens", "Voornemens"),
        ("uitruil", "Uitruilafspraken"),
        ("oekraine", "Opvang Oekraïense ontheemden"),
        ("statushouders", "Huisvesting statushouders"),
        ("gemeenten", "Kerncijfers en duiding per gemeente"),
        ("procesfase", "Stand van zaken per gemeente"),
        ("verantwoording", "Verantwoording"),
    ),
    "provinciaal": (
        ("oogopslag", "Opgave, realisatie en voornemens in één oogopslag"),
        ("garanderen", "Gemeenten die asielopvang garanderen"),
        ("uitruil", "Afspraken over uitruil van opgaven"),
        ("procesfase", "Stand van zaken per gemeente"),
        ("asiel", "Asielopvang incl. amv per gemeente"),
        ("voornemens", "Voornemens: (eventueel) toekomstige asiellocaties"),
        ("oekraine", "Opvang Oekraïense ontheemden per gemeente"),
        ("statushouders", "Huisvesting statushouders per gemeente"),
        ("uitsplitsing", "Uitsplitsing per gemeente"),
        ("verantwoording", "Verantwoording"),
    ),
}


def anker(tekst: str) -> str:
    """An id for HTML (``Hof van Twente`` -> ``hof-van-twente``): the normalised name with hyphens."""
    return normaliseer(tekst).replace(" ", "-") or "x"


def gfm_anker(titel: str) -> str:
    """The anchor GitHub gives a Markdown heading, so the table of contents links work there."""
    return re.sub(r"[^\w\- ]", "", titel.strip().lower()).replace(" ", "-")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_BEREIK = re.compile(r"(\d+)-(\d+)")


def als_datum(waarde: object) -> object:
    """A date from the computation (ISO text) as a date; ``onbepaald``, ``onbekend`` and None stay as they are."""
    if isinstance(waarde, str) and _ISO.fullmatch(waarde):
        return dt.date.fromisoformat(waarde)
    return waarde


def bereik(capaciteit: int | str | None) -> tuple[int, int] | None:
    """``(550, 580)`` for a range as stored by bereken (``"550-580"``); None for a number or ``onbekend``."""
    if isinstance(capaciteit, str) and (m := _BEREIK.fullmatch(capaciteit)):
        return int(m[1]), int(m[2])
    return None


def _telwaarde(capaciteit: int | str | None) -> int:
    """Lower bound of a capacity as stored by bereken (``48``, ``"550-580"``, ``"onbekend"``)."""
    if isinstance(capaciteit, int):
        return capaciteit
    b = bereik(capaciteit)
    return b[0] if b else 0


def kies_scope(config: Config, sleutel: str) -> tuple[str, Regio | None]:
    """``("provinciaal", None)`` for the province key, ``("regionaal", regio)`` for a regio; else a clear error."""
    s = normaliseer(sleutel)
    if s and s in (normaliseer(config.provincie_sleutel), normaliseer(config.provincie)):
        return "provinciaal", None
    regio = config.regio(sleutel)
    if regio is None:
        raise RegioplanFout(
            "optie-ongeldig",
            f"--regio '{sleutel}' is geen regio en niet de provincie in de configuratie.",
            f"Kies uit: {', '.join(_keuzes(config))}, of '{ALLE}' voor allemaal.",
        )
    return "regionaal", regio


ALLE = "alle"  #: ``--regio alle``: every regio of the configuration, then the provincial verslag


def rapport_sleutels(config: Config, gevraagd: Sequence[str]) -> list[str]:
    """The report keys for the ``--regio`` values, each checked before anything is read.

    ``alle`` stands for every regio in configuration order followed by the province; a key asked twice is
    written once (the first time it is asked), so ``--regio twente --regio alle`` writes each report once.
    """
    if not gevraagd:
        raise RegioplanFout(
            "optie-ongeldig",
            "Geen --regio opgegeven.",
            f"Kies uit: {', '.join(_keuzes(config))}, of '{ALLE}' voor allemaal.",
        )
    sleutels: dict[str, None] = {}
    for sleutel in gevraagd:
        if normaliseer(sleutel) == ALLE:
            sleutels.update(dict.fromkeys(_keuzes(config)))
            continue
        soort, regio = kies_scope(config, sleutel)
        sleutels[config.provincie_sleutel if regio is None else regio.sleutel] = None
    return list(sleutels)


def _keuzes(config: Config) -> list[str]:
    return [r.sleutel for r in config.regios] + [config.provincie_sleutel]


def rapportdatum(gemeenten: list[dict], datum: dt.date | None) -> tuple[dt.date | None, str]:
    """The date on the report: ``--datum``, else the latest 'datum invulling', else none (cycle name only)."""
    if datum is not None:
        return datum, "optie"
    data = [dt.date.fromisoformat(g["datum"]) for g in gemeenten if g.get("datum")]
    return (max(data), "invuldatum") if data else (None, "geen")


class _Voetnoten:
    """Numbers footnotes in a fixed order, so the same input always gives the same numbers."""

    def __init__(self) -> None:
        self.lijst: list[dict] = []

    def voeg_toe(self, opgave: str, gemeente: str, locatie: str, tekst: str) -> int:
        nummer = len(self.lijst) + 1
        self.lijst.append(
            {"nummer": nummer, "opgave": opgave, "gemeente": gemeente, "locatie": locatie, "tekst": tekst}
        )
        return nummer


def _actief_amv(g: dict, config: Config) -> int:
    """Amv places of the gemeente active on the cycle date (a presentation sum the computation does not make)."""
    grens = config.cyclus.actief_uiterlijk
    return sum(
        loc["telwaarde"]
        for loc in g["asiel"]["locaties"]
        if loc["doelgroep"] == "amv"
        and regels.actief_op(als_datum(loc["startdatum"]), als_datum(loc["einddatum"]), grens)
    )


def _plannen_totaal(g: dict) -> int:
    """Homes in the gemeente's housing plans; an unknown number counts 0 (and is counted separately)."""
    return sum(_telwaarde(p["aantal"]) for p in g["statushouders"]["plannen"])


def _verrijk_gemeente(g: dict, config: Config, stand: dt.date) -> None:
    """Add what the templates need next to the computed figures (anchors, short reasons, kerncijfers)."""
    cyclus = config.cyclus
    params = {
        "actief": cyclus.actief_uiterlijk.strftime("%d-%m-%Y"),
        "tot": cyclus.in_gebruik_tot_minstens.strftime("%d-%m-%Y"),
    }
    g["anker"] = anker(g["naam"])
    g["heeft_uitvraag"] = g.get("bestand") is not None
    a = g["asiel"]
    for loc in a["locaties"]:
        loc["telt_kort"] = TELT_KORT.get(loc["reden"], loc["reden"]).format(**params)
        loc["soort_label"] = SOORT_LABELS.get(loc["soort"], loc["soort"])
        loc["bestaand"] = (
            isinstance(als_datum(loc["startdatum"]), dt.date) and als_datum(loc["startdatum"]) <= stand
        )
        loc["voetnoot"] = None
    a["actief_amv"] = _actief_amv(g, config)
    for loc in g["oekraine"]["locaties"]:
        loc["voetnoot"] = None
    s = g["statushouders"]
    s["plannen_totaal"] = _plannen_totaal(g)
    s["plannen_onbekend"] = sum(1 for p in s["plannen"] if p["aantal"] == ONBEKEND)
    g["kerncijfers"] = _kerncijfers(g, config)


def _kerncijfers(g: dict, config: Config) -> list[dict]:
    """Opgave / behaald / in ontwikkeling / netto per opgave; netto = behaald + in ontwikkeling - opgave."""
    a, o, s = g["asiel"], g["oekraine"], g["statushouders"]

    def rij(sleutel, label, opgave, behaald, in_ontw, opmerkingen):
        return {
            "sleutel": sleutel,
            "label": label,
            "opgave": opgave,
            "behaald": behaald,
            "in_ontwikkeling": in_ontw,
            "netto": behaald + in_ontw - opgave,
            "opmerkingen": opmerkingen,
        }

    asiel_opm = []
    if a["voornemens_max"] > a["voornemens"]:
        asiel_opm.append({"code": "bereik", "waarde": a["voornemens_max"]})
    if a["voornemens_onbekend"]:
        asiel_opm.append({"code": "onbekend", "waarde": a["voornemens_onbekend"]})
    if a["overrides"]:
        asiel_opm.append({"code": "afwijking", "waarde": a["overrides"]})
    oek_opm = [{"code": "poo", "waarde": o["poo"]}] if o["poo"] else []
    if o["in_ontwikkeling_onbekend"]:
        oek_opm.append({"code": "onbekend", "waarde": o["in_ontwikkeling_onbekend"]})
    sh_opm = [
        {
            "code": "verwacht",
            "waarde": s["verwachte_achterstand"],
            "datum": config.peildata.statushouders_verwachting,
        }
    ]
    if s["plannen_onbekend"]:
        sh_opm.append({"code": "onbekend", "waarde": s["plannen_onbekend"]})
    return [
        rij("asiel", "Asiel incl. amv", a["opgave"], a["geldig"], a["voornemens"], asiel_opm),
        rij("amv", "waarvan amv", a["opgave_amv"], a["geldig_amv"], a["voornemens_amv"], []),
        rij("oekraine", "Oekraïense ontheemden", o["opgave"], o["realisatie"], o["in_ontwikkeling"], oek_opm),
        rij(
            "statushouders",
            "Statushouders",
            s["taakstelling_incl"],
            s["realisatie"],
            s["plannen_totaal"],
            sh_opm,
        ),
    ]


def _kopie(data: T) -> T:
    """A deep copy of plain result data; a pickle round trip does it in C, several times faster than copy.deepcopy."""
    return pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _blok(blok: dict, sleutel: str, soort: str, gemeenten: list[dict], config: Config) -> dict:
    """A regio or province total, with the presentation sums the computation does not make."""
    b = _kopie(blok)
    b["sleutel"] = sleutel
    b["soort"] = soort
    b["anker"] = anker(b["naam"])
    b["asiel"]["actief_amv"] = sum(_actief_amv(g, config) for g in gemeenten)
    b["statushouders"]["plannen_totaal"] = sum(_plannen_totaal(g) for g in gemeenten)
    b["aantal_gemeenten"] = len(gemeenten)
    return b


def _soortgroepen(rijen: list[dict], volgorde: tuple[str, ...], labels: dict[str, str]) -> list[dict]:
    groepen = []
    bekend = list(volgorde)
    for soort in bekend + sorted({r["soort"] for r in rijen} - set(bekend)):
        leden = [r for r in rijen if r["soort"] == soort]
        if leden:
            groepen.append(
                {
                    "soort": soort,
                    "label": labels.get(soort, soort.capitalize()),
                    "anker": anker(soort),
                    "rijen": leden,
                    "capaciteit": sum(r["telwaarde"] for r in leden),
                }
            )
    return groepen


def _locatierijen(gemeenten: list[dict], opgave: str = "asiel") -> list[dict]:
    """Every location of ``opgave`` (asiel or oekraine) with its gemeente, sorted by gemeente then location name."""
    rijen = []
    for g in gemeenten:
        for loc in sorted(g[opgave]["locaties"], key=lambda x: (x["locatie"].lower(), x["locatie"])):
            rijen.append({"gemeente": g["naam"], "gemeente_anker": g["anker"], **loc})
    return rijen


def _voornemens(gemeenten: list[dict]) -> list[dict]:
    rijen = []
    for g in gemeenten:
        for v in g["asiel"]["voornemens_lijst"]:
            rijen.append({"gemeente": g["naam"], "bereik": bereik(v["capaciteit"]) is not None, **v})
    return rijen


def _opvolgers(gemeenten: list[dict]) -> list[dict]:
    return [
        {"gemeente": g["naam"], **loc} for g in gemeenten for loc in g["asiel"]["locaties"] if loc["vervangt"]
    ]


def _garanderen(gemeenten: list[dict]) -> list[dict]:
    """Gemeenten with counting places, with the period per target group and the counting locations."""
    uit = []
    for g in gemeenten:
        a = g["asiel"]
        if a["geldig"] <= 0:
            continue
        telt = [loc for loc in a["locaties"] if loc["telt"]]
        rij = {
            "naam": g["naam"],
            "anker": g["anker"],
            "opgave": a["opgave"],
            "geldig": a["geldig"],
            "geldig_asiel": a["geldig"] - a["geldig_amv"],
            "geldig_amv": a["geldig_amv"],
            "locaties": telt,
        }
        for doelgroep in ("asiel", "amv"):
            groep = [loc for loc in telt if loc["doelgroep"] == doelgroep]
            starts = [als_datum(loc["startdatum"]) for loc in groep]
            eindes = [als_datum(loc["einddatum"]) for loc in groep]
            rij[f"van_{doelgroep}"] = min((d for d in starts if isinstance(d, dt.date)), default=None)
            if any(e == ONBEPAALD for e in eindes):
                rij[f"tot_{doelgroep}"] = ONBEPAALD
            else:
                rij[f"tot_{doelgroep}"] = max((e for e in eindes if isinstance(e, dt.date)), default=None)
        rij["voetnoten"] = sorted({loc["voetnoot"] for loc in telt if loc["voetnoot"]})
        rij["elders"] = [
            {"locatie": loc["locatie"], "ligt_in": loc["ligt_in"], "telwaarde": loc["telwaarde"]}
            for loc in telt
            if loc["ligt_in"]
        ]
        uit.append(rij)
    return uit


def _procesfase(gemeenten: list[dict]) -> dict:
    fasen = {f: [g["naam"] for g in gemeenten if f in g["procesfase"].split("+")] for f in ("a", "b", "c")}
    meer = [
        {"naam": g["naam"], "procesfase": g["procesfase"], "toelichting": g["procesfase_toelichting"]}
        for g in gemeenten
        if "+" in g["procesfase"] or g["procesfase"] != g["procesfase_afgeleid"]
    ]
    return {**fasen, "bijzonder": meer, "rijen": max((len(v) for v in fasen.values()), default=0)}


def _grafieken(gemeenten: list[dict]) -> dict:
    def rijen(opgave: str, deel: str, geheel: str):
        return [(g["naam"], g[opgave][geheel], g[opgave][deel]) for g in gemeenten]

    return {
        "asiel": staafgrafiek(rijen("asiel", "geldig", "opgave")),
        "amv": staafgrafiek(rijen("asiel", "geldig_amv", "opgave_amv")),
        "oekraine": staafgrafiek(rijen("oekraine", "realisatie", "opgave")),
        "statushouders": staafgrafiek(rijen("statushouders", "realisatie", "taakstelling_incl")),
    }


def _uitruil(resultaat: dict, codes: set[str], config: Config) -> list[dict]:
    rijen = []
    for r in resultaat["uitruil"]:
        partner_code = config.zoek_code(r["partner"])
        if r["cbs_code"] in codes or partner_code in codes:
            rijen.append(
                {
                    **r,
                    "richting_label": RICHTING_LABELS.get(r["richting"], r["richting"]),
                    "opgave_label": OPGAVE_LABELS.get(r["opgave"], r["opgave"]),
                    "partner_in_provincie": partner_code in config.gemeenten,
                }
            )
    return sorted(rijen, key=lambda r: (r["gemeente"], r["partner"], r["opgave"], r["richting"]))


def bouw_context(resultaat: Resultaat, sleutel: str, datum: dt.date | None = None) -> dict:
    """The full context for ``--regio sleutel``: a regional plan, or the provincial verslag for the province key."""
    config = resultaat.config
    soort, regio = kies_scope(config, sleutel)
    data = resultaat.als_dict()  # read only: what the report adds goes into copies
    regios_cfg = [regio] if regio is not None else list(config.regios)
    codes = {c for r in regios_cfg for c in r.gemeenten}
    # Only the gemeenten of the report are copied and enriched; a regional plan of one of 44 regio's
    # then copies a fraction of the national result instead of all of it.
    alle = _kopie([g for g in data["gemeenten"] if g["cbs_code"] in codes])
    rdatum, datum_bron = rapportdatum(alle, datum)
    stand = rdatum or config.cyclus.actief_uiterlijk

    for g in alle:
        _verrijk_gemeente(g, config, stand)
    groepen = []
    for r in regios_cfg:
        leden = sorted(
            (g for g in alle if g["regio_sleutel"] == r.sleutel), key=lambda g: (g["naam"].lower(), g["naam"])
        )
        groepen.append(
            {"regio": _blok(data["regios"][r.sleutel], r.sleutel, "regio", leden, config), "gemeenten": leden}
        )
    gemeenten = [g for groep in groepen for g in groep["gemeenten"]]
    provincie = _blok(data["provincie"], config.provincie_sleutel, "provincie", data["gemeenten"], config)

    voetnoten = _Voetnoten()
    for g in gemeenten:
        for loc in g["asiel"]["locaties"]:
            if loc["override"]:
                loc["voetnoot"] = voetnoten.voeg_toe("asiel", g["naam"], loc["locatie"], loc["uitleg"])
            elif loc["ligt_in"]:
                loc["voetnoot"] = voetnoten.voeg_toe(
                    "asiel",
                    g["naam"],
                    loc["locatie"],
                    f"De plekken van '{loc['locatie']}' liggen in {loc['ligt_in']} en tellen op grond van een "
                    f"uitruilafspraak voor {g['naam']}.",
                )
    for g in gemeenten:
        for loc in g["oekraine"]["locaties"]:
            if loc["override"]:
                oordeel = "telt mee" if loc["open"] else "telt niet mee"
                tekst = f"{oordeel} door bewuste afwijking: {loc['toelichting'] or '(geen toelichting)'}"
                loc["voetnoot"] = voetnoten.voeg_toe("oekraine", g["naam"], loc["locatie"], tekst)

    regioblokken = [groep["regio"] for groep in groepen]
    if regio is None:
        totaal = provincie
        niveaus = [provincie, *regioblokken]
        tabelrijen = []
        for groep in groepen:
            tabelrijen += [{"soort": "gemeente", "naam": g["naam"], "blok": g} for g in groep["gemeenten"]]
            tabelrijen.append(
                {"soort": "regio", "naam": f"Totaal {groep['regio']['naam']}", "blok": groep["regio"]}
            )
        tabelrijen.append({"soort": "provincie", "naam": f"Totaal {provincie['naam']}", "blok": provincie})
        titel = f"Provinciaal verslag {config.provincie}"
        ondertitel = f"met het provinciaal plan {config.provincie} – {config.cyclus.naam}"
        bestandsnaam = f"provinciaal-verslag-{anker(config.provincie_sleutel)}"
        sjabloon = "provinciaal-verslag"
    else:
        totaal = regioblokken[0]
        niveaus = [totaal]
        tabelrijen = [{"soort": "gemeente", "naam": g["naam"], "blok": g} for g in gemeenten]
        tabelrijen.append({"soort": "regio", "naam": f"Totaal {totaal['naam']}", "blok": totaal})
        titel = f"Regionaal plan {regio.naam}"
        ondertitel = f"{regio.regietafel} – {config.cyclus.naam}" if regio.regietafel else config.cyclus.naam
        bestandsnaam = f"regionaal-plan-{anker(regio.sleutel)}"
        sjabloon = "regionaal-plan"

    hoofdstukken = [
        {"anker": a, "nummer": i, "titel": t, "kop": f"{i}. {t}", "md_anker": gfm_anker(f"{i}. {t}")}
        for i, (a, t) in enumerate(HOOFDSTUKKEN[soort], start=1)
    ]
    locaties = _locatierijen(gemeenten)
    goo = _locatierijen(gemeenten, "oekraine")
    return {
        "soort": soort,
        "sjabloon": sjabloon,
        "bestandsnaam": bestandsnaam,
        "titel": titel,
        "ondertitel": ondertitel,
        "datum": rdatum,
        "datum_bron": datum_bron,
        "stand": stand,
        "cyclus": {
            "naam": config.cyclus.naam,
            "actief_uiterlijk": config.cyclus.actief_uiterlijk,
            "in_gebruik_tot_minstens": config.cyclus.in_gebruik_tot_minstens,
            "periode_tekst": config.cyclus.periode_tekst or config.cyclus.naam,
        },
        "peildata": {
            "oekraine": config.peildata.oekraine,
            "statushouders": config.peildata.statushouders,
            "statushouders_periode": config.peildata.statushouders_periode,
            "statushouders_verwachting": config.peildata.statushouders_verwachting,
        },
        "provincie": provincie,
        "regio": totaal if regio is not None else None,
        "totaal": totaal,
        "regios": regioblokken,
        "niveaus": niveaus,
        "groepen": groepen,
        "gemeenten": gemeenten,
        "tabelrijen": tabelrijen,
        "hoofdstukken": hoofdstukken,
        "h": {h["anker"]: h for h in hoofdstukken},
        "locaties": {
            "alle": locaties,
            "bestaand": _soortgroepen([r for r in locaties if r["bestaand"]], SOORTEN_ASIEL, SOORT_LABELS),
            "nieuw": _soortgroepen([r for r in locaties if not r["bestaand"]], SOORTEN_ASIEL, SOORT_LABELS),
            "geldig": [r for r in locaties if r["telt"]],
        },
        "voornemens": _voornemens(gemeenten),
        "opvolgers": _opvolgers(gemeenten),
        "goo": {
            "bestaand": [r for r in goo if not r["in_ontwikkeling"]],
            "nieuw": [r for r in goo if r["in_ontwikkeling"]],
            "soorten": list(SOORTEN_GOO),
        },
        "garanderen": _garanderen(gemeenten),
        "uitruil": _uitruil(data, codes, config),
        "procesfase": _procesfase(gemeenten),
        "grafieken": _grafieken(gemeenten),
        "voetnoten": voetnoten.lijst,
        "bronnen": [
            {
                "gemeente": g["naam"],
                "cbs_code": g["cbs_code"],
                "bestand": g["bestand"],
                "datum": g["datum"],
                "ingevuld_door": g["ingevuld_door"],
            }
            for g in gemeenten
        ],
        "ontbrekend": [g["naam"] for g in gemeenten if not g["heeft_uitvraag"]],
        "bevindingen": dict(data["bevindingen"]),
    }
