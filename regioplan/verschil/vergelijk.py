"""What changed between two rounds: a pure function over two :class:`~.stand.Stand` objects.

- every key figure that changed, per gemeente, regio and the province, old -> new and the difference;
- per gemeente every location, intention and exchange that was added, removed, renamed or changed
  (which fields, old -> new), with how it counted before and after, so the *reason* a figure moved
  is in the same place as the figure (:attr:`Rijverschil.omslag`: it went into or out of the count);
- gemeenten that delivered a workbook for the first time or no longer delivered one;
- findings that appeared or were resolved.

``vergelijk(a, a)`` is empty and ``vergelijk(b, a) == spiegel(vergelijk(a, b))``: every ordering is
on content, never on which round came first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..namen import naamvolgorde
from ..resultaat import totaalnaam_van
from .koppeling import koppel
from .stand import (
    GEEN_GEGEVENS,
    LABELS,
    TABELLEN,
    Bevindingstand,
    Gemeentestand,
    Groepstand,
    Rij,
    Stand,
    Waarde,
)

#: Statuses that count: an asiel location for the cycle, a GOO location on the peildatum.
TELLEND = frozenset({"telt", "open"})


def _getal(w: Waarde) -> bool:
    return isinstance(w, int) and not isinstance(w, bool)


@dataclass(frozen=True, slots=True)
class Cijferverschil:
    sleutel: str
    oud: Waarde
    nieuw: Waarde

    @property
    def label(self) -> str:
        return LABELS.get(self.sleutel, self.sleutel)

    @property
    def verschil(self) -> int | None:
        """New minus old for numbers (percentage points for a percentage); None otherwise (also when one
        side is :data:`~.stand.GEEN_GEGEVENS`: no data is no 0)."""
        if _getal(self.oud) and _getal(self.nieuw):
            return self.nieuw - self.oud  # type: ignore[operator]
        return None

    @property
    def aanlevering(self) -> str | None:
        """``nieuw`` when the old side had no data and the new one has (the change is "nieuw
        aangeleverd", not a difference), ``gestopt`` for the reverse, None otherwise."""
        oud, nieuw = self.oud == GEEN_GEGEVENS, self.nieuw == GEEN_GEGEVENS
        if oud == nieuw:
            return None
        return "nieuw" if oud else "gestopt"


@dataclass(frozen=True, slots=True)
class Veldverschil:
    veld: str
    oud: Waarde
    nieuw: Waarde


@dataclass(frozen=True, slots=True)
class Rijverschil:
    """One row that was added (``oud`` is None), removed (``nieuw`` is None) or changed."""

    tabel: str
    oud: Rij | None
    nieuw: Rij | None
    velden: tuple[Veldverschil, ...]

    @property
    def soort(self) -> str:
        if self.oud is None:
            return "toegevoegd"
        if self.nieuw is None:
            return "verwijderd"
        return "hernoemd" if self.oud.naam != self.nieuw.naam and not self.velden else "gewijzigd"

    @property
    def naam(self) -> str:
        return (self.nieuw or self.oud).naam  # type: ignore[union-attr]

    @property
    def hernoemd(self) -> bool:
        return self.oud is not None and self.nieuw is not None and self.oud.naam != self.nieuw.naam

    @property
    def status_oud(self) -> str | None:
        return self.oud.status if self.oud else None

    @property
    def status_nieuw(self) -> str | None:
        return self.nieuw.status if self.nieuw else None

    @property
    def omslag(self) -> str | None:
        """``erin`` when the row now counts and did not before (also a new row that counts), ``eruit``
        for the reverse; None when its counting did not change."""
        voor = self.status_oud in TELLEND
        na = self.status_nieuw in TELLEND
        if voor == na:
            return None
        return "erin" if na else "eruit"

    @property
    def bijdrage(self) -> int:
        """Change in what the row adds to the realisatie (asiel geldig, Oekraïne realisatie)."""
        return (self.nieuw.bijdrage if self.nieuw else 0) - (self.oud.bijdrage if self.oud else 0)

    @property
    def voornemen(self) -> int:
        """Change in what the row adds to the voornemens."""
        return (self.nieuw.voornemen if self.nieuw else 0) - (self.oud.voornemen if self.oud else 0)


@dataclass(frozen=True, slots=True)
class Gemeenteverschil:
    cbs_code: str
    naam: str
    regio: str
    bestand_oud: str | None
    bestand_nieuw: str | None
    datum_oud: str | None
    datum_nieuw: str | None
    cijfers: tuple[Cijferverschil, ...]
    rijen: tuple[Rijverschil, ...]
    status_oud: str = "geleverd"  #: ``geleverd`` or ``geen-gegevens``, as :attr:`.stand.Gemeentestand.status`
    status_nieuw: str = "geleverd"

    @property
    def aanlevering(self) -> str | None:
        """``nieuw`` (delivered data, did not before: no workbook, the blank template or an unreadable
        file), ``gestopt`` (did, no longer) or None."""
        oud, nieuw = self.status_oud == GEEN_GEGEVENS, self.status_nieuw == GEEN_GEGEVENS
        if oud == nieuw:
            return None
        return "nieuw" if oud else "gestopt"

    def cijfer(self, sleutel: str) -> Cijferverschil | None:
        return next((c for c in self.cijfers if c.sleutel == sleutel), None)


@dataclass(frozen=True, slots=True)
class Groepverschil:
    sleutel: str
    naam: str
    cijfers: tuple[Cijferverschil, ...]
    #: (gemeenten with data, gemeenten) on each side; None when the group did not exist on that side
    levering_oud: tuple[int, int] | None = None
    levering_nieuw: tuple[int, int] | None = None

    @property
    def onvolledig(self) -> bool:
        """The totals leave out gemeenten without data on either side."""
        return any(x is not None and x[0] < x[1] for x in (self.levering_oud, self.levering_nieuw))


@dataclass(frozen=True, slots=True)
class Verschil:
    oud: str  #: label of the old side as given
    nieuw: str
    revisie_oud: str | None
    revisie_nieuw: str | None
    instellingen: tuple[Cijferverschil, ...]  #: cycle and peildata, when they differ
    provincie: Groepverschil
    regios: tuple[Groepverschil, ...]
    gemeenten: tuple[Gemeenteverschil, ...]
    bevindingen_nieuw: tuple[Bevindingstand, ...]
    bevindingen_opgelost: tuple[Bevindingstand, ...]
    overgeslagen: tuple[str, ...] = ()  #: names in a git tree not read ("label: name: reason"), sorted

    @property
    def leeg(self) -> bool:
        return not (
            self.instellingen
            or self.provincie.cijfers
            or any(r.cijfers for r in self.regios)
            or self.gemeenten
            or self.bevindingen_nieuw
            or self.bevindingen_opgelost
        )


def _cijferverschillen(
    oud: tuple[tuple[str, Waarde], ...], nieuw: tuple[tuple[str, Waarde], ...]
) -> tuple[Cijferverschil, ...]:
    a, b = dict(oud), dict(nieuw)
    sleutels = list(dict.fromkeys([k for k, _ in oud] + [k for k, _ in nieuw]))
    return tuple(Cijferverschil(k, a.get(k), b.get(k)) for k in sleutels if a.get(k) != b.get(k))


def _veldverschillen(oud: Rij | None, nieuw: Rij | None) -> tuple[Veldverschil, ...]:
    a = dict(oud.velden) if oud else {}
    b = dict(nieuw.velden) if nieuw else {}
    sleutels = list(
        dict.fromkeys(
            [k for k, _ in (oud.velden if oud else ())] + [k for k, _ in (nieuw.velden if nieuw else ())]
        )
    )
    uit = []
    for k in sleutels:
        x, y = a.get(k), b.get(k)
        if x != y and not (oud is None and y in (None, "")) and not (nieuw is None and x in (None, "")):
            uit.append(Veldverschil(k, x, y))
    return tuple(uit)


def _rijsleutel(r: Rijverschil) -> tuple[object, ...]:
    namen = tuple(sorted({x.naam for x in (r.oud, r.nieuw) if x is not None}))
    inhoud = tuple(sorted(repr((x.naam, x.velden, x.status)) if x else "" for x in (r.oud, r.nieuw)))
    return (list(TABELLEN).index(r.tabel) if r.tabel in TABELLEN else len(TABELLEN), namen, inhoud)


def _rijverschillen(oud: tuple[Rij, ...], nieuw: tuple[Rij, ...]) -> tuple[Rijverschil, ...]:
    uit: list[Rijverschil] = []
    for tabel in dict.fromkeys([r.tabel for r in oud] + [r.tabel for r in nieuw]):
        a = [r for r in oud if r.tabel == tabel]
        b = [r for r in nieuw if r.tabel == tabel]
        for i, j in koppel(a, b):
            x = a[i] if i is not None else None
            y = b[j] if j is not None else None
            if x == y:
                continue
            uit.append(Rijverschil(tabel, x, y, _veldverschillen(x, y)))
    return tuple(sorted(uit, key=_rijsleutel))


def _leeg(g: Gemeentestand) -> Gemeentestand:
    """A gemeente that is not in a round: no workbook, no data."""
    return Gemeentestand(g.cbs_code, g.naam, g.regio, None, None, (), (), GEEN_GEGEVENS)


def _gemeenteverschil(a: Gemeentestand, b: Gemeentestand) -> Gemeenteverschil | None:
    cijfers = _cijferverschillen(a.cijfers, b.cijfers)
    rijen = _rijverschillen(a.rijen, b.rijen)
    if not cijfers and not rijen and (a.bestand, a.datum, a.status) == (b.bestand, b.datum, b.status):
        return None
    return Gemeenteverschil(
        b.cbs_code,
        b.naam,
        b.regio,
        a.bestand,
        b.bestand,
        a.datum,
        b.datum,
        cijfers,
        rijen,
        a.status,
        b.status,
    )


def _groepen(oud: tuple[Groepstand, ...], nieuw: tuple[Groepstand, ...]) -> tuple[Groepverschil, ...]:
    a = {g.sleutel: g for g in oud}
    b = {g.sleutel: g for g in nieuw}
    uit = []
    for sleutel in sorted(a.keys() | b.keys()):
        x, y = a.get(sleutel), b.get(sleutel)
        naam = (y or x).naam  # type: ignore[union-attr]
        uit.append(
            Groepverschil(
                sleutel,
                naam,
                _cijferverschillen(x.cijfers if x else (), y.cijfers if y else ()),
                x.levering if x else None,
                y.levering if y else None,
            )
        )
    return tuple(uit)


def _min(a: tuple[Bevindingstand, ...], b: tuple[Bevindingstand, ...]) -> tuple[Bevindingstand, ...]:
    """The findings of ``a`` that ``b`` does not have (as a multiset, on :attr:`Bevindingstand.sleutel`)."""
    over: dict[tuple[object, ...], int] = {}
    for x in b:
        over[x.sleutel] = over.get(x.sleutel, 0) + 1
    uit = []
    for x in a:
        if over.get(x.sleutel, 0):
            over[x.sleutel] -= 1
        else:
            uit.append(x)
    return tuple(uit)


def vergelijk(oud: Stand, nieuw: Stand) -> Verschil:
    """Everything that changed from round ``oud`` to round ``nieuw``."""
    instellingen = _cijferverschillen(oud.instellingen, nieuw.instellingen)
    a = {g.cbs_code: g for g in oud.gemeenten}
    b = {g.cbs_code: g for g in nieuw.gemeenten}
    volgorde = [g.cbs_code for g in nieuw.gemeenten] + sorted(a.keys() - b.keys())
    gemeenten = []
    for code in volgorde:
        x = a.get(code) or _leeg(b[code])
        y = b.get(code) or _leeg(a[code])
        if (v := _gemeenteverschil(x, y)) is not None:
            gemeenten.append(v)
    regios = [r.sleutel for r in nieuw.regios]
    gemeenten.sort(
        key=lambda g: (
            regios.index(g.regio) if g.regio in regios else len(regios),
            naamvolgorde(g.naam),
            g.cbs_code,
        )
    )
    # a folder of one regio has no provincial total (its regio carries the same figures: no second group);
    # one of some regio's names them (regioplan.resultaat.totaalnaam)
    label = totaalnaam_van(nieuw.provincie.naam, nieuw.hele_provincie, [r.naam for r in nieuw.regios])
    provincie = Groepverschil(
        nieuw.provincie.sleutel,
        label.removeprefix("Totaal ") if label else nieuw.provincie.naam,
        _cijferverschillen(oud.provincie.cijfers, nieuw.provincie.cijfers) if label else (),
        oud.provincie.levering,
        nieuw.provincie.levering,
    )
    return Verschil(
        oud.label,
        nieuw.label,
        oud.revisie,
        nieuw.revisie,
        instellingen,
        provincie,
        _groepen(oud.regios, nieuw.regios),
        tuple(gemeenten),
        _min(nieuw.bevindingen, oud.bevindingen),
        _min(oud.bevindingen, nieuw.bevindingen),
        tuple(sorted({f"{s.label}: {x}" for s in (oud, nieuw) for x in s.overgeslagen})),
    )


def _spiegel_cijfers(c: tuple[Cijferverschil, ...]) -> tuple[Cijferverschil, ...]:
    return tuple(Cijferverschil(x.sleutel, x.nieuw, x.oud) for x in c)


def _spiegel_groep(g: Groepverschil) -> Groepverschil:
    return replace(
        g,
        cijfers=_spiegel_cijfers(g.cijfers),
        levering_oud=g.levering_nieuw,
        levering_nieuw=g.levering_oud,
    )


def spiegel(v: Verschil) -> Verschil:
    """The same comparison the other way round: what ``vergelijk(nieuw, oud)`` gives."""
    gemeenten = tuple(
        replace(
            g,
            bestand_oud=g.bestand_nieuw,
            bestand_nieuw=g.bestand_oud,
            datum_oud=g.datum_nieuw,
            datum_nieuw=g.datum_oud,
            status_oud=g.status_nieuw,
            status_nieuw=g.status_oud,
            cijfers=_spiegel_cijfers(g.cijfers),
            rijen=tuple(
                sorted(
                    (
                        Rijverschil(
                            r.tabel,
                            r.nieuw,
                            r.oud,
                            tuple(Veldverschil(f.veld, f.nieuw, f.oud) for f in r.velden),
                        )
                        for r in g.rijen
                    ),
                    key=_rijsleutel,
                )
            ),
        )
        for g in v.gemeenten
    )
    return Verschil(
        v.nieuw,
        v.oud,
        v.revisie_nieuw,
        v.revisie_oud,
        _spiegel_cijfers(v.instellingen),
        _spiegel_groep(v.provincie),
        tuple(_spiegel_groep(r) for r in v.regios),
        gemeenten,
        v.bevindingen_opgelost,
        v.bevindingen_nieuw,
        v.overgeslagen,
    )
