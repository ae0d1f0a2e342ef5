"""Matching rows of two rounds: exact, renamed, different buildings, duplicates; symmetric and linear."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from regioplan.verschil.koppeling import koppel
from regioplan.verschil.stand import Rij


def _rij(
    naam: str, capaciteit: object = 100, start: object = "2024-01-01", eind: object = "2027-01-01"
) -> Rij:
    velden = (("capaciteit", capaciteit), ("startdatum", start), ("einddatum", eind))
    return Rij("asiel", naam, velden, "telt")


def _namen(oud: list[Rij], nieuw: list[Rij]) -> set[tuple[str | None, str | None]]:
    return {
        (oud[i].naam if i is not None else None, nieuw[j].naam if j is not None else None)
        for i, j in koppel(oud, nieuw)
    }


def test_zelfde_naam_ook_met_andere_schrijfwijze():
    oud = [_rij("Hotel Zalkerbroek"), _rij("Vlierdijk")]
    nieuw = [_rij("vlierdijk", 50), _rij("Hotel  Zalkerbroek.")]
    assert _namen(oud, nieuw) == {("Hotel Zalkerbroek", "Hotel  Zalkerbroek."), ("Vlierdijk", "vlierdijk")}


def test_tikfout_hersteld_is_dezelfde_locatie():
    assert _namen([_rij("Havezatelaan", 250)], [_rij("Havezatenlaan", 260, eind="2026-01-01")]) == {
        ("Havezatelaan", "Havezatenlaan")
    }


def test_ander_huisnummer_is_een_ander_gebouw():
    oud = [_rij("Hazenweg 31", 120, "2024-01-01", "2024-12-31")]
    nieuw = [_rij("Hazenweg 35", 80, "2025-03-01", "2027-01-01")]
    assert _namen(oud, nieuw) == {("Hazenweg 31", None), (None, "Hazenweg 35")}
    # ... unless everything else says it is the same location (a corrected house number)
    assert _namen(oud, [_rij("Hazenweg 35", 120, "2024-01-01", "2024-12-31")]) == {
        ("Hazenweg 31", "Hazenweg 35")
    }


def test_volledig_andere_naam_met_dezelfde_kenmerken():
    assert _namen(
        [_rij("Azc Schalkhaar", 500, "2020-01-01", "onbepaald")],
        [_rij("Locatie Deventer-Noord", 500, "2020-01-01", "onbepaald")],
    ) == {("Azc Schalkhaar", "Locatie Deventer-Noord")}


def test_ongelijke_namen_zonder_kenmerken_worden_niet_gekoppeld():
    assert _namen([_rij("Molenstraat", 34)], [_rij("Kiekebelt", 60, "2023-10-01")]) == {
        ("Molenstraat", None),
        (None, "Kiekebelt"),
    }


def test_dubbele_namen_worden_op_inhoud_gekoppeld():
    oud = [_rij("Uitbreiding", 10), _rij("Uitbreiding", 20)]
    nieuw = [_rij("Uitbreiding", 20), _rij("Uitbreiding", 10), _rij("Uitbreiding", 30)]
    paren = koppel(oud, nieuw)
    gekoppeld = {(oud[i].velden, nieuw[j].velden) for i, j in paren if i is not None and j is not None}
    assert all(a == b for a, b in gekoppeld) and len(gekoppeld) == 2
    assert sum(1 for i, j in paren if i is None) == 1


namen = st.sampled_from(
    ["Vlierdijk", "Vlierdijk 2", "Hazenweg 31", "Hazenweg 121", "Kiekebelt", "Ypeloweg", "ypeloweg", "Noord"]
)
rijen = st.lists(
    st.builds(
        _rij, namen, st.sampled_from([10, 20, "onbekend"]), st.sampled_from(["2024-01-01", "onbekend"])
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(rijen, rijen)
def test_koppeling_is_symmetrisch_en_volledig(a, b):
    heen = koppel(a, b)
    terug = koppel(b, a)
    assert sorted(i for i, _ in heen if i is not None) == list(range(len(a)))
    assert sorted(j for _, j in heen if j is not None) == list(range(len(b)))

    def inhoud(paren, links, rechts, om=False):
        uit = []
        for i, j in paren:
            x = links[i] if i is not None else None
            y = rechts[j] if j is not None else None
            uit.append(repr((y, x) if om else (x, y)))
        return sorted(uit)

    assert inhoud(heen, a, b) == inhoud(terug, b, a, om=True)


def test_veel_hernoemde_rijen_worden_allemaal_gekoppeld():
    """Two thousand renamed rows in one gemeente (the matcher is linear; benchmarks/verschil.py measures
    it)."""
    oud = [_rij(f"Locatie {i} aan de Dorpsstraat", i) for i in range(2_000)]
    nieuw = [_rij(f"Locatie {i} Dorpsstraat", i) for i in range(2_000)]
    assert sorted(koppel(oud, nieuw)) == [(i, i) for i in range(2_000)]
