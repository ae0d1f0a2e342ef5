"""A synthetic national data set: 12 provinces, 342 gemeenten, one folder per province.

Why synthetic: the only real data is Overijssel (25 gemeenten). To know whether regioplan stays fast
and correct at national scale, every gemeente of 2024 (``regioplan/data/gemeenten-2024.csv``) gets a
plausible workbook: 0-15 asylum locations, 0-15 GOO locations, a few DSL/KSO rows, voornemens,
housing plans, now and then an override, a successor or an exchange. The numbers are made up but
shaped like the real ones (opgaven scale with a random population; dates around the cycle cut-off).

Since one configuration describes one province, the output is ``MAP/<provincie>/`` with its own
``regioplan.toml`` (the province's gemeenten grouped into 2-4 regio's), ``opgaven.xlsx`` and one
workbook per gemeente, written by the same code as ``regioplan sjabloon``, so they are valid input.

Deterministic: every gemeente draws from its own generator seeded with ``SEED`` and its CBS code, so
a subset of provinces gives exactly the same workbooks as the full run.

    python benchmarks/nederland.py --uit /tmp/nederland [--provincie Flevoland --provincie Zeeland] [--jobs 4]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable without installing
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from regioplan.config import CONFIGBESTAND, landelijke_gemeenten  # noqa: E402
from regioplan.sjablonen import bestandsnaam  # noqa: E402
from regioplan.waarden import normaliseer  # noqa: E402

SEED = 2024
PER_REGIO = 15  #: about this many gemeenten per regio; a province gets 2 to 4 regio's
REGIOLABELS = {2: ("Noord", "Zuid"), 3: ("Noord", "Midden", "Zuid"), 4: ("Noord", "Oost", "Zuid", "West")}

ACTIEF_UITERLIJK = dt.date(2025, 7, 1)
IN_GEBRUIK_TOT = dt.date(2026, 2, 1)
INVULDATUM = dt.date(2024, 10, 1)

STRATEN = (
    "Stationsweg",
    "Kerkstraat",
    "Dorpsstraat",
    "Industrieweg",
    "Molenweg",
    "Schoolstraat",
    "Nieuwe Weg",
    "Marktplein",
    "Julianastraat",
    "Beatrixlaan",
    "Parallelweg",
    "Havenkade",
    "Zuiderpark",
    "Oude Rijksweg",
    "Hoofdstraat",
    "Kanaaldijk",
    "Sportlaan",
    "Bosrand",
    "Ringbaan",
    "Veldweg",
    "Energieweg",
    "Spoorlaan",
)
SOORTEN_ASIEL = (
    ("regulier", 30),
    ("noodopvang", 15),
    ("crisisnoodopvang", 5),
    ("TGO", 25),
    ("IBO", 5),
    ("ROL", 3),
    ("amv-opvang", 12),
    ("overig", 5),
)
CAPACITEIT_ASIEL = {
    "regulier": (100, 500),
    "noodopvang": (40, 250),
    "crisisnoodopvang": (20, 100),
    "TGO": (20, 180),
    "IBO": (10, 60),
    "ROL": (15, 80),
    "amv-opvang": (8, 40),
    "overig": (10, 100),
}
SOORTEN_GOO = (("regulier", 60), ("hotel", 15), ("flexwoningen", 15), ("overig", 10))
SOORTEN_HUISVESTING = (
    "bestaande woningvoorraad",
    "uitbreiding woningvoorraad",
    "bestaande flexwoningen",
    "uitbreiding flexwoningen",
    "overig",
)


@dataclass(frozen=True)
class Regio:
    naam: str
    sleutel: str
    gemeenten: tuple[tuple[str, str], ...]  #: (CBS code, naam)


def sleutel(tekst: str) -> str:
    return normaliseer(tekst).replace(" ", "-")


def provincies() -> dict[str, list[tuple[str, str]]]:
    """Province -> its gemeenten as (code, naam), sorted by name; from the national list of 2024."""
    uit: dict[str, list[tuple[str, str]]] = {}
    for code, (naam, provincie) in landelijke_gemeenten().items():
        uit.setdefault(provincie, []).append((code, naam))
    return {p: sorted(g, key=lambda x: normaliseer(x[1])) for p, g in sorted(uit.items())}


def indeling(provincie: str, gemeenten: Sequence[tuple[str, str]]) -> list[Regio]:
    """2-4 regio's of consecutive gemeenten (alphabetical), sizes differing by at most one."""
    aantal = min(4, max(2, math.ceil(len(gemeenten) / PER_REGIO)))
    regios, begin = [], 0
    for i, label in enumerate(REGIOLABELS[aantal]):
        grootte = len(gemeenten) // aantal + (1 if i < len(gemeenten) % aantal else 0)
        naam = f"{provincie} {label}"
        regios.append(Regio(naam, sleutel(naam), tuple(gemeenten[begin : begin + grootte])))
        begin += grootte
    return regios


def config_toml(provincie: str, regios: Iterable[Regio]) -> str:
    regels = [
        f"# Synthetische provincie {provincie} voor de benchmark; geschreven door benchmarks/nederland.py.",
        "",
        "[provincie]",
        f'naam = "{provincie}"',
        f'sleutel = "{sleutel(provincie)}"',
        "",
        "[cyclus]",
        'naam = "1e cyclus Spreidingswet"',
        f"actief_uiterlijk = {ACTIEF_UITERLIJK.isoformat()}",
        f"in_gebruik_tot_minstens = {IN_GEBRUIK_TOT.isoformat()}",
        "periode_tekst = \"juli '25 – febr. '26\"",
        "",
        "[peildata]",
        "oekraine = 2025-01-01",
        "statushouders = 2024-09-15",
        'statushouders_periode = "2024-II"',
        "statushouders_verwachting = 2024-12-31",
    ]
    for r in regios:
        codes = ", ".join(f'"{code}"' for code, _ in r.gemeenten)
        regels += [
            "",
            "[[regio]]",
            f'naam = "{r.naam}"',
            f'sleutel = "{r.sleutel}"',
            f'regietafel = "Regietafel {r.naam}"',
            f"gemeenten = [{codes}]",
        ]
    return "\n".join(regels) + "\n"


# ---------------------------------------------------------------- one gemeente


def _datum(rng: random.Random, van: dt.date, tot: dt.date) -> dt.date:
    return van + dt.timedelta(days=rng.randrange((tot - van).days + 1))


def _capaciteit(rng: random.Random, laag: int, hoog: int, plafond: int | None = None) -> int | str:
    """A number, now and then a range or 'onbekend'; never above ``plafond`` (a location far larger than the
    gemeente's whole target reads as a typo to ``valideer``, and the synthetic data should be clean)."""
    if plafond is not None:
        hoog = max(1, min(hoog, plafond))
        laag = min(laag, hoog)
    n = rng.randint(laag, hoog)
    x = rng.random()
    if x < 0.03:
        return "onbekend"
    if x < 0.10 and n + 5 <= hoog:
        return f"{n}-{rng.randint(n + 5, min(hoog, n + max(6, n // 5)))}"
    return n


def _kies(rng: random.Random, gewogen: Sequence[tuple[str, int]]) -> str:
    return rng.choices([s for s, _ in gewogen], weights=[w for _, w in gewogen])[0]


def _aantal_locaties(rng: random.Random, schaal: float) -> int:
    """0-15, most gemeenten a handful, larger gemeenten more."""
    return min(15, int(rng.triangular(0, 6 + 10 * schaal, 1 + 4 * schaal)))


def _adres(rng: random.Random, plaats: str, namen: set[str]) -> str:
    """A location name unique within the sheet and, through the place name, within the province."""
    naam = f"{plaats}, {rng.choice(STRATEN)} {rng.randint(1, 250)}"
    while naam in namen:
        naam = f"{plaats}, {rng.choice(STRATEN)} {rng.randint(1, 250)}"
    namen.add(naam)
    return naam


def _asiel(rng: random.Random, schaal: float, plaats: str, plafond: int) -> list[dict]:
    rijen: list[dict] = []
    namen: set[str] = set()
    for _ in range(_aantal_locaties(rng, schaal)):
        soort = _kies(rng, SOORTEN_ASIEL)
        doelgroep = "amv" if soort == "amv-opvang" or rng.random() < 0.05 else "asiel"
        naam = _adres(rng, plaats, namen)
        x = rng.random()
        start: dt.date | str = (
            "onbekend" if x < 0.06 else _datum(rng, dt.date(2015, 1, 1), dt.date(2026, 12, 31))
        )
        y = rng.random()
        if y < 0.30:
            eind: dt.date | str = "onbepaald"
        elif y < 0.38:
            eind = "onbekend"
        else:
            basis = start if isinstance(start, dt.date) else dt.date(2025, 1, 1)
            eind = basis + dt.timedelta(days=rng.randint(180, 3650))
        rij = {
            "locatie": naam,
            "capaciteit": _capaciteit(rng, *CAPACITEIT_ASIEL[soort], plafond),
            "doelgroep": doelgroep,
            "soort": soort,
            "startdatum": start,
            "einddatum": eind,
            "beheer": "COA"
            if soort in ("regulier", "amv-opvang")
            else ("gemeente" if soort == "TGO" else rng.choice(("COA", "gemeente"))),
            "besluit": "ja" if rng.random() < 0.85 else "nee",
            "telt_mee": "automatisch",
        }
        if (
            isinstance(eind, dt.date)
            and ACTIEF_UITERLIJK <= eind < IN_GEBRUIK_TOT
            and rij["besluit"] == "ja"
            and isinstance(start, dt.date)
            and start <= ACTIEF_UITERLIJK
            and rng.random() < 0.5
        ):
            rij["telt_mee"] = "ja"
            rij["toelichting"] = (
                "Eindigt kort voor het einde van de cyclus; de bewoners gaan over naar een opvolgende "
                "locatie, daarom telt de regiotafel de plekken mee."
            )
        if isinstance(start, dt.date) and start > ACTIEF_UITERLIJK and rijen and rng.random() < 0.25:
            rij["vervangt"] = rng.choice(rijen)["locatie"]
        rijen.append(rij)
    return rijen


def _oekraine(rng: random.Random, schaal: float, plaats: str, plafond: int) -> list[dict]:
    rijen: list[dict] = []
    namen: set[str] = set()
    for _ in range(_aantal_locaties(rng, schaal)):
        naam = _adres(rng, plaats, namen)
        opening = _datum(rng, dt.date(2022, 3, 1), dt.date(2026, 6, 30))
        y = rng.random()
        sluiting: dt.date | str = (
            "onbepaald"
            if y < 0.25
            else "onbekend"
            if y < 0.30
            else opening + dt.timedelta(days=rng.randint(120, 2500))
        )
        rijen.append(
            {
                "locatie": naam,
                "capaciteit": _capaciteit(rng, 10, 350, plafond),
                "soort": _kies(rng, SOORTEN_GOO),
                "opening": opening,
                "sluiting": sluiting,
                "lager_niveau": "ja" if rng.random() < 0.2 else "nee",
                "bijzondere_doelgroep": "ja" if rng.random() < 0.1 else "nee",
                "besluit": "ja" if rng.random() < 0.9 else "nee",
                "telt_mee": "automatisch",
            }
        )
    return rijen


@lru_cache(maxsize=16)
def _buiten_de_provincie(codes: tuple[str, ...]) -> list[str]:
    """Names of the gemeenten of the country outside ``codes``, sorted."""
    binnen = set(codes)
    return sorted(naam for c, (naam, _p) in landelijke_gemeenten().items() if c not in binnen)


def gemeente(
    code: str, naam: str, regio: str, provincie_gemeenten: Sequence[tuple[str, str]]
) -> tuple[dict, dict]:
    """The workbook data and the opgaven row of one gemeente; depends only on SEED and the code."""
    rng = random.Random(f"{SEED}:{code}")
    inwoners = int(min(900_000, max(1_000, rng.lognormvariate(math.log(30_000), 0.8))))
    schaal = min(1.0, inwoners / 150_000)
    asiel_totaal = max(10, round(inwoners * rng.uniform(0.0045, 0.0062)))
    amv = round(asiel_totaal * rng.uniform(0.07, 0.10))
    taakstelling = max(2, round(inwoners * rng.uniform(0.0008, 0.0012)))
    incl = taakstelling + rng.randint(-taakstelling // 4, taakstelling)
    opgave = {
        "cbs_code": code,
        "gemeente": naam,
        "regio": regio,
        "asiel_regulier": asiel_totaal - amv,
        "asiel_amv": amv,
        "asiel_totaal": asiel_totaal,
        "vaste_voorraad": 0,
        "oekraine": max(5, round(inwoners * rng.uniform(0.006, 0.010))),
        "statushouders_taakstelling": taakstelling,
        "statushouders_incl": max(0, incl),
    }

    asiel = _asiel(rng, schaal, naam, 4 * asiel_totaal)
    opgave["vaste_voorraad"] = sum(
        r["capaciteit"]
        for r in asiel
        if r["soort"] == "regulier" and r["einddatum"] == "onbepaald" and isinstance(r["capaciteit"], int)
    )
    voornemens = [
        {
            "omschrijving": f"Structurele locatie {i + 1} (verkenning)",
            "doelgroep": "amv" if rng.random() < 0.2 else "asiel",
            "capaciteit": _capaciteit(rng, 20, 300),
            "startdatum": "onbekend",
            "einddatum": "onbekend",
            "besluit": "nee",
            "toelichting": "De gemeente verkent locaties; een besluit volgt.",
        }
        for i in range(rng.choice((0, 0, 0, 1, 1, 2)))
    ]
    kso = rng.randint(0, 12) if rng.random() < 0.15 else 0
    kwg = rng.randint(0, kso)
    aantallen = {
        "poo": rng.randint(0, opgave["oekraine"] // 4),
        "statushouders_realisatie": rng.randint(0, max(0, incl)),
        "verwachte_achterstand": rng.randint(-max(1, incl // 2), max(1, taakstelling // 5)),
        "kso_amv": kso,
        "kwg": kwg,
        "kwe": kso - kwg,
    }
    huisvesting = [
        {
            "soort": rng.choice(SOORTEN_HUISVESTING),
            "aantal": _capaciteit(rng, 2, 60),
            "realisatiedatum": _datum(rng, dt.date(2024, 10, 1), dt.date(2026, 6, 30)),
            "toelichting": "woningen",
        }
        for _ in range(rng.randint(0, 3))
    ]
    dsl_kso = [
        {
            "soort": s,
            "locatie": f"{rng.choice(STRATEN)} {i + 1}",
            "capaciteit": rng.randint(6, 60),
            "bestaand_nieuw": rng.choice(("bestaand", "nieuw")),
            "realisatiedatum": _datum(rng, dt.date(2023, 1, 1), dt.date(2025, 12, 31)),
            "einddatum": "onbepaald",
        }
        for i, s in enumerate(rng.choices(("DSL", "KSO"), k=rng.choice((0, 0, 0, 1, 1, 2))))
    ]
    uitruil = []
    # A one-sided exchange is only complete with a partner outside the province (like Kampen–Dronten):
    # inside it, both gemeenten record it (see regioplan/uitruil.py), which a per-gemeente generator cannot.
    anderen = _buiten_de_provincie(tuple(c for c, _ in provincie_gemeenten))
    if anderen and rng.random() < 0.04:
        partner = rng.choice(anderen)
        uitruil.append(
            {
                "partner": partner,
                "opgave": "asiel",
                "plekken": rng.randint(20, 120),
                "richting": "ontvangt",
                "startdatum": dt.date(2024, 2, 1),
                "einddatum": dt.date(2026, 6, 1),
                "status": "afgesproken",
                "toelichting": f"Plekken in {partner} tellen voor {naam}.",
            }
        )
        asiel.append(
            {
                "locatie": f"Opvang in {partner} voor {naam}",
                "capaciteit": uitruil[0]["plekken"],
                "doelgroep": "asiel",
                "soort": "regulier",
                "startdatum": dt.date(2024, 2, 1),
                "einddatum": dt.date(2026, 6, 1),
                "beheer": "COA",
                "besluit": "ja",
                "telt_mee": "automatisch",
                "ligt_in": partner,
            }
        )
    gegevens = {
        "gemeente": {
            "naam": naam,
            "cbs_code": code,
            "ingevuld_door": "Synthetische benchmarkdata",
            "datum": INVULDATUM,
            "duiding": f"{naam} is een synthetische gemeente van ongeveer {inwoners} inwoners "
            "voor de benchmark.",
        },
        "asiel": asiel,
        "voornemens": voornemens,
        "oekraine": _oekraine(rng, schaal, naam, 2 * opgave["oekraine"]),
        "aantallen": aantallen,
        "huisvesting": huisvesting,
        "dsl_kso": dsl_kso,
        "uitruil": uitruil,
    }
    return gegevens, opgave


# ---------------------------------------------------------------- writing


def _schrijf(taak: tuple[str, Path, object]) -> Path:
    from regioplan.uitvraag.schrijven import schrijf_opgaven, schrijf_uitvraag

    soort, pad, gegevens = taak
    return schrijf_opgaven(pad, gegevens) if soort == "opgaven" else schrijf_uitvraag(pad, gegevens)


def taken(uit: Path, provincie: str, gemeenten: Sequence[tuple[str, str]]) -> list[tuple[str, Path, object]]:
    """Write the province's regioplan.toml now; return the workbooks to write."""
    map_ = uit / sleutel(provincie)
    map_.mkdir(parents=True, exist_ok=True)
    regios = indeling(provincie, gemeenten)
    (map_ / CONFIGBESTAND).write_text(config_toml(provincie, regios), encoding="utf-8")
    lijst: list[tuple[str, Path, object]] = []
    opgaven = []
    for regio in regios:
        for code, naam in regio.gemeenten:
            gegevens, opgave = gemeente(code, naam, regio.naam, gemeenten)
            opgaven.append(opgave)
            lijst.append(("uitvraag", map_ / bestandsnaam(naam), gegevens))
    lijst.append(("opgaven", map_ / "opgaven.xlsx", opgaven))
    return lijst


def genereer(uit: Path, kies: Sequence[str] = (), jobs: int | None = None) -> list[Path]:
    """Write the data set (all provinces, or those named in ``kies``); returns the province folders."""
    alle = provincies()
    gekozen = {normaliseer(k) for k in kies}
    onbekend = gekozen - {normaliseer(p) for p in alle}
    if onbekend:
        raise SystemExit(f"onbekende provincie(s): {', '.join(sorted(onbekend))}; kies uit {', '.join(alle)}")
    werk, mappen = [], []
    for provincie, gemeenten in alle.items():
        if gekozen and normaliseer(provincie) not in gekozen:
            continue
        werk += taken(uit, provincie, gemeenten)
        mappen.append(uit / sleutel(provincie))
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(werk) < 8:
        for t in werk:
            _schrijf(t)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_schrijf, werk, chunksize=4))
    return mappen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Schrijf een synthetische landelijke dataset (één map per provincie)."
    )
    parser.add_argument("--uit", required=True, type=Path, help="doelmap; krijgt een submap per provincie")
    parser.add_argument(
        "--provincie", action="append", default=[], help="alleen deze provincie (herhaalbaar)"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="parallelle schrijvers (standaard: aantal cpu's)"
    )
    args = parser.parse_args(argv)
    mappen = genereer(args.uit, args.provincie, args.jobs)
    aantal = sum(len(list(m.glob("*.xlsx"))) - 1 for m in mappen)
    print(f"{len(mappen)} provincies, {aantal} gemeenten geschreven in {args.uit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
