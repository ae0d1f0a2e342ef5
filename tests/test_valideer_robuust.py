"""``valideer`` never breaks on what a gemeente sends: random cell values, damaged bytes, odd files.

Why: the corpus covers every check once; these tests throw a lot of unplanned input at the reader.
Whatever comes in, the result is findings with catalogue codes (never an exception) and the command
ends with exit code 0 or 1.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regioplan.api import valideer
from regioplan.bevindingen import CATALOGUS
from regioplan.cli import main
from regioplan.uitvraag.schema import UITVRAAG_BLADEN
from regioplan.waarden import lees_capaciteit, lees_datum, lees_geheel, lees_keuze

try:
    from . import corpus
except ImportError:  # tests/ is not a package: pytest put its folder on sys.path
    import corpus


@pytest.fixture(scope="module")
def basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.bouw_basis(tmp_path_factory.mktemp("robuust") / "basis")


def _ingevuld(sjabloon: str, tekst: str) -> bool:
    """Is ``tekst`` the template with every placeholder filled (by anything, braces in a cell value
    included)?"""
    delen = re.split(r"\{\w+\}", sjabloon)
    return re.fullmatch("(.*?)".join(re.escape(d) for d in delen), tekst, flags=re.S) is not None


def _gezond(resultaat) -> None:
    for b in resultaat.bevindingen:
        assert b.code in CATALOGUS
        controle = CATALOGUS[b.code]
        assert b.ernst == controle.ernst
        assert _ingevuld(controle.bericht, b.bericht), (b.code, b.bericht)
        assert _ingevuld(controle.hint, b.hint), (b.code, b.hint)


# ---------------------------------------------------------------- cell values

_TEKENS = st.characters(blacklist_categories=("Cs", "Cc"))
_WAARDEN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.text(_TEKENS, max_size=40),
    st.sampled_from(
        [
            "n.n.t.b.",
            "Nntb*",
            "?",
            "580-550",
            "550-",
            "1.250",
            "12,5",
            "apr-22",
            "05-04-2202",
            "onbepaald",
            "onbekend",
            "=1+1",
            "#N/A",
            "[Noord]",
            "ja",
            "nee",
            "TGO",
            "GM0141",
            "141",
            "Almelo",
            "Capaciteit",
            "Locatie",
            " ",
            "19  -9-2032",
            "Beoogd 2035",
            "31-02-2025",
        ]
    ),
)
_BLADEN = [bl.naam for bl in UITVRAAG_BLADEN]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    wijzigingen=st.lists(
        st.tuples(st.sampled_from(_BLADEN), st.integers(1, 16), st.integers(1, 9), _WAARDEN),
        min_size=1,
        max_size=12,
    )
)
def test_willekeurige_celwaarden(basis: Path, tmp_path_factory: pytest.TempPathFactory, wijzigingen) -> None:
    pad = tmp_path_factory.mktemp("cel") / "almelo.xlsx"
    shutil.copy(basis / "almelo.xlsx", pad)
    with corpus.werkboek(pad) as wb:
        for blad, kolom, rij, waarde in wijzigingen:
            wb[blad].cell(row=rij, column=kolom, value=waarde)
    _gezond(valideer(pad))


@given(st.one_of(_WAARDEN, st.tuples(st.integers(), st.text())))
def test_celparsers_geven_waarde_of_bevinding(waarde) -> None:
    for lezer in (lees_datum, lees_capaciteit, lees_geheel, lambda w: lees_keuze(w, ("ja", "nee"))):
        _, probleem = lezer(waarde)
        if probleem is not None:
            code, params = probleem
            assert code in CATALOGUS and isinstance(params, dict)


# ---------------------------------------------------------------- damaged files


def test_afgekapt_op_elke_plek(basis: Path, tmp_path: Path) -> None:
    """A download that broke off anywhere: always one file-level finding."""
    data = (basis / "almelo.xlsx").read_bytes()
    for i, lengte in enumerate(range(1, len(data), max(1, len(data) // 40))):
        pad = tmp_path / f"afgekapt-{i}.xlsx"
        pad.write_bytes(data[:lengte])
        resultaat = valideer(pad)
        _gezond(resultaat)
        assert [b.code for b in resultaat.bevindingen if b.code.startswith("bestand-")], lengte


def test_beschadigde_bytes(basis: Path, tmp_path: Path) -> None:
    """Flipped bytes inside the zip: findings (most often bestand-corrupt), never an exception."""
    bron = (basis / "almelo.xlsx").read_bytes()
    toeval = random.Random(20241001)
    for i in range(40):
        data = bytearray(bron)
        for _ in range(toeval.randint(1, 8)):
            plek = toeval.randrange(len(data))
            data[plek] = toeval.randrange(256)
        pad = tmp_path / f"beschadigd-{i}.xlsx"
        pad.write_bytes(bytes(data))
        _gezond(valideer(pad))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    inhoud=st.binary(max_size=600),
    naam=st.sampled_from(["x.xlsx", "x.xlsm", "x.xls", "x.ods", "x.csv", "~$x.xlsx"]),
)
def test_willekeurige_bytes(tmp_path_factory: pytest.TempPathFactory, inhoud: bytes, naam: str) -> None:
    map_ = tmp_path_factory.mktemp("bytes")
    (map_ / naam).write_bytes(inhoud)
    resultaat = valideer(map_)
    _gezond(resultaat)
    assert {b.bestand for b in resultaat.bevindingen} >= {naam}


def test_cli_over_beschadigde_map(basis: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(basis, data)
    bron = (basis / "almelo.xlsx").read_bytes()
    (data / "almelo.xlsx").write_bytes(bron[: len(bron) * 2 // 3])
    (data / "borne.xlsx").write_bytes(bron[::-1])
    assert main(["valideer", str(data), "--formaat", "json"]) == 1
    uit = capsys.readouterr()
    assert "interne fout" not in uit.err
