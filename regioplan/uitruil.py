"""Uitruil (exchange): which gemeente counts which places, so that every physical place counts once.

The rules, in one place (documented for gemeenten in ``docs/uitvraag.md``, section *Uitruil*):

- The gemeente where a location **lies** lists it on its Asiel or Oekraïne sheet with its full capacity.
- An exchange is recorded by **both** gemeenten on their Uitruil sheet: the one where the places lie
  writes ``levert``, the one they count for writes ``ontvangt`` (partner, opgave, plekken, period, status).
- Equivalent for the receiving side: an Asiel row for the received places with *Ligt in gemeente* = the
  supplier, instead of or beside its Uitruil row (beside it, both must name the same number of places).
- Places that lie outside the configured gemeenten (Kampen–Dronten) are listed by the receiving
  gemeente as an Asiel row with *Ligt in gemeente*; they count for it and are shown as "buiten de
  provincie". The same holds when the supplier is configured but delivered no workbook.

An *agreed* exchange whose two sides agree moves its places from the supplier to the receiver: the
receiver gets a row with ``+plekken`` and the supplier a mirror row with ``-plekken`` (same dates, same
decision), so every figure that applies a rule to a row (the cycle rule, voornemens, in use, the
timeline, Oekraïne open on the peildatum) moves exactly the same places on both sides and every sum
over both gemeenten is unchanged. A *voornemen* exchange, a one-sided record (the partner delivered and
does not mention it), contradicting records and an exchange larger than what the supplier lists move
nothing; the last three are findings. A Uitruil row whose partner is not a gemeente (not one of the
342 gemeenten of 2024 nor a configured name or alias: a typo such as ``Wijchn``), is the gemeente itself, or
is empty moves nothing either: it is not paired with anything (finding ``uitruil-partner-onbekend`` or
``uitruil-partner-zelf``; an empty partner is already ``veld-verplicht`` when the workbook is read). Only
a *real* gemeente outside the configuration is "buiten de provincie".

Pure functions over the read model; the result is frozen data (:class:`Uitruilbeeld`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

from . import opmaak
from .model import AsielLocatie, GooLocatie, Herkomst, Uitruil, Uitvraag
from .namen import naamvolgorde
from .opmaak import datum
from .waarden import Capaciteit, Datum, normaliseer

AFGESPROKEN = "afgesproken"
VOORNEMEN = "voornemen"

# Why an exchange does (not) move places: stable codes (JSON) with a Dutch text.
VERWERKT = "verwerkt"
VERWERKT_BUITEN = "buiten-provincie"
VERWERKT_ZONDER_PARTNER = "partner-geen-gegevens"
NIET_VOORNEMEN = "voornemen"
NIET_EENZIJDIG = "eenzijdig"
NIET_TEGENSTRIJDIG = "tegenstrijdig"
NIET_TE_GROOT = "groter-dan-locatie"
NIET_ZONDER_LOCATIE = "zonder-locatie"
NIET_PARTNER_ONBEKEND = "partner-onbekend"
NIET_PARTNER_ZELF = "partner-zelf"
NIET_PARTNER_LEEG = "partner-leeg"

REDENEN = {
    VERWERKT: "afgesproken en door beide gemeenten gelijk vastgelegd",
    VERWERKT_BUITEN: "{buiten} ligt buiten de provincie: de uitruil is aanvaard op het werkboek van {vastlegger}",  # noqa: E501
    VERWERKT_ZONDER_PARTNER: (
        "{partner} leverde geen gegevens: de uitruil is aanvaard op het werkboek van {vastlegger}"
    ),
    NIET_VOORNEMEN: "voornemen: verschuift (nog) geen plekken",
    NIET_EENZIJDIG: "alleen {vastlegger} legt de uitruil vast, {partner} niet: verschuift geen plekken",
    NIET_TEGENSTRIJDIG: "de twee gemeenten leggen de uitruil verschillend vast ({verschil}): verschuift geen plekken",  # noqa: E501
    NIET_TE_GROOT: "{leverancier} noemt maar {beschikbaar} eigen plekken {opgave}: verschuift geen plekken",
    NIET_ZONDER_LOCATIE: (
        "de plekken staan in geen enkel werkboek (zet ze op het blad Asiel met 'Ligt in gemeente'): "
        "verschuift geen plekken"
    ),
    NIET_PARTNER_ONBEKEND: "'{partner}' is geen bekende gemeente: verschuift geen plekken",
    NIET_PARTNER_ZELF: "{vastlegger} noemt zichzelf als partnergemeente: verschuift geen plekken",
    NIET_PARTNER_LEEG: "de partnergemeente is niet ingevuld: verschuift geen plekken",
}


@dataclass(frozen=True)
class Vastlegging:
    """One record of an exchange in one workbook: a Uitruil row, or an Asiel row with *Ligt in gemeente*."""

    gemeente: str  #: CBS code of the workbook that records it
    partner: str  #: the partner as written
    partner_code: str | None  #: its CBS code, None when unknown
    opgave: str  #: asiel | oekraine
    plekken: int
    leverancier: str  #: CBS code (or the written name when unknown) of where the places lie
    ontvanger: str  #: CBS code (or written name) of the gemeente they count for
    startdatum: Datum | None
    einddatum: Datum | None
    status: str
    herkomst: Herkomst
    bron: str = "uitruil"  #: uitruil (Uitruil sheet) | locatie (Asiel row with Ligt in gemeente)
    locatie: AsielLocatie | None = None  #: the Asiel row, when ``bron == "locatie"``
    toelichting: str = ""  #: the gemeente's own words (Toelichting of the Uitruil row)

    @property
    def periode(self) -> tuple[str, str]:
        return (_datumsleutel(self.startdatum), _datumsleutel(self.einddatum))


@dataclass(frozen=True)
class Afspraak:
    """One exchange with the record of each side (``None``: that side records nothing)."""

    leverancier: str  #: CBS code, or the name of a gemeente outside the configuration
    ontvanger: str
    opgave: str
    plekken: int
    startdatum: Datum | None
    einddatum: Datum | None
    status: str
    levert: Vastlegging | None  #: the supplier's Uitruil row
    ontvangt: Vastlegging | None  #: the receiver's Uitruil row
    locatie: Vastlegging | None  #: the receiver's Asiel row with Ligt in gemeente
    verwerkt: bool  #: does it move places in the figures?
    reden: str  #: one of the codes in :data:`REDENEN`
    buiten: bool = False  #: one side lies outside the configured gemeenten
    spiegel: bool = True  #: the places are in the supplier's own list, which gets a mirror row
    verschil: str = ""  #: for contradictions: what differs, in Dutch
    beschikbaar: int = 0  #: for too large: what the supplier lists of its own

    @property
    def vastleggingen(self) -> tuple[Vastlegging, ...]:
        return tuple(v for v in (self.levert, self.ontvangt, self.locatie) if v is not None)

    def uitleg(self, naam: Callable[[str], str] = str) -> str:
        """Dutch one-line explanation of what this exchange moves and why."""
        vastlegger = self.vastleggingen[0].gemeente if self.vastleggingen else ""
        partner = self.ontvanger if vastlegger == self.leverancier else self.leverancier
        return REDENEN[self.reden].format(
            leverancier=naam(self.leverancier),
            ontvanger=naam(self.ontvanger),
            vastlegger=naam(vastlegger),
            partner=naam(partner),
            buiten=naam(partner),
            verschil=self.verschil,
            beschikbaar=self.beschikbaar,
            opgave=opmaak.opgave(self.opgave),
        )


@dataclass(frozen=True)
class Uitruilbevinding:
    """A finding about an exchange at one record: code, gemeente, file/sheet/row, column key, parameters."""

    code: str
    gemeente: str
    herkomst: Herkomst
    sleutel: str  #: column key of the cell; row 0: the sheet as a whole
    params: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class Uitruilbeeld:
    """All exchanges of a folder, what each moves, the findings, and locations listed twice."""

    afspraken: tuple[Afspraak, ...]
    bevindingen: tuple[Uitruilbevinding, ...]
    #: (gemeente, file, row) of Asiel rows with *Ligt in gemeente*: records of an exchange, not places
    opgenomen: frozenset[tuple[str, str, int]]
    #: (gemeente, file, row) of Asiel rows repeating a location another gemeente lists -> who counts it
    dubbel: Mapping[tuple[str, str, int], str]
    #: CBS code -> name of every gemeente in an exchange, for the name of the rows an exchange adds
    namen: Mapping[str, str] = field(default_factory=dict)

    def aangepast(self, code: str, uitvraag: Uitvraag | None) -> Uitvraag | None:
        """The gemeente's submission as the figures see it: exchange rows in, record and double rows out."""
        asiel_extra, goo_extra = _effectrijen(self.afspraken, code, self.namen)
        if uitvraag is None:
            if not asiel_extra and not goo_extra:
                return None
            uitvraag = Uitvraag(naam=code, cbs_code=code)
        weg = self.opgenomen | set(self.dubbel)
        # the receiver's Asiel record of an exchange becomes the exchange row, in its own place
        op_plaats = {e.herkomst: e for e in asiel_extra if e.uitruil_richting == "ontvangt"}
        asiel: list[AsielLocatie] = []
        for loc in uitvraag.asiel:
            sleutel = _rijsleutel_loc(code, loc)
            if sleutel not in weg:
                asiel.append(loc)
            elif loc.herkomst in op_plaats:
                asiel.append(op_plaats.pop(loc.herkomst))
        rest = [e for e in asiel_extra if e.uitruil_richting != "ontvangt" or e in op_plaats.values()]
        return replace(uitvraag, asiel=[*asiel, *rest], oekraine=[*uitvraag.oekraine, *goo_extra])

    def voor(self, code: str) -> tuple[Afspraak, ...]:
        """The exchanges a gemeente is party to."""
        return tuple(a for a in self.afspraken if code in (a.leverancier, a.ontvanger))


def _rijsleutel_loc(code: str, loc: AsielLocatie) -> tuple[str, str, int]:
    return (code, loc.herkomst.bestand, loc.herkomst.rij)


def _datumsleutel(d: Datum | None) -> str:
    if isinstance(d, dt.date):
        return d.isoformat()
    return d or "onbekend"


# --- the rows an exchange adds to the figures ------------------------------------------------------


def _effectrijen(
    afspraken: Iterable[Afspraak], code: str, namen: Mapping[str, str]
) -> tuple[list[AsielLocatie], list[GooLocatie]]:
    """The rows an exchange adds to the gemeente ``code``: +places for the receiver, -places for the
    supplier, named ``Uitruil met <partner>`` where no Asiel row of the gemeente describes them."""
    asiel: list[AsielLocatie] = []
    goo: list[GooLocatie] = []
    for a in afspraken:
        if not a.verwerkt or code not in (a.leverancier, a.ontvanger):
            continue
        ontvangt = code == a.ontvanger
        if not ontvangt and not a.spiegel:
            continue
        partner = a.leverancier if ontvangt else a.ontvanger
        richting = "ontvangt" if ontvangt else "levert"
        if ontvangt and not a.spiegel:
            # the places are in no other workbook: the receiver's Asiel row is the place itself
            assert a.locatie is not None and a.locatie.locatie is not None
            asiel.append(
                replace(
                    a.locatie.locatie,
                    uitruil_partner=partner,
                    uitruil_richting=richting,
                    buiten_provincie=a.buiten,
                    uitruil_plek=True,
                )
            )
        elif a.opgave == "asiel":
            asiel.append(_asielrij(a, 1 if ontvangt else -1, partner, richting, namen.get(partner, partner)))
        else:
            goo.append(_goorij(a, 1 if ontvangt else -1, partner, richting, namen.get(partner, partner)))
    return asiel, goo


def _asielrij(a: Afspraak, teken: int, partner: str, richting: str, partnernaam: str) -> AsielLocatie:
    n = teken * a.plekken
    eigen = a.levert if teken < 0 else (a.locatie or a.ontvangt)
    herkomst = eigen.herkomst if eigen else Herkomst()
    if a.locatie is not None and a.locatie.locatie is not None:
        sjabloon = a.locatie.locatie  # the receiver's row describes the places: mirror it exactly
        return replace(
            sjabloon,
            locatie=sjabloon.locatie,
            capaciteit=Capaciteit(n, n),
            vervangt=(),
            ligt_in=sjabloon.ligt_in if teken > 0 else "",
            herkomst=herkomst,
            uitruil_partner=partner,
            uitruil_richting=richting,
        )
    return AsielLocatie(
        locatie=f"Uitruil met {partnernaam}",
        capaciteit=Capaciteit(n, n),
        doelgroep="asiel",
        soort="overig",
        startdatum=a.startdatum,
        einddatum=a.einddatum,
        besluit=True,
        herkomst=herkomst,
        uitruil_partner=partner,
        uitruil_richting=richting,
    )


def _goorij(a: Afspraak, teken: int, partner: str, richting: str, partnernaam: str) -> GooLocatie:
    n = teken * a.plekken
    eigen = a.levert if teken < 0 else a.ontvangt
    return GooLocatie(
        locatie=f"Uitruil met {partnernaam}",
        capaciteit=Capaciteit(n, n),
        soort="overig",
        opening=a.startdatum,
        sluiting=a.einddatum,
        besluit=True,
        herkomst=eigen.herkomst if eigen else Herkomst(),
        uitruil_partner=partner,
        uitruil_richting=richting,
    )


# --- reading the records and pairing the two sides -------------------------------------------------


def vastleggingen(
    uitvragen: Mapping[str, Uitvraag], zoek_code: Callable[[str], str | None]
) -> list[Vastlegging]:
    """Every record of an exchange in every workbook, with supplier and receiver resolved."""
    uit: list[Vastlegging] = []
    for code, u in sorted(uitvragen.items()):
        for r in u.uitruil:
            uit.append(_van_uitruil(code, r, zoek_code))
        for loc in u.asiel:
            if not loc.ligt_in.strip():
                continue
            partner = zoek_code(loc.ligt_in)
            if partner == code:
                continue  # lies in the gemeente itself: an ordinary location
            uit.append(
                Vastlegging(
                    gemeente=code,
                    partner=loc.ligt_in,
                    partner_code=partner,
                    opgave="asiel",
                    plekken=loc.capaciteit.telwaarde,
                    leverancier=partner or loc.ligt_in,
                    ontvanger=code,
                    startdatum=loc.startdatum,
                    einddatum=loc.einddatum,
                    status=AFGESPROKEN,
                    herkomst=loc.herkomst,
                    bron="locatie",
                    locatie=loc,
                )
            )
    return uit


def _van_uitruil(code: str, r: Uitruil, zoek_code: Callable[[str], str | None]) -> Vastlegging:
    partner = zoek_code(r.partner) if r.partner.strip() else None
    ander = partner or r.partner
    ontvangt = r.richting == "ontvangt"
    return Vastlegging(
        gemeente=code,
        partner=r.partner,
        partner_code=partner,
        opgave=r.opgave,
        plekken=r.plekken,
        leverancier=ander if ontvangt else code,
        ontvanger=code if ontvangt else ander,
        startdatum=r.startdatum,
        einddatum=r.einddatum,
        status=r.status,
        herkomst=r.herkomst,
        toelichting=r.toelichting,
    )


def _koppel(
    links: Sequence[Any], rechts: Sequence[Any], *sleutels: Callable[[Any], object]
) -> list[tuple[Any, Any]]:
    """Pair two lists: equal on the first key, then on the next ...; leftovers stay alone."""
    over = list(rechts)
    paren: list[tuple[Any, Any]] = []
    rest = list(links)
    for sleutel in sleutels:
        nog = []
        for v in rest:
            gelijk = next((w for w in over if sleutel(w) == sleutel(v)), None)
            if gelijk is None:
                nog.append(v)
            else:
                over.remove(gelijk)
                paren.append((v, gelijk))
        rest = nog
    paren.extend((v, None) for v in rest)
    paren.extend((None, w) for w in over)
    return paren


def _zijde(x: Vastlegging | tuple[Any, Any]) -> Vastlegging:
    """A supplier's record, or the record that speaks for a receiver's (Uitruil row, Asiel row) pair."""
    return x if isinstance(x, Vastlegging) else cast(Vastlegging, x[1] or x[0])


def _volledig(x: Vastlegging | tuple[Any, Any]) -> tuple[int, object, str]:
    v = _zijde(x)
    return (v.plekken, v.periode, v.status)


def _plekken(x: Vastlegging | tuple[Any, Any]) -> int:
    return _zijde(x).plekken


def _altijd(_x: object) -> bool:
    """The last pairing key: whatever is left on both sides is one exchange, recorded differently."""
    return True


def beeld(
    uitvragen: Mapping[str, Uitvraag],
    gemeenten: Iterable[str],
    zoek_code: Callable[[str], str | None],
    naam: Callable[[str], str] = str,
) -> Uitruilbeeld:
    """Pair the records of both sides into exchanges and decide what each moves.

    ``uitvragen``: CBS code -> submission (only gemeenten that delivered); ``gemeenten``: the configured
    CBS codes, in the order that decides who counts a location listed twice; ``zoek_code``: name or code
    -> CBS code; ``naam``: CBS code -> name for the texts. The result does not depend on the order of
    ``uitvragen`` or of the rows within a sheet.
    """
    volgorde = list(gemeenten)
    binnen = set(volgorde)
    groepen: dict[tuple[str, str, str], list[Vastlegging]] = defaultdict(list)
    afspraken: list[Afspraak] = []
    bevindingen: list[Uitruilbevinding] = []
    #: (gemeente, opgave, plekken) of Uitruil rows whose partner is no gemeente: maybe the other side
    verkeerd: set[tuple[str, str, int]] = set()
    for v in vastleggingen(uitvragen, zoek_code):
        reden = partnerfout(v)
        if reden:
            afspraken.append(_zonder_partner(v, reden))
            bevindingen.extend(_partnerbevinding(v, reden, naam))
            verkeerd.add((v.gemeente, v.opgave, v.plekken))
        else:
            groepen[(v.leverancier, v.ontvanger, v.opgave)].append(v)
    opgenomen: set[tuple[str, str, int]] = set()
    for (lev, ontv, opgave), lijst in sorted(groepen.items()):
        levert = sorted((v for v in lijst if v.gemeente == lev), key=_inhoud)
        rijen = sorted((v for v in lijst if v.gemeente == ontv and v.bron == "uitruil"), key=_inhoud)
        locaties = sorted((v for v in lijst if v.gemeente == ontv and v.bron == "locatie"), key=_inhoud)
        opgenomen.update((ontv, v.herkomst.bestand, v.herkomst.rij) for v in locaties)
        ontvanger = _koppel(rijen, locaties, _plekken)  # the receiver's two equivalent records
        for lev_v, paar in _koppel(levert, ontvanger, _volledig, _plekken, _altijd):
            rij, loc = paar if paar is not None else (None, None)
            a = _besluit(lev, ontv, opgave, lev_v, rij, loc, binnen, uitvragen, naam)
            afspraken.append(a)
            bevindingen.extend(_bevindingen(a, uitvragen, naam, verkeerd))
    dubbel, dubbel_bev = _dubbele_locaties(uitvragen, volgorde, naam)
    afspraken.sort(
        key=lambda a: (
            naamvolgorde(naam(a.leverancier)),
            naamvolgorde(naam(a.ontvanger)),
            a.opgave,
            a.plekken,
            a.reden,
        )
    )
    alle = sorted(
        [*bevindingen, *dubbel_bev],
        key=lambda b: (b.gemeente, b.herkomst.bestand, b.herkomst.rij, b.code, str(b.params)),
    )
    namen = {c: naam(c) for a in afspraken for c in (a.leverancier, a.ontvanger)}
    return Uitruilbeeld(tuple(afspraken), tuple(alle), frozenset(opgenomen), dubbel, namen)


def partnerfout(v: Vastlegging) -> str:
    """Why a Uitruil row names no partner it can be paired with (a code of :data:`REDENEN`), or "".

    Only rows of the Uitruil sheet: an Asiel row with an unknown *Ligt in gemeente* is a place of the
    gemeente itself (finding ``ligt-in-onbekend``) and stays one."""
    if v.bron != "uitruil":
        return ""
    if not v.partner.strip():
        return NIET_PARTNER_LEEG
    if v.partner_code is None:
        return NIET_PARTNER_ONBEKEND
    if v.partner_code == v.gemeente:
        return NIET_PARTNER_ZELF
    return ""


def _zonder_partner(v: Vastlegging, reden: str) -> Afspraak:
    """The exchange of a Uitruil row without a valid partner: on its own, it moves nothing."""
    levert = v.leverancier == v.gemeente and v.ontvanger != v.gemeente
    return Afspraak(
        leverancier=v.leverancier,
        ontvanger=v.ontvanger,
        opgave=v.opgave,
        plekken=v.plekken,
        startdatum=v.startdatum,
        einddatum=v.einddatum,
        status=v.status,
        levert=v if levert else None,
        ontvangt=None if levert else v,
        locatie=None,
        verwerkt=False,
        reden=reden,
        spiegel=False,
    )


def _partnerbevinding(v: Vastlegging, reden: str, naam: Callable[[str], str]) -> list[Uitruilbevinding]:
    """``uitruil-partner-onbekend`` / ``-zelf`` at the partner cell (none for an empty partner: the reader
    already reports ``veld-verplicht`` there)."""
    params: dict[str, object] = {
        "naam": v.partner.strip(),
        "plekken": v.plekken,
        "opgave": opmaak.opgave(v.opgave),
    }
    if reden == NIET_PARTNER_ONBEKEND:
        code = "uitruil-partner-onbekend"
    elif reden == NIET_PARTNER_ZELF:
        code = "uitruil-partner-zelf"
        params["zelf"] = naam(v.gemeente)
    else:
        return []
    return [Uitruilbevinding(code, v.gemeente, v.herkomst, "partner", tuple(sorted(params.items())))]


def _inhoud(v: Vastlegging) -> tuple[Any, ...]:
    """Sort records by what they say, so that pairing does not depend on the row order."""
    return (v.plekken, v.periode, v.status, v.bron, v.herkomst.rij)


def _verschil(a: Vastlegging, b: Vastlegging, naam: Callable[[str], str]) -> str:
    delen = []
    for wat, x, y in (
        ("plekken", a.plekken, b.plekken),
        ("startdatum", datum(a.startdatum, leeg="onbekend"), datum(b.startdatum, leeg="onbekend")),
        ("einddatum", datum(a.einddatum, leeg="onbekend"), datum(b.einddatum, leeg="onbekend")),
        ("status", a.status, b.status),
    ):
        if x != y:
            delen.append(f"{wat} {x} bij {naam(a.gemeente)}, {y} bij {naam(b.gemeente)}")
    return "; ".join(delen)


def _besluit(
    lev: str,
    ontv: str,
    opgave: str,
    lev_v: Vastlegging | None,
    rij: Vastlegging | None,
    loc: Vastlegging | None,
    binnen: set[str],
    uitvragen: Mapping[str, Uitvraag],
    naam: Callable[[str], str],
) -> Afspraak:
    """What one exchange moves, and why (see the module docstring for the rules)."""
    ontv_v = loc or rij
    bepalend = lev_v or ontv_v  # the supplier's record decides places and period; else the receiver's
    assert bepalend is not None
    status = (lev_v or rij or bepalend).status
    in_data = lev in binnen and lev in uitvragen  # are the places in the supplier's own list?

    def afspraak(verwerkt: bool, reden: str, verschil: str = "", beschikbaar: int = 0) -> Afspraak:
        return Afspraak(
            leverancier=lev,
            ontvanger=ontv,
            opgave=opgave,
            plekken=bepalend.plekken,
            startdatum=bepalend.startdatum,
            einddatum=bepalend.einddatum,
            status=status,
            levert=lev_v,
            ontvangt=rij,
            locatie=loc,
            verwerkt=verwerkt,
            reden=reden,
            buiten=lev not in binnen or ontv not in binnen,
            spiegel=in_data,
            verschil=verschil,
            beschikbaar=beschikbaar,
        )

    if lev_v is not None and ontv_v is not None:
        verschil = _verschil(lev_v, rij or ontv_v, naam)
        if verschil:
            return afspraak(False, NIET_TEGENSTRIJDIG, verschil=verschil)
    if status == VOORNEMEN or any(v.status == VOORNEMEN for v in (rij, loc) if v is not None):
        return afspraak(False, NIET_VOORNEMEN)
    if lev_v is None or ontv_v is None:
        partner = ontv if lev_v is not None else lev
        if partner in binnen and partner in uitvragen:
            return afspraak(False, NIET_EENZIJDIG)
    if not in_data:
        # the places are in no workbook of the province: only the receiver's Asiel row holds them
        if loc is None:
            return afspraak(False, NIET_ZONDER_LOCATIE)
        return afspraak(True, VERWERKT_BUITEN if lev not in binnen else VERWERKT_ZONDER_PARTNER)
    beschikbaar = _beschikbaar(uitvragen[lev], opgave)
    if beschikbaar < bepalend.plekken:
        return afspraak(False, NIET_TE_GROOT, beschikbaar=beschikbaar)
    if ontv not in binnen:
        return afspraak(True, VERWERKT_BUITEN)
    if ontv_v is None:
        return afspraak(True, VERWERKT_ZONDER_PARTNER)
    return afspraak(True, VERWERKT)


def _beschikbaar(u: Uitvraag, opgave: str) -> int:
    """What the supplier lists of its own places (not received ones) for the opgave; upper bounds of
    ranges."""
    if opgave == "asiel":
        return sum((loc.capaciteit.hoog or 0) for loc in u.asiel if not loc.ligt_in.strip())
    return sum((goo.capaciteit.hoog or 0) for goo in u.oekraine)


# --- findings --------------------------------------------------------------------------------------


def _bevindingen(
    a: Afspraak,
    uitvragen: Mapping[str, Uitvraag],
    naam: Callable[[str], str],
    verkeerd: set[tuple[str, str, int]],
) -> list[Uitruilbevinding]:
    """The findings of one exchange. ``verkeerd``: (gemeente, opgave, plekken) of rows whose partner is
    no gemeente; a one-sided exchange whose partner has such a row of the same size gets no
    ``uitruil-ontbreekt-bij-partner`` there ("dit werkboek noemt hem niet" would be wrong: it names it,
    misspelt, and ``uitruil-partner-onbekend`` at that row says so)."""
    uit: list[Uitruilbevinding] = []
    algemeen = {
        "leverancier": naam(a.leverancier),
        "ontvanger": naam(a.ontvanger),
        "opgave": opmaak.opgave(a.opgave),
        "plekken": a.plekken,
    }

    def bij(v: Vastlegging, code: str, sleutel: str, **extra: object) -> None:
        params = {**algemeen, "partner": naam(v.partner_code or v.partner), **extra}
        uit.append(Uitruilbevinding(code, v.gemeente, v.herkomst, sleutel, tuple(sorted(params.items()))))

    def kolom(v: Vastlegging, uitruil: str, locatie: str) -> str:
        return uitruil if v.bron == "uitruil" else locatie

    if a.reden == NIET_TEGENSTRIJDIG:
        for v in a.vastleggingen:
            bij(v, "uitruil-tegenstrijdig", kolom(v, "plekken", "capaciteit"), verschil=a.verschil)
    elif a.reden == NIET_EENZIJDIG:
        v = a.vastleggingen[0]
        for w in a.vastleggingen:
            bij(w, "uitruil-eenzijdig", kolom(w, "partner", "ligt_in"))
        partner = a.ontvanger if v.gemeente == a.leverancier else a.leverancier
        if (partner, a.opgave, a.plekken) in verkeerd:
            return uit
        u = uitvragen[partner]
        params = {
            **algemeen,
            "partner": naam(v.gemeente),
            "richting": "ontvangt" if partner == a.ontvanger else "levert",
        }
        uit.append(
            Uitruilbevinding(
                "uitruil-ontbreekt-bij-partner",
                partner,
                Herkomst(u.bestand, "Uitruil", 0),
                "partner",
                tuple(sorted(params.items())),
            )
        )
    elif a.reden == NIET_TE_GROOT:
        for v in a.vastleggingen:
            bij(v, "uitruil-groter-dan-locatie", kolom(v, "plekken", "capaciteit"), beschikbaar=a.beschikbaar)
    return uit


def _dubbele_locaties(
    uitvragen: Mapping[str, Uitvraag], volgorde: list[str], naam: Callable[[str], str]
) -> tuple[dict[tuple[str, str, int], str], list[Uitruilbevinding]]:
    """A location (same name, doelgroep and capacity, no *Ligt in gemeente*) listed by two or more gemeenten.

    It counts once: for the first of them in the configured order; the others' rows count nothing.
    Each row gets a finding ``locatie-dubbel-gemeenten``: the documented way is that only the
    gemeente where it lies lists it, and the other records the exchange.
    """
    positie = {c: i for i, c in enumerate(volgorde)}
    waar: dict[tuple[str, str, int], list[tuple[str, AsielLocatie]]] = defaultdict(list)
    for code, u in uitvragen.items():
        if code not in positie:
            continue
        for loc in u.asiel:
            if loc.ligt_in.strip() or normaliseer(loc.locatie) in ("", "nntb", "onbekend"):
                continue
            waar[(normaliseer(loc.locatie), loc.doelgroep, loc.capaciteit.laag or 0)].append((code, loc))
    dubbel: dict[tuple[str, str, int], str] = {}
    bevindingen: list[Uitruilbevinding] = []
    for _sleutel, lijst in sorted(waar.items()):
        codes = sorted({c for c, _ in lijst}, key=positie.__getitem__)
        if len(codes) < 2:
            continue
        houder = codes[0]
        for code, loc in sorted(lijst, key=lambda x: (positie[x[0]], x[1].herkomst.rij)):
            if code != houder:
                dubbel[_rijsleutel_loc(code, loc)] = houder
            params = (
                ("andere", ", ".join(naam(c) for c in codes if c != code)),
                ("houder", naam(houder)),
                ("locatie", loc.locatie),
            )
            bevindingen.append(
                Uitruilbevinding("locatie-dubbel-gemeenten", code, loc.herkomst, "locatie", params)
            )
    return dubbel, bevindingen
