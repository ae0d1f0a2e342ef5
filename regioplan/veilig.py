"""Text from outside, made safe for each output channel: one function per family of channels.

Every cell value, sheet name and file name is hostile. Where it goes decides what it can do there, so
there is one escaping function per kind of channel, and every writer uses the one of its channel:

========================  ===============================================================================
:func:`regel`             terminal and every line-oriented log (CI job logs, ``valideer`` text,
                          ``bereken --uitleg``): control, bidirectional and invisible format characters
                          are shown visibly (``\\x1b``, ``⟨U+202E⟩``), a line end from a value never
                          starts a new line, and a value never begins a GitHub workflow command.
:func:`github`            GitHub Actions workflow commands (annotations): :func:`regel`, then the
                          command's own percent-encoding (``eigenschap=True`` for ``file=``/``title=``).
:func:`xml`               XML 1.0 text and attributes (JUnit): :func:`regel`, which leaves only characters
                          XML 1.0 allows; ``<``/``&`` are escaped by the serializer.
:func:`markdown`          Markdown (reports, the GitHub step summary): GFM punctuation escaped, every
                          line-end variant one line end, autolinks (``https://``, ``www.``, e-mail,
                          bare domains) broken with backslash escapes so they render as plain text.
                          :func:`markdown_cel` puts it on one line for a table cell, :func:`markdown_blok`
                          for a paragraph.
:func:`formule`           csv (and the check for xlsx): text that a spreadsheet would read as a formula
                          gets a leading apostrophe; xlsx cells are written as strings
                          (:func:`regioplan.xlsx.zet`).
========================  ===============================================================================

HTML is escaped by Jinja's autoescaping (and served under a CSP); JSON by the JSON encoder, which keeps
the exact value. None of these functions is applied twice: each writer escapes where it writes.
"""

from __future__ import annotations

import re

#: Characters shown visibly by :func:`regel`: C0 controls, DEL, C1 controls, line and paragraph
#: separators, bidirectional controls (the "Trojan Source" set), invisible format characters,
#: non-characters and lone surrogates (the last two are not allowed in XML 1.0 either).
_ONZICHTBAAR = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_NAMEN = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: GitHub's runner reads a line as a workflow command when it starts (after spaces) with ``::``, and
#: the old syntax ``##[`` anywhere in a line. A value never contains ``::`` (so no wrapped line can start
#: with it) and never starts with ``:`` (so it cannot complete one after our own text).
_OUDE_OPDRACHT = "##["


def _zichtbaar(teken: str) -> str:
    code = ord(teken)
    if teken in _NAMEN:
        return _NAMEN[teken]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"⟨U+{code:04X}⟩"


def regel(tekst: object) -> str:
    """A value for a terminal or a line-oriented log: one line, nothing hidden, nothing executed.

    >>> regel("Azc\\x1b[2J\\nx")
    'Azc\\\\x1b[2J\\\\nx'
    >>> regel("\\u202eabc")
    '⟨U+202E⟩abc'
    >>> regel("::error::x")
    '\\\\x3a:error\\\\x3a:x'
    """
    t = _ONZICHTBAAR.sub(lambda m: _zichtbaar(m[0]), str(tekst))
    if "::" in t:
        t = t.replace("::", "\\x3a:")
    kaal = t.lstrip(" ")
    if kaal.startswith(":"):
        t = t[: len(t) - len(kaal)] + "\\x3a" + kaal[1:]
    if _OUDE_OPDRACHT in t:
        t = t.replace(_OUDE_OPDRACHT, "#\\x23[")
    return t


def github(tekst: object, *, eigenschap: bool = False) -> str:
    """A value for a GitHub Actions workflow command: the message, or (``eigenschap``) a ``file=`` or
    ``title=`` property, in which ``:`` and ``,`` end the property and are encoded too."""
    t = regel(tekst).replace("%", "%25")
    if eigenschap:
        t = t.replace(":", "%3A").replace(",", "%2C")
    return t


def xml(tekst: object) -> str:
    """Text for XML 1.0 (element text or attribute value, escaped further by the serializer).

    Every character XML 1.0 forbids (NUL, ESC, other C0 controls, lone surrogates, U+FFFE/U+FFFF) is
    among those :func:`regel` shows visibly, so the document stays well-formed for a strict parser.
    """
    return regel(tekst)


# ---------------------------------------------------------------- Markdown

_MD_TEKENS = re.compile(r"([\\`*_\[\]{}<>|#~])")
#: (``!`` needs no escape: ``[`` always has one, so ``![`` never starts an image.)
_MD_REGELSTART = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)
_ENTITEIT = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: Every line end a renderer may honour: CRLF, lone CR, LF, and the Unicode ones.
_REGELEINDEN = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_REGELEINDE = re.compile(r"[ \t]*\n\s*")
#: Autolinks: ``scheme://``, ``//``, ``www.``, e-mail (also after ``mailto:``) and bare domains
#: (``almelo.nl``, which linkify-style renderers pick up: a word, a dot and a top-level domain). A
#: backslash before the ``:`` of ``://``, the second ``/``, an ``@`` after a word, the dot after ``www``
#: and the dot before a top-level domain breaks each pattern; the text renders unchanged, and ordinary
#: text (``o.a.``, ``almelo.xlsx``, ``1.250``) is left as it is.
_TLD = (
    r"[a-z]{2}|com|net|org|edu|gov|biz|pro|web|xxx|aero|asia|coop|info|museum|name|shop|app|dev|online"
    r"|site|amsterdam|frl|xyz|рф"
)
_AUTOLINK = re.compile(
    rf"(?<=\w):(?=/)|(?<=\w)@|(?<=/)/|(?<=\bwww)\.|(?<=\w)\.(?=(?:{_TLD})(?![^\W_]))", re.IGNORECASE
)
_OVERIG_ONZICHTBAAR = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)


def _md_basis(tekst: object) -> str:
    t = _REGELEINDEN.sub("\n", str(tekst))
    t = _OVERIG_ONZICHTBAAR.sub(lambda m: _zichtbaar(m[0]), t).replace("\t", " ")
    t = _MD_TEKENS.sub(r"\\\1", t)
    t = _AUTOLINK.sub(lambda m: "\\" + m[0], t)
    return _ENTITEIT.sub("&amp;", t)


def markdown(tekst: object) -> str:
    """Inline Markdown text: nothing in it becomes a link, image, raw HTML, emphasis or a table column.

    >>> markdown("zie www.almelo.nl of [hier](javascript:x)")
    'zie www\\\\.almelo\\\\.nl of \\\\[hier\\\\](javascript:x)'
    """
    return _md_basis(tekst)


def markdown_cel(tekst: object) -> str:
    """Text for a GFM table cell: :func:`markdown`, on one line (every line-end variant is a space)."""
    t = _md_basis(tekst)
    return _REGELEINDE.sub(" ", t).strip() if "\n" in t else t.strip()


def markdown_blok(tekst: object) -> str:
    """A paragraph of user text: :func:`markdown`, also at line starts (no accidental lists, quotes or
    headings), at most one blank line in a row."""
    t = _md_basis(str(tekst).strip())
    t = _MD_REGELSTART.sub(lambda m: m[1] + m[2][:-1] + "\\" + m[2][-1], t)
    return re.sub(r"\n{3,}", "\n\n", t)


# ---------------------------------------------------------------- spreadsheets

#: First characters that make a spreadsheet treat text as a formula; such text is always written as text.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r", "\n")


#: What XML 1.0 (so an xlsx cell) cannot hold; openpyxl refuses such text.
_NIET_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def cel(tekst: str) -> str:
    """Text for an xlsx cell: characters a workbook cannot hold are shown visibly (``\\x1b``); line
    breaks and tabs stay (a cell may hold several lines). Whether it is a formula:
    :func:`regioplan.xlsx.zet`."""
    return _NIET_IN_XML.sub(lambda m: _zichtbaar(m[0]), tekst)


def formule(waarde: object) -> object:
    """A csv value: text a spreadsheet would run as a formula gets a leading ``'``; None is empty."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return "" if waarde is None else waarde
