"""`rapport --publiceer MAP`: one self-contained folder, its index checked in headless Chromium over HTTP."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from regioplan.cli import main

from .test_rapport import maak_data
from .test_rapport_browser import chromium, draai


@pytest.fixture(scope="module")
def publicatie(tmp_path_factory) -> Path:
    basis = tmp_path_factory.mktemp("publicatie")
    data = maak_data(basis / "data")
    uit = basis / "site"
    assert main(["rapport", str(data), "--publiceer", str(uit)]) == 0  # --regio defaults to alle
    return uit


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(publicatie):
    handler = functools.partial(_Stil, directory=str(publicatie))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_publicatiemap_heeft_alle_bestanden(publicatie):
    namen = {p.name for p in publicatie.iterdir()}
    for rapport in ("regionaal-plan-noord", "provinciaal-verslag-testland"):
        assert {f"{rapport}.{f}" for f in ("html", "pdf", "docx", "md")} <= namen
    assert {"index.html", "resultaten.xlsx", "resultaten.json", "validatie.json", "validatie.md"} <= namen
    assert not [n for n in namen if n.startswith(".")]  # no temporary files left behind
    for pad in publicatie.iterdir():
        assert pad.stat().st_mode & 0o044 == 0o044, pad.name  # readable for a web server


def test_index_in_chromium_elke_link_wijst_naar_een_bestand_in_de_map(publicatie, server, tmp_path):
    browser = chromium()
    dom = draai(
        browser, tmp_path / "profiel", "--virtual-time-budget=3000", "--dump-dom", server + "index.html"
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Refused to" not in dom.stderr  # nothing outside the page was loaded
    soup = BeautifulSoup(dom.stdout, "html.parser")
    tekst = soup.get_text(" ", strip=True)
    assert "Opvangplannen Testland" in tekst and "03-10-2024" in tekst  # the date of the data
    assert "Regionaal plan Noord" in tekst and "Provinciaal verslag Testland" in tekst
    validatie = soup.find(id="tabel-validatie")
    assert validatie is not None and "almelo.xlsx" in validatie.get_text()

    links = [a["href"] for a in soup.find_all("a", href=True)]
    gelinkt = set()
    for href in links:
        url = urljoin(server + "index.html", href)
        assert urlparse(url).netloc == urlparse(server).netloc, href  # relative, inside the folder
        naam = unquote(urlparse(url).path).lstrip("/")
        assert "/" not in naam, href
        with urllib.request.urlopen(url, timeout=30) as antwoord:
            assert antwoord.status == 200
            assert antwoord.read() == (publicatie / naam).read_bytes()
        gelinkt.add(naam)
    per_formaat = {a["data-formaat"] for a in soup.select("a[data-formaat]")}
    assert per_formaat == {"html", "pdf", "docx", "md"}
    assert gelinkt == {p.name for p in publicatie.iterdir()} - {"index.html"}  # every file is listed


def test_publiceren_in_de_map_met_werkboeken_wordt_geweigerd(tmp_path, capsys):
    data = maak_data(tmp_path / "data")
    voor = sorted(p.name for p in data.iterdir())
    assert main(["rapport", str(data), "--publiceer", str(data)]) == 2
    assert "uitvoer-is-invoer" in capsys.readouterr().err
    assert sorted(p.name for p in data.iterdir()) == voor  # nothing written among the submissions
