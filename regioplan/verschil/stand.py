"""The state of one round ("stand"), as frozen data: what a comparison and a series of rounds need.

A :class:`Stand` holds, per gemeente, the key figures, whether and in which file it delivered, and
every location, intention and exchange with its fields and whether it counts (and why); per regio
and for the province the same key figures; and every finding of the reading. It is built from the
computation by :func:`stand_van` (the one place that knows the shape of the result), so the
comparison itself (:mod:`.vergelijk`) is a pure function over frozen data.

Field values are JSON-ready scalars: ``int``, ``str`` (ISO dates, ``onbepaald``, ``onbekend``,
ranges like ``550-580``), ``bool`` or ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields

from ..bevindingen import Bevinding
from ..opmaak import datum
from ..resultaat import (
    AfspraakRij,
    AsielRij,
    Gemeente,
    GooRij,
    ProvincieTotaal,
    RegioTotaal,
    Resultaat,
    VoornemenRij,
    naar_json,
)
from ..waarden import datum_json

Waarde = int | str | bool | None

#: Key figures per gemeente, regio and province: (key, Dutch label). ``opgave.veld`` reads the result.
CIJFERS: tuple[tuple[str, str], ...] = (
    ("asiel.opgave", "Asielopgave incl. amv"),
    ("asiel.geldig", "Realisatie asiel (geldig)"),
    ("asiel.percentage", "% realisatie asiel"),
    ("asiel.opgave_amv", "Amv-opgave"),
    ("asiel.geldig_amv", "Amv-realisatie"),
    ("asiel.voornemens", "Voornemens"),
    ("asiel.voornemens_amv", "Amv-voornemens"),
    ("asiel.geldig_plus_voornemens", "Realisatie + voornemens"),
    ("asiel.actief_nu", "Asielplekken in gebruik op de cyclusdatum"),
    ("asiel.vaste_voorraad", "Vaste voorraad COA"),
    ("oekraine.opgave", "Oekraïne opgave"),
    ("oekraine.realisatie", "Oekraïne realisatie"),
    ("oekraine.percentage", "% Oekraïne"),
    ("oekraine.poo", "Oekraïne POO (personen)"),
    ("oekraine.in_ontwikkeling", "Oekraïne in ontwikkeling"),
    ("statushouders.taakstelling", "Statushouders taakstelling"),
    ("statushouders.taakstelling_incl", "Statushouders taakstelling incl. voor/achter"),
    ("statushouders.realisatie", "Statushouders gehuisvest"),
    ("statushouders.percentage", "% statushouders"),
)
#: Only for a gemeente: its process stage (a, b, c, a+b); for a regio the number of gemeenten per stage.
PROCESFASE = ("procesfase", "Procesfase")
FASEN = (
    ("procesfase.a", "Gemeenten in fase a"),
    ("procesfase.b", "Gemeenten in fase b"),
    ("procesfase.c", "Gemeenten in fase c"),
)
LABELS = dict(CIJFERS + (PROCESFASE,) + FASEN)
#: The figures that come from the opgaven workbook: known for a gemeente without data too.
OPGAVECIJFERS = frozenset(
    {
        "asiel.opgave",
        "asiel.opgave_amv",
        "asiel.vaste_voorraad",
        "oekraine.opgave",
        "statushouders.taakstelling",
        "statushouders.taakstelling_incl",
    }
)
#: The value of every other figure of a gemeente without data (no workbook, the blank template or an
#: unreadable file): unknown, never 0 (``regioplan.resultaat.GEEN_GEGEVENS``, as in the report).
GEEN_GEGEVENS = "geen-gegevens"

#: The kinds of row compared per gemeente, with their Dutch name.
TABELLEN = {
    "asiel": "asiellocatie",
    "oekraine": "GOO-locatie",
    "voornemen": "voornemen zonder locatie",
    "uitruil": "uitruil met",
}
#: Field labels of the rows (in display order per table).
VELDLABELS = {
    "capaciteit": "capaciteit",
    "doelgroep": "doelgroep",
    "soort": "soort",
    "startdatum": "startdatum",
    "einddatum": "einddatum",
    "opening": "opening",
    "sluiting": "sluiting",
    "beheer": "beheer",
    "besluit": "besluit",
    "telt_mee": "telt mee (afwijking)",
    "toelichting": "toelichting",
    "vervangt": "vervangt",
    "ligt_in": "ligt in gemeente",
    "lager_niveau": "GOO op lager niveau",
    "bijzondere_doelgroep": "bijzondere doelgroep",
    "partner": "partner",
    "opgave": "opgave",
    "richting": "richting",
    "plekken": "plekken",
    "status": "status",
    "verwerkt": "verschuift plekken",
}
#: What a row's ``status`` means: counts for the cycle (asiel), open on the peildatum (GOO), ...
STATUSLABELS = {
    "telt": "telt mee",
    "voornemen": "voornemen",
    "telt-niet": "telt niet mee",
    "open": "open op de peildatum",
    "in-ontwikkeling": "in ontwikkeling",
    "dicht": "telt niet mee",
    "afgesproken": "afgesproken",
}


@dataclass(frozen=True, slots=True)
class Rij:
    """One location, intention or exchange of a gemeente.

    ``status`` says how it counts (``telt``, ``voornemen``, ``telt-niet`` for asiel; ``open``,
    ``in-ontwikkeling``, ``dicht`` for GOO; ``voornemen`` for an intention without location; the
    agreement's status for an exchange); ``bijdrage`` is what it adds to the realisatie (asiel geldig,
    Oekraïne realisatie) and ``voornemen`` what it adds to the voornemens; ``uitleg`` is the Dutch
    reason; ``reden`` its stable code (asiel only).
    """

    tabel: str
    naam: str
    velden: tuple[tuple[str, Waarde], ...]
    status: str
    uitleg: str = ""
    reden: str = ""
    bijdrage: int = 0
    voornemen: int = 0

    def veld(self, naam: str) -> Waarde:
        return dict(self.velden).get(naam)


@dataclass(frozen=True, slots=True)
class Gemeentestand:
    cbs_code: str
    naam: str
    regio: str  #: regio key
    bestand: str | None  #: None: no workbook delivered
    datum: str | None  #: 'datum invulling' (ISO)
    cijfers: tuple[tuple[str, Waarde], ...]
    rijen: tuple[Rij, ...]
    #: ``geleverd``, or ``geen-gegevens`` (:data:`GEEN_GEGEVENS`): no workbook, the blank template or an
    #: unreadable file; every figure but the opgave figures is then :data:`GEEN_GEGEVENS`
    status: str = "geleverd"

    @property
    def geen_gegevens(self) -> bool:
        return self.status == GEEN_GEGEVENS


@dataclass(frozen=True, slots=True)
class Groepstand:
    """A regio or the province: its key figures (sums of its gemeenten) and how many of its gemeenten
    delivered data (the totals are incomplete when ``met_gegevens < totaal``)."""

    sleutel: str
    naam: str
    cijfers: tuple[tuple[str, Waarde], ...]
    met_gegevens: int = 0
    totaal: int = 0

    @property
    def levering(self) -> tuple[int, int]:
        return (self.met_gegevens, self.totaal)


@dataclass(frozen=True, slots=True)
class Bevindingstand:
    code: str
    ernst: str
    bestand: str
    blad: str
    cel: str
    bericht: str

    @property
    def sleutel(self) -> tuple[str, str, str, str, str]:
        """What identifies a finding across rounds: not the cell, which moves when rows are added."""
        return (self.bestand, self.blad, self.code, self.ernst, self.bericht)


@dataclass(frozen=True, slots=True)
class Stand:
    label: str
    provincie: Groepstand
    regios: tuple[Groepstand, ...]
    gemeenten: tuple[Gemeentestand, ...]
    bevindingen: tuple[Bevindingstand, ...]
    cyclus: str = ""
    instellingen: tuple[tuple[str, str], ...] = ()  #: the cycle and peildata: ``("cyclus.naam", ...)``
    revisie: str | None = None
    overgeslagen: tuple[str, ...] = ()  #: names in a git tree that were not read, with the reason
    #: False for a folder of part of the province (``sjabloon --regio``): ``provincie`` is then no
    #: provincial total (see :func:`regioplan.resultaat.totaalnaam`)
    hele_provincie: bool = True


# ---------------------------------------------------------------------------------------------
# From the computation. Everything that knows the shape of the result is below this line.


def _cijfers(blok: Gemeente | RegioTotaal | ProvincieTotaal) -> tuple[tuple[str, Waarde], ...]:
    geen = isinstance(blok, Gemeente) and blok.geen_gegevens
    uit: list[tuple[str, Waarde]] = []
    for sleutel, _ in CIJFERS:
        opgave, veld = sleutel.split(".")
        if geen and sleutel not in OPGAVECIJFERS:
            uit.append((sleutel, GEEN_GEGEVENS))  # unknown, not 0: the report says "geen gegevens" too
        else:
            uit.append((sleutel, getattr(getattr(blok, opgave), veld)))
    if isinstance(blok, Gemeente):
        uit.append((PROCESFASE[0], GEEN_GEGEVENS if geen else blok.procesfase))
    else:
        for sleutel, _ in FASEN:
            uit.append((sleutel, len(getattr(blok.procesfase, sleutel.split(".")[1]))))
    return tuple(uit)


def _override(override: bool, telt: bool) -> str:
    if not override:
        return "automatisch"
    return "ja" if telt else "nee"


def _asielrij(loc: AsielRij) -> Rij:
    status = "telt" if loc.telt else ("voornemen" if loc.voornemen else "telt-niet")
    velden = (
        ("capaciteit", loc.capaciteit.json()),
        ("doelgroep", loc.doelgroep),
        ("soort", loc.soort),
        ("startdatum", datum_json(loc.startdatum)),
        ("einddatum", datum_json(loc.einddatum)),
        ("beheer", loc.beheer),
        ("besluit", loc.besluit),
        ("telt_mee", _override(loc.override, loc.telt)),
        ("toelichting", loc.toelichting),
        ("vervangt", "; ".join(loc.vervangt)),
        ("ligt_in", loc.ligt_in),
    )
    return Rij(
        "asiel",
        loc.locatie,
        velden,
        status,
        loc.uitleg,
        loc.reden,
        loc.telwaarde if loc.telt else 0,
        loc.telwaarde if loc.voornemen else 0,
    )


def _goo_uitleg(loc: GooRij, peildatum: dt.date) -> str:
    peil = datum(peildatum)
    if loc.override:
        ja = "telt mee" if loc.open else "telt niet mee"
        return f"{ja} door bewuste afwijking: {loc.toelichting or '(geen toelichting)'}"
    if loc.open:
        return f"open op {peil}"
    if loc.in_ontwikkeling:
        return f"opent na {peil} of op een onbekende datum: in ontwikkeling"
    return f"niet open op {peil} (gesloten of zonder besluit)"


def _goorij(loc: GooRij, peildatum: dt.date) -> Rij:
    status = "open" if loc.open else ("in-ontwikkeling" if loc.in_ontwikkeling else "dicht")
    velden = (
        ("capaciteit", loc.capaciteit.json()),
        ("soort", loc.soort),
        ("opening", datum_json(loc.opening)),
        ("sluiting", datum_json(loc.sluiting)),
        ("besluit", loc.besluit),
        ("telt_mee", _override(loc.override, loc.open)),
        ("toelichting", loc.toelichting),
        ("lager_niveau", loc.lager_niveau),
        ("bijzondere_doelgroep", loc.bijzondere_doelgroep),
    )
    return Rij(
        "oekraine",
        loc.locatie,
        velden,
        status,
        _goo_uitleg(loc, peildatum),
        "",
        loc.telwaarde if loc.open else 0,
    )


def _voornemenrij(v: VoornemenRij) -> Rij:
    velden = (
        ("capaciteit", v.capaciteit.json()),
        ("doelgroep", v.doelgroep),
        ("startdatum", datum_json(v.startdatum)),
        ("einddatum", datum_json(v.einddatum)),
        ("besluit", v.besluit),
        ("toelichting", v.toelichting),
    )
    return Rij(
        "voornemen",
        v.omschrijving,
        velden,
        "voornemen",
        "voornemen zonder concrete locatie",
        "",
        0,
        v.telwaarde,
    )


def _effect(loc: AsielRij | GooRij, naam: Callable[[str], str]) -> tuple[str, str, str, int, str, str]:
    """What identifies the exchange a row of :mod:`regioplan.uitruil` comes from."""
    if isinstance(loc, AsielRij):
        opgave, start, eind = "asiel", loc.startdatum, loc.einddatum
    else:
        opgave, start, eind = "oekraine", loc.opening, loc.sluiting
    plekken = abs(loc.telwaarde)
    partner = naam(loc.uitruil_partner)
    return (partner, opgave, loc.uitruil_richting, plekken, str(datum_json(start)), str(datum_json(eind)))


def _telt(loc: AsielRij | GooRij) -> tuple[int, int]:
    """(what the row adds to the realisatie, what it adds to the voornemens)."""
    if isinstance(loc, AsielRij):
        return (loc.telwaarde if loc.telt else 0, loc.telwaarde if loc.voornemen else 0)
    return (loc.telwaarde if loc.open else 0, 0)


def _uitruilrijen(g: Gemeente, afspraken: tuple[AfspraakRij, ...], naam: Callable[[str], str]) -> list[Rij]:
    """One row per exchange the gemeente is party to: partner, direction, places, period, status, and
    what it moves in the gemeente's figures (``bijdrage``, ``voornemen``).

    An exchange is no location: the rows :mod:`regioplan.uitruil` adds to the location lists
    (``alleen_uitruil``) are not compared as locations; their count goes to the exchange they come
    from, so every total stays the same. A row no exchange claims becomes an exchange row of its own.
    """
    effecten: list[AsielRij | GooRij] = [loc for loc in g.asiel.locaties if loc.alleen_uitruil]
    effecten += [loc for loc in g.oekraine.locaties if loc.alleen_uitruil]
    eigen = [a for a in afspraken if g.naam in (a.leverancier, a.ontvanger)]
    kant: list[tuple[AfspraakRij, str, str]] = []
    for a in eigen:
        levert = a.leverancier == g.naam and (a.ontvanger != g.naam or a.levert is not None)
        kant.append((a, "levert" if levert else "ontvangt", a.ontvanger if levert else a.leverancier))
    sleutels = [
        (partner, a.opgave, richting, a.plekken, str(datum_json(a.startdatum)), str(datum_json(a.einddatum)))
        for a, richting, partner in kant
    ]
    toegewezen: list[list[AsielRij | GooRij]] = [[] for _ in kant]
    over = list(effecten)
    for lengte in (6, 4, 3):  # the exchange itself; then its places; then partner and direction
        for loc in list(over):
            s = _effect(loc, naam)[:lengte]
            i = next(
                (
                    i
                    for i, k in enumerate(sleutels)
                    if k[:lengte] == s and eigen[i].verwerkt and not toegewezen[i]
                ),
                None,
            )
            if i is None and lengte == 3:
                i = next((i for i, k in enumerate(sleutels) if k[:3] == s), None)
            if i is not None:
                toegewezen[i].append(loc)
                over.remove(loc)
    rijen = []
    for (a, richting, partner), locs in zip(kant, toegewezen, strict=True):
        own = a.levert if richting == "levert" else (a.ontvangt or a.locatie)
        velden = (
            ("partner", partner),
            ("opgave", a.opgave),
            ("richting", richting),
            ("plekken", a.plekken),
            ("startdatum", datum_json(a.startdatum)),
            ("einddatum", datum_json(a.einddatum)),
            ("status", a.status),
            ("verwerkt", a.verwerkt),
            ("toelichting", own.toelichting if own else ""),
        )
        rijen.append(
            Rij(
                "uitruil",
                f"{partner or '(geen partner)'} ({a.opgave}, {richting})",
                velden,
                a.status,
                a.uitleg,
                a.reden,
                sum(_telt(x)[0] for x in locs),
                sum(_telt(x)[1] for x in locs),
            )
        )
    for loc in over:  # not expected: an exchange row no agreement claims keeps its count here
        partner, opgave, richting, plekken, start, eind = _effect(loc, naam)
        los: tuple[tuple[str, Waarde], ...] = (
            ("partner", partner),
            ("opgave", opgave),
            ("richting", richting),
            ("plekken", plekken),
            ("startdatum", start),
            ("einddatum", eind),
        )
        bijdrage, voornemen = _telt(loc)
        rijen.append(
            Rij("uitruil", f"{partner} ({opgave}, {richting})", los, "", "", "", bijdrage, voornemen)
        )
    return rijen


def stand_van(
    resultaat: Resultaat,
    bevindingen: list[Bevinding],
    label: str,
    revisie: str | None = None,
    overgeslagen: tuple[str, ...] = (),
) -> Stand:
    """The :class:`Stand` of a computed round (``bevindingen``: every finding of the reading)."""
    peil_goo = resultaat.peildata.oekraine
    gemeenten = []
    for g in resultaat.gemeenten:
        # an exchange is no location (regioplan.uitruil): its rows are compared as exchanges
        rijen = [_asielrij(loc) for loc in g.asiel.locaties if not loc.alleen_uitruil]
        rijen += [_voornemenrij(v) for v in g.asiel.voornemens_lijst if not v.met_locatie]
        rijen += [_goorij(loc, peil_goo) for loc in g.oekraine.locaties if not loc.alleen_uitruil]
        rijen += _uitruilrijen(g, resultaat.afspraken, resultaat.config.naam)
        gemeenten.append(
            Gemeentestand(
                g.cbs_code,
                g.naam,
                g.regio_sleutel,
                g.bestand,
                g.datum.isoformat() if g.datum else None,
                _cijfers(g),
                tuple(rijen),
                g.status,
            )
        )
    regios = tuple(
        Groepstand(sleutel, r.naam, _cijfers(r), r.levering.met_gegevens, r.levering.totaal)
        for sleutel, r in resultaat.regios.items()
    )
    p = resultaat.provincie
    provincie = Groepstand(p.sleutel, p.naam, _cijfers(p), p.levering.met_gegevens, p.levering.totaal)
    bev = tuple(
        sorted(
            (Bevindingstand(b.code, b.ernst, b.bestand, b.blad, b.cel, b.bericht) for b in bevindingen),
            key=lambda b: (*b.sleutel, b.cel),
        )
    )
    instellingen = tuple(
        (f"{naam}.{f.name}", str(naar_json(getattr(blok, f.name))))
        for naam, blok in (("cyclus", resultaat.cyclus), ("peildatum", resultaat.peildata))
        for f in fields(blok)
    )
    return Stand(
        label,
        provincie,
        regios,
        tuple(gemeenten),
        bev,
        resultaat.cyclus.naam,
        instellingen,
        revisie,
        overgeslagen,
        p.hele_provincie,
    )
