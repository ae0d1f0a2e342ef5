"""A comparison as JSON (one place, documented in docs/verschil.md), as Markdown and as plain phrases.

The Markdown is made for a pull-request comment and the GitHub/GitLab job summary: narrow tables (at
most five columns), one section per changed gemeente, every workbook value escaped with
:func:`regioplan.veilig.markdown_cel`, as in the reports (names, explanations, file names can never
become links, HTML or columns).
Plain phrases (:func:`gevolg`, :func:`veldtekst`) are shared by the Markdown and the terminal output.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__, opmaak
from ..veilig import markdown_cel
from .stand import GEEN_GEGEVENS, STATUSLABELS, TABELLEN, VELDLABELS, Bevindingstand, Waarde
from .vergelijk import Cijferverschil, Gemeenteverschil, Groepverschil, Rijverschil, Verschil

MAX_TEKST = 120  #: longest free text (explanation, toelichting) quoted in Markdown; JSON has it in full

_DATUMVELDEN = {"startdatum", "einddatum", "opening", "sluiting"}


# ---- JSON ----------------------------------------------------------------------------------------------


def _cijfers_json(cijfers: tuple[Cijferverschil, ...]) -> list[dict[str, Any]]:
    return [
        {
            "sleutel": c.sleutel,
            "label": c.label,
            "oud": c.oud,
            "nieuw": c.nieuw,
            "verschil": c.verschil,
            "aanlevering": c.aanlevering,
        }
        for c in cijfers
    ]


def _levering_json(x: tuple[int, int] | None) -> dict[str, int] | None:
    return None if x is None else {"met_gegevens": x[0], "totaal": x[1]}


def _groep_json(g: Groepverschil) -> dict[str, Any]:
    return {
        "sleutel": g.sleutel,
        "naam": g.naam,
        "levering": {"oud": _levering_json(g.levering_oud), "nieuw": _levering_json(g.levering_nieuw)},
        "onvolledig": g.onvolledig,
        "cijfers": _cijfers_json(g.cijfers),
    }


def _rij_json(r: Rijverschil) -> dict[str, Any]:
    return {
        "tabel": r.tabel,
        "soort": r.soort,
        "naam": r.naam,
        "oude_naam": r.oud.naam if r.oud else None,
        "hernoemd": r.hernoemd,
        "velden": [{"veld": f.veld, "oud": f.oud, "nieuw": f.nieuw} for f in r.velden],
        "status": {"oud": r.status_oud, "nieuw": r.status_nieuw},
        "omslag": r.omslag,
        "reden": {"oud": r.oud.reden if r.oud else None, "nieuw": r.nieuw.reden if r.nieuw else None},
        "uitleg": {"oud": r.oud.uitleg if r.oud else None, "nieuw": r.nieuw.uitleg if r.nieuw else None},
        "bijdrage": r.bijdrage,
        "voornemen": r.voornemen,
    }


def _gemeente_json(g: Gemeenteverschil) -> dict[str, Any]:
    return {
        "cbs_code": g.cbs_code,
        "naam": g.naam,
        "regio": g.regio,
        "aanlevering": g.aanlevering,
        "status": {"oud": g.status_oud, "nieuw": g.status_nieuw},
        "bestand": {"oud": g.bestand_oud, "nieuw": g.bestand_nieuw},
        "datum": {"oud": g.datum_oud, "nieuw": g.datum_nieuw},
        "cijfers": _cijfers_json(g.cijfers),
        "rijen": [_rij_json(r) for r in g.rijen],
    }


def _bevinding_json(b: Bevindingstand) -> dict[str, Any]:
    return {
        "code": b.code,
        "ernst": b.ernst,
        "bestand": b.bestand,
        "blad": b.blad,
        "cel": b.cel,
        "bericht": b.bericht,
    }


def als_dict(v: Verschil) -> dict[str, Any]:
    """The JSON model of a comparison (keys documented in docs/verschil.md)."""
    return {
        "regioplan": __version__,
        "oud": {"bron": v.oud, "revisie": v.revisie_oud},
        "nieuw": {"bron": v.nieuw, "revisie": v.revisie_nieuw},
        "leeg": v.leeg,
        "instellingen": [{"sleutel": c.sleutel, "oud": c.oud, "nieuw": c.nieuw} for c in v.instellingen],
        "provincie": _groep_json(v.provincie),
        "regios": [_groep_json(r) for r in v.regios],
        "gemeenten": [_gemeente_json(g) for g in v.gemeenten],
        "bevindingen": {
            "nieuw": [_bevinding_json(b) for b in v.bevindingen_nieuw],
            "opgelost": [_bevinding_json(b) for b in v.bevindingen_opgelost],
        },
        "overgeslagen": list(v.overgeslagen),
    }


def als_json(v: Verschil) -> str:
    return json.dumps(als_dict(v), ensure_ascii=False, indent=2) + "\n"


# ---- plain phrases -------------------------------------------------------------------------------------


def waardetekst(veld: str, w: Waarde) -> str:
    """A field value as a coordinator reads it: ``01-07-2025``, ``550–580``, ``ja``, ``(leeg)``."""
    if w is None or w == "":
        return "(leeg)"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, int):
        return opmaak.getal(w)
    if veld in _DATUMVELDEN and len(w) == 10 and w[4] == "-" and w[7] == "-":
        return f"{w[8:10]}-{w[5:7]}-{w[0:4]}"
    if veld in ("capaciteit", "plekken") and "-" in w and w.replace("-", "").isdigit():
        laag, hoog = w.split("-", 1)
        return f"{opmaak.getal(int(laag))}–{opmaak.getal(int(hoog))}"
    return w


def cijfertekst(sleutel: str, w: Waarde) -> str:
    """A key figure as text: ``3.864``, ``61%``, ``a``; ``geen gegevens`` for a gemeente without data
    (never 0, as in the report); ``–`` for none (a percentage without opgave)."""
    if w == GEEN_GEGEVENS:
        return "geen gegevens"
    if sleutel.endswith("percentage"):
        return opmaak.procent(w if isinstance(w, int) else None)
    if w is None:
        return "–"
    return waardetekst("", w)


def verschiltekst(c: Cijferverschil) -> str:
    """``+20`` (percentage points for a percentage); ``nieuw aangeleverd`` / ``niet meer aangeleverd``
    when one side has no data (no difference with a 0 that was never there); empty otherwise."""
    if c.aanlevering == "nieuw":
        return "nieuw aangeleverd"
    if c.aanlevering == "gestopt":
        return "niet meer aangeleverd"
    if c.verschil is None:
        return ""
    return opmaak.getal(c.verschil, teken=True)


def _kort(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= MAX_TEKST else tekst[: MAX_TEKST - 1] + "…"


def veldtekst(r: Rijverschil) -> list[str]:
    """``einddatum: 01-03-2026 → 01-12-2025`` per changed field (new and removed rows: their values)."""
    uit = []
    if r.hernoemd:
        uit.append(f"naam: {r.oud.naam} → {r.nieuw.naam}")  # type: ignore[union-attr]
    for f in r.velden:
        label = VELDLABELS.get(f.veld, f.veld)
        if (r.oud is None or r.nieuw is None) and f.veld == "telt_mee" and "automatisch" in (f.oud, f.nieuw):
            continue  # the default: no news in a new or removed row
        if r.oud is None:
            uit.append(f"{label}: {_kort(waardetekst(f.veld, f.nieuw))}")
        elif r.nieuw is None:
            uit.append(f"{label}: {_kort(waardetekst(f.veld, f.oud))}")
        elif f.veld == "toelichting":
            uit.append(f"{label} gewijzigd: {_kort(str(f.nieuw))}" if f.nieuw else f"{label} weggehaald")
        else:
            uit.append(f"{label}: {waardetekst(f.veld, f.oud)} → {waardetekst(f.veld, f.nieuw)}")
    return uit


def rijnaam(r: Rijverschil) -> str:
    return f"{TABELLEN.get(r.tabel, r.tabel)} {r.naam}"


def _zonder_oordeel(uitleg: str) -> str:
    for begin in ("telt niet mee: ", "telt mee: "):
        if uitleg.startswith(begin):
            return uitleg[len(begin) :]
    return uitleg


def gevolg(r: Rijverschil) -> str:
    """What the change does to the count, and why: ``telt niet meer mee (-56): eindigt 01-12-2025, ...``."""
    uitleg = _kort(_zonder_oordeel((r.nieuw or r.oud).uitleg))  # type: ignore[union-attr]
    if r.omslag == "erin":
        return f"gaat meetellen ({opmaak.getal(r.bijdrage, teken=True)}): {uitleg}"
    if r.omslag == "eruit":
        if r.nieuw is None:
            return f"telt niet meer mee ({opmaak.getal(r.bijdrage, teken=True)}): vervallen"
        return f"telt niet meer mee ({opmaak.getal(r.bijdrage, teken=True)}): {uitleg}"
    delen = []
    if r.status_oud and r.status_nieuw and r.status_oud != r.status_nieuw:
        delen.append(
            f"{STATUSLABELS.get(r.status_oud, r.status_oud)} → "
            f"{STATUSLABELS.get(r.status_nieuw, r.status_nieuw)}"
        )
    elif r.status_nieuw or r.status_oud:
        status = r.status_nieuw or r.status_oud
        delen.append(STATUSLABELS.get(status, status))  # type: ignore[arg-type]
    if r.bijdrage:
        delen.append(f"realisatie {opmaak.getal(r.bijdrage, teken=True)}")
    if r.voornemen:
        delen.append(f"voornemens {opmaak.getal(r.voornemen, teken=True)}")
    tekst = ", ".join(delen)
    if (
        r.tabel in ("asiel", "oekraine", "uitruil")
        and r.nieuw is not None
        and (r.oud is None or r.oud.uitleg != r.nieuw.uitleg)
    ):
        tekst += f": {uitleg}"
    return tekst


def aanleveringstekst(g: Gemeenteverschil) -> str:
    """Whether the gemeente delivered data: ``nieuw aangeleverd (x.xlsx; was een leeg sjabloon)``,
    ``geen werkboek meer (was x.xlsx)``, ``geen gegevens meer: x.xlsx is een leeg sjabloon``, ...;
    or that the workbook was updated. A gemeente without data has a workbook only when it is the blank
    template (an unreadable file is no workbook)."""
    if g.aanlevering == "nieuw":
        was = "; was een leeg sjabloon" if g.bestand_oud is not None else ""
        return f"nieuw aangeleverd ({g.bestand_nieuw}{was})"
    if g.aanlevering == "gestopt":
        if g.bestand_nieuw is not None:
            return f"geen gegevens meer: {g.bestand_nieuw} is een leeg sjabloon"
        return f"geen werkboek meer (was {g.bestand_oud})"
    if g.status_nieuw == GEEN_GEGEVENS and g.bestand_oud != g.bestand_nieuw:
        if g.bestand_nieuw is None:
            return f"nog steeds geen gegevens; het lege sjabloon {g.bestand_oud} is weg"
        return f"nog steeds geen gegevens: {g.bestand_nieuw} is een leeg sjabloon"
    if g.datum_oud != g.datum_nieuw:
        oud, nieuw = waardetekst("startdatum", g.datum_oud), waardetekst("startdatum", g.datum_nieuw)
        return f"werkboek bijgewerkt (invuldatum {oud} → {nieuw})"
    if g.bestand_oud != g.bestand_nieuw:
        return f"ander bestand ({g.bestand_oud} → {g.bestand_nieuw})"
    return ""


def samenvatting(v: Verschil) -> str:
    """One line: how many gemeenten changed, deliveries, findings; or that nothing changed."""
    if v.leeg:
        return "geen verschillen"
    nieuw = sum(1 for g in v.gemeenten if g.aanlevering == "nieuw")
    gestopt = sum(1 for g in v.gemeenten if g.aanlevering == "gestopt")
    delen = [f"{len(v.gemeenten)} gemeente{'n' if len(v.gemeenten) != 1 else ''} gewijzigd"]
    if nieuw:
        delen.append(f"{nieuw} nieuw aangeleverd")
    if gestopt:
        delen.append(f"{gestopt} niet meer aangeleverd")
    rijen = sum(len(g.rijen) for g in v.gemeenten)
    omslagen = sum(1 for g in v.gemeenten for r in g.rijen if r.omslag)
    delen.append(
        f"{rijen} locatie{'s' if rijen != 1 else ''} en afspraken gewijzigd, waarvan {omslagen} in of uit de "
        "telling"
    )
    delen.append(f"{len(v.bevindingen_nieuw)} nieuwe en {len(v.bevindingen_opgelost)} opgeloste bevindingen")
    return "; ".join(delen)


# ---- Markdown ------------------------------------------------------------------------------------------


def _md(tekst: object) -> str:
    return markdown_cel(tekst)  # the one Markdown escaping of every output (regioplan.veilig)


def _cijferrijen(naam: str | None, cijfers: tuple[Cijferverschil, ...]) -> list[str]:
    voor = f"| {_md(naam)} " if naam is not None else ""
    return [
        f"{voor}| {_md(c.label)} | {cijfertekst(c.sleutel, c.oud)} | {cijfertekst(c.sleutel, c.nieuw)} | "
        f"{verschiltekst(c)} |"
        for c in cijfers
    ]


def _bevindingrijen(soort: str, lijst: tuple[Bevindingstand, ...]) -> list[str]:
    return [
        f"| {soort} | `{_md(b.code)}` | {_md(b.bestand)} | {_md(f'{b.blad}!{b.cel}' if b.cel else b.blad)} | "
        f"{_md(b.bericht)} |"
        for b in lijst
    ]


def groepnaam(g: Groepverschil) -> str:
    """The name of a regio or the province in a table: ``Twente (onvolledig)`` when its totals leave
    out gemeenten without data on either side (:func:`leveringtekst` says how many)."""
    return f"{g.naam} (onvolledig)" if g.onvolledig else g.naam


def leveringtekst(g: Groepverschil) -> str:
    """How many gemeenten of an incomplete total delivered data, on both sides:
    ``IJsselland: 11 van 11 → 10 van 11 gemeenten met gegevens``; empty for a complete one."""
    if not g.onvolledig:
        return ""
    a, b = g.levering_oud, g.levering_nieuw
    if a == b and a is not None:
        tekst = f"{a[0]} van {a[1]}"
    else:
        tekst = " → ".join(f"{x[0]} van {x[1]}" if x else "–" for x in (a, b))
    return f"{g.naam}: {tekst} gemeenten met gegevens"


def onvolledigtekst(v: Verschil) -> str:
    """One sentence for under the table of totals, or empty when every total is complete."""
    delen = [leveringtekst(g) for g in (v.provincie, *v.regios) if g.cijfers and g.onvolledig]
    if not delen:
        return ""
    return "Onvolledig: gemeenten zonder gegevens tellen niet mee in de totalen (" + "; ".join(delen) + ")."


def regionamen(v: Verschil) -> dict[str, str]:
    """Regio key -> name, for headings."""
    return {r.sleutel: r.naam for r in v.regios}


def als_markdown(v: Verschil, *, kop: str = "##") -> str:
    """The comparison as GitHub-flavoured Markdown (a PR comment, a job summary, a report chapter)."""
    r = [
        f"{kop} regioplan verschil",
        "",
        f"Van **{_md(v.oud)}** naar **{_md(v.nieuw)}**: {_md(samenvatting(v))}.",
    ]
    if v.leeg:
        return "\n".join(r) + "\n"
    if v.instellingen:
        r += [
            "",
            "Let op: de instellingen verschillen, cijfers zijn daardoor niet één op één te vergelijken.",
            "",
        ]
        r += [f"- {_md(c.sleutel)}: {_md(c.oud)} → {_md(c.nieuw)}" for c in v.instellingen]
    groepen = [(groepnaam(g), g.cijfers) for g in (v.provincie, *v.regios)]
    if any(c for _, c in groepen):
        r += [
            "",
            f"{kop}# Provincie en regio's",
            "",
            "| | Cijfer | Oud | Nieuw | Verschil |",
            "|---|---|---:|---:|---:|",
        ]
        for naam, cijfers in groepen:
            r += _cijferrijen(naam, cijfers)
        if tekst := onvolledigtekst(v):
            r += ["", _md(tekst)]
    aanlevering = [g for g in v.gemeenten if g.aanlevering]
    if aanlevering:
        r += ["", f"{kop}# Aanlevering", ""]
        r += [f"- {_md(g.naam)}: {_md(aanleveringstekst(g))}" for g in aanlevering]
    if v.gemeenten:
        r += ["", f"{kop}# Per gemeente"]
    regios = regionamen(v)
    for g in v.gemeenten:
        r += ["", f"{kop}## {_md(g.naam)} ({_md(regios.get(g.regio, g.regio))})"]
        if tekst := aanleveringstekst(g):
            r += ["", _md(tekst[0].upper() + tekst[1:]) + "."]
        if g.cijfers:
            r += ["", "| Cijfer | Oud | Nieuw | Verschil |", "|---|---:|---:|---:|"]
            r += _cijferrijen(None, g.cijfers)
        if g.rijen:
            r += ["", "| Wijziging | Wat | Gevolg voor de telling |", "|---|---|---|"]
            for x in g.rijen:
                wat = "<br>".join(_md(t) for t in veldtekst(x)) or "–"
                r.append(f"| {x.soort}: {_md(rijnaam(x))} | {wat} | {_md(gevolg(x))} |")
    if v.bevindingen_nieuw or v.bevindingen_opgelost:
        r += [
            "",
            f"{kop}# Bevindingen",
            "",
            "| | Code | Bestand | Plaats | Bericht |",
            "|---|---|---|---|---|",
        ]
        r += _bevindingrijen("nieuw", v.bevindingen_nieuw) + _bevindingrijen(
            "opgelost", v.bevindingen_opgelost
        )
    if v.overgeslagen:
        r += ["", "Niet gelezen uit git:", ""] + [f"- {_md(x)}" for x in v.overgeslagen]
    return "\n".join(r) + "\n"
