"""The HTML report in a real browser: headless Chromium renders it, takes a screenshot and prints it to PDF.

This test never skips. Without a browser it FAILS and says how to install one: the print stylesheet
and the inline SVG charts are only really tested by a rendering engine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from regioplan.api import rapport

from .conftest import VOORBEELD

KANDIDATEN = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str:
    eigen = os.environ.get("REGIOPLAN_CHROMIUM")
    for naam in ([eigen] if eigen else []) + list(KANDIDATEN):
        pad = shutil.which(naam)
        if pad:
            return pad
    pytest.fail(
        "Geen headless Chromium gevonden (gezocht: "
        + ", ".join(KANDIDATEN)
        + "). Installeer hem, bijvoorbeeld met "
        "`apt-get install -y chromium`, of wijs hem aan met REGIOPLAN_CHROMIUM=/pad/naar/chromium."
    )


def draai(browser: str, profiel: Path, *args: str) -> subprocess.CompletedProcess:
    opdracht = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profiel}",
        *args,
    ]
    env = {**os.environ, "TZ": "Europe/Amsterdam", "LANG": "nl_NL.UTF-8"}
    return subprocess.run(opdracht, capture_output=True, text=True, timeout=180, env=env)


@pytest.fixture(scope="module")
def verslag(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("browser")
    (pad,) = rapport(
        VOORBEELD, "overijssel", uit, formaten=("html",), datum=None, sjablonen=None, config=None
    )
    return pad


def test_chromium_toont_en_drukt_het_provinciaal_verslag_af(verslag, tmp_path):
    browser = chromium()
    url = verslag.resolve().as_uri()

    dom = draai(browser, tmp_path / "p1", "--virtual-time-budget=5000", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    tekst = BeautifulSoup(dom.stdout, "html.parser").get_text(" ", strip=True)
    assert "3.864" in tekst  # the province's total realisatie, as the browser rendered it
    assert "Provinciaal verslag Overijssel" in tekst
    assert "Refused to" not in dom.stderr  # the Content-Security-Policy blocked nothing: no external requests

    png = tmp_path / "verslag.png"
    shot = draai(
        browser, tmp_path / "p2", "--hide-scrollbars", "--window-size=1280,1800", f"--screenshot={png}", url
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000

    pdf = tmp_path / "verslag.pdf"
    druk = draai(browser, tmp_path / "p3", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    assert druk.returncode == 0, druk.stderr[-2000:]
    inhoud = pdf.read_bytes()
    assert inhoud[:5] == b"%PDF-"
    paginas = inhoud.count(b"/Type /Page") - inhoud.count(b"/Type /Pages")
    assert paginas >= 10, f"{paginas} pagina's: elk hoofdstuk hoort op een nieuwe A4-pagina te beginnen"
    formaten = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", inhoud))
    assert formaten and all(abs(float(b) - 595) < 1 and abs(float(h) - 842) < 1 for b, h in formaten), (
        formaten
    )  # A4
