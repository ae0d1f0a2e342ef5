"""A TOML syntax error of ``regioplan.toml`` in Dutch, with a hint that fits the line.

``tomllib`` reports in English (``Expected newline or end of document after a statement (at line 29,
column 21)``). :func:`beschrijf` turns that into ``regel 29, kolom 21: ...`` with a Dutch description of
the common parser messages, the offending line itself, and a hint from what is on that line: a date as
``01-07-2027`` (write ``2027-07-01``), text without quotes, a quote that is not closed, a key or table
that appears twice. The parser's own text stays as an appendix only when there is no Dutch one.
"""

from __future__ import annotations

import re

#: tomllib's messages (Python 3.11-3.14 and tomli) -> Dutch. Matched on the start of the message.
BESCHRIJVINGEN: tuple[tuple[str, str], ...] = (
    ("Expected newline or end of document after a statement", "na de waarde staat nog iets op de regel"),
    ("Invalid value", "de waarde is geen tekst tussen aanhalingstekens, getal, datum of lijst"),
    ("Invalid date or datetime", "deze datum bestaat niet"),
    ("Unterminated string", "een tekst is niet afgesloten: het aanhalingsteken aan het eind ontbreekt"),
    ("Illegal character '\\n'", "een tekst is niet afgesloten: het aanhalingsteken aan het eind ontbreekt"),
    ("Illegal character", "een teken dat hier niet mag"),
    ("Found invalid character", "een teken dat hier niet mag"),
    ("Cannot overwrite a value", "deze sleutel heeft al een waarde: hij staat twee keer in dezelfde tabel"),
    ("Cannot declare", "deze tabel staat twee keer in het bestand"),
    ("Cannot redefine namespace", "deze tabel is al eerder gemaakt"),
    ("Cannot mutate immutable namespace", "deze tabel is al eerder volledig gegeven"),
    (
        "Expected ']' at the end of a table declaration",
        "de tabelkop is niet goed: hij hoort te zijn als [cyclus]",
    ),
    (
        "Expected ']]' at the end of an array declaration",
        "de kop is niet goed: hij hoort te zijn als [[regio]]",
    ),
    ("Expected '=' after a key in a key/value pair", "na de sleutel hoort '=' en dan de waarde"),
    ("Invalid initial character for a key part", "een sleutel begint met een letter, cijfer, _ of -"),
    ("Invalid statement", "deze regel is geen 'sleutel = waarde' en geen [tabel]"),
    ("Unclosed array", "een lijst [...] is niet afgesloten met ']'"),
    ("Unclosed inline table", "een tabel {...} is niet afgesloten met '}'"),
    ("Duplicate inline table key", "een sleutel staat twee keer in dezelfde {...}"),
    ("Unescaped '\\' in a string", "een \\ in tekst tussen dubbele aanhalingstekens"),
    ("Invalid hex value", "een \\u-code in een tekst is ongeldig"),
    ("Escaped character is not a Unicode scalar value", "een \\u-code in een tekst is ongeldig"),
)

_PLAATS = re.compile(
    r"^(?P<tekst>.*?)\s*\((?:at line (?P<regel>\d+), column (?P<kolom>\d+)|at end of document)\)$", re.S
)
#: a date in Dutch order (01-07-2027, 1/7/2027, 01.07.2027) or ISO without leading zeros (2027-7-1)
_DATUM_NL = re.compile(r"(?<![\d\"'])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d\"'])")
_DATUM_ISO = re.compile(r"(?<![\d\"'])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\"'])")
_MAAND = re.compile(r"=\s*\d{1,2}\s+(jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?\s", re.I)
_SLEUTEL = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=\s*(.*?)\s*$")
_KOP = re.compile(r"^\s*\[")

ALGEMEEN = (
    'Tekst staat tussen aanhalingstekens (naam = "2e cyclus"), datums als JJJJ-MM-DD zonder aanhalingstekens '
    "(actief_uiterlijk = 2027-07-01), tabelkoppen als [cyclus] of [[regio]]. Zie docs/configuratie.md."
)


def _datum_hint(regel: str) -> str | None:
    """``schrijf datums ... als JJJJ-MM-DD, bv. 2027-07-01`` with the date on the line, if there is one."""
    import datetime as dt

    for patroon, volgorde in ((_DATUM_NL, (3, 2, 1)), (_DATUM_ISO, (1, 2, 3))):
        if m := patroon.search(regel):
            j, mnd, d = (int(m[i]) for i in volgorde)
            try:
                iso = dt.date(j, mnd, d).isoformat()
            except ValueError:
                return None
            if iso == m[0]:
                return None  # a correct ISO date: the problem is elsewhere on the line
            return (
                f"Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens, bv. {iso} "
                f"in plaats van {m[0]}."
            )
    if _MAAND.search(regel) and re.search(r"\d{4}", regel):  # 1 juli 2027
        return "Schrijf datums in regioplan.toml als JJJJ-MM-DD zonder aanhalingstekens, bv. 2027-07-01."
    return None


def _tekst_hint(regel: str) -> str | None:
    """A value that looks like text without (both) quotes: ``naam = 2e cyclus`` or ``naam = "2e cyclus``."""
    m = _SLEUTEL.match(regel.split("#", 1)[0] if regel.count('"') != 1 else regel)
    if not m:
        return None
    sleutel, waarde = m[1], m[2]
    if v := re.match(r"""^(\d{4}-\d{2}-\d{2}|[+-]?\d[\d_.]*|true|false|"[^"]*"|'[^']*')\s+\S""", waarde):
        return f"Na de waarde ({v[1]}) mag op de regel alleen commentaar staan, achter een #."
    schoon = waarde.strip("\"'")
    if not schoon or waarde.startswith(("[", "{")):
        return None
    if re.fullmatch(r"[+-]?\d[\d_]*(\.\d+)?|true|false|\d{4}-\d{2}-\d{2}", waarde):
        return None
    return f'Zet tekst tussen aanhalingstekens, aan beide kanten: {sleutel} = "{schoon}".'


def beschrijf(fout: str, bron: str) -> tuple[str, str]:
    """(message, hint) in Dutch for a tomllib error text ``fout`` on the document ``bron``.

    The message names the line and column (``regel 29, kolom 21``), what is wrong, and the line itself."""
    m = _PLAATS.match(fout.strip())
    engels = m["tekst"] if m else fout.strip()
    nl = next((dutch for engels_, dutch in BESCHRIJVINGEN if engels.startswith(engels_)), None)
    if nl and engels.startswith("Cannot declare") and (kop := re.search(r"\('([^']*)',?\)", engels)):
        nl = f"de tabel [{kop[1]}] staat twee keer in het bestand"
    omschrijving = nl or f"de TOML-lezer meldt: {engels}"
    nummer, kolom = (int(m["regel"]), m["kolom"]) if m and m["regel"] else (0, "")
    if nummer:
        regels = bron.splitlines()
        regel = regels[nummer - 1] if 0 < nummer <= len(regels) else ""
        plaats = f"op regel {nummer}, kolom {kolom}"
    else:
        regel, plaats = "", "aan het eind van het bestand"
    bericht = f"geen geldige TOML {plaats}: {omschrijving}"
    if regel.strip():
        bericht += f" (regel {nummer}: {regel.strip()})"
    hint = _datum_hint(regel) if regel else None
    if hint is None and engels.startswith(("Cannot overwrite a value", "Cannot declare")):
        sleutel = _SLEUTEL.match(regel)
        hint = (
            f"Laat '{sleutel[1]}' één keer staan, met de goede waarde."
            if sleutel
            else "Zet alle sleutels van een tabel onder één kop; alleen [[regio]] mag vaker voorkomen."
        )
    if hint is None and _KOP.match(regel) and "declaration" in engels:
        hint = (
            "Een tabelkop staat alleen op de regel, zonder spaties in de naam: [cyclus], [peildata] of "
            "[[regio]]."
        )
    if hint is None and engels.startswith("Unescaped"):
        hint = (
            "Schrijf een \\ in tekst dubbel (\\\\), of zet de tekst tussen enkele aanhalingstekens "
            "('C:\\map')."
        )
    if hint is None and engels.startswith("Invalid date"):
        hint = "Controleer dag en maand: een datum is JJJJ-MM-DD, bv. 2027-07-01."
    if hint is None and regel and not _KOP.match(regel):
        hint = _tekst_hint(regel)
    return bericht + ".", f"{hint} Zie docs/configuratie.md." if hint else ALGEMEEN
