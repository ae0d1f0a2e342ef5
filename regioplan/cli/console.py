"""The one console: data to stdout, messages to stderr, nothing printed is ever markup.

:class:`Terminal` (as hatch's) owns every byte a command writes to the terminal, so colour, width and
escaping are decided here, once:

- **data** (JSON, annotations, JUnit; :meth:`Terminal.data`) goes to stdout exactly as given: it is
  already escaped for its own format by :mod:`regioplan.veilig`;
- **views for people** (tables, the findings per file; :meth:`Terminal.toon`, :meth:`Terminal.tabel`)
  go to stdout, **messages** (progress, summary lines, errors; :meth:`Terminal.meld`,
  :meth:`Terminal.fout`) to stderr;
- every piece of text is literal: a line is built from pieces, each a ``str`` or a ``(str, style)``
  pair, and each piece goes through :func:`regioplan.veilig.regel` (control and bidi characters shown,
  no line break, no workflow command). Nothing is parsed as rich markup, so ``[/]`` in a path or
  ``[bold]`` in a cell is printed as written;
- styles are named once, in :data:`STIJLEN`, and used by name.

``NO_COLOR`` and ``COLUMNS`` are honoured (tests fix them). rich is imported on first output, not on
import: every command module imports this one, and ``regioplan --help`` should not pay for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, TextIO

from ..veilig import regel

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console
    from rich.text import Text

#: Every style of the command line, by name. A command asks for ``"fout"``, never for a colour.
STIJLEN: dict[str, str] = {
    "fout": "bold red",
    "waarschuwing": "yellow",
    "kop": "bold underline",
    "nadruk": "bold",
    "zacht": "dim",
    "goed": "green",
    "tekort": "red",
}

#: A piece of a line: literal text, or literal text with the name of a style from :data:`STIJLEN`.
Deel = str | tuple[str, str]


def _breedte() -> int | None:
    kolommen = os.environ.get("COLUMNS", "")
    return int(kolommen) if kolommen.isdigit() and int(kolommen) > 0 else None


class Terminal:
    """stdout and stderr of one run. ``uit``/``fout`` default to the process's streams (looked up when
    written, so a test's capture works); ``breedte`` defaults to ``COLUMNS``."""

    def __init__(
        self, *, uit: TextIO | None = None, fout: TextIO | None = None, breedte: int | None = None
    ) -> None:
        self._uitstroom = uit
        self._foutstroom = fout
        self._breedte = breedte if breedte is not None else _breedte()

    # ---- the two rich consoles, made on first use

    def _maak(self, stroom: TextIO | None, stderr: bool) -> Console:
        from rich.console import Console
        from rich.theme import Theme

        return Console(
            file=stroom,
            stderr=stderr,
            width=self._breedte,
            markup=False,
            emoji=False,
            highlight=False,
            theme=Theme(STIJLEN),
        )

    @cached_property
    def _uit(self) -> Console:
        return self._maak(self._uitstroom, stderr=False)

    @cached_property
    def _fout(self) -> Console:
        return self._maak(self._foutstroom, stderr=True)

    # ---- building lines

    @staticmethod
    def tekst(*delen: Deel, stijl: str | None = None) -> Text:
        """One line from pieces; every piece is literal text, escaped for the terminal."""
        from rich.text import Text

        t = Text(style=STIJLEN[stijl] if stijl else "")
        for deel in delen:
            if isinstance(deel, tuple):
                t.append(regel(deel[0]), style=STIJLEN[deel[1]])
            else:
                t.append(regel(deel))
        return t

    # ---- output

    def data(self, tekst: str) -> None:
        """Machine-readable output (JSON, annotations, XML): stdout, as given, ending in one newline."""
        stroom = self._uitstroom or sys.stdout
        stroom.write(tekst if tekst.endswith("\n") else tekst + "\n")
        stroom.flush()

    def toon(self, *delen: Deel, stijl: str | None = None) -> None:
        """A line of a view for people (stdout). Into a file or CI log a line is never broken: a message a
        coordinator forwards to a gemeente stays whole (a terminal wraps it itself)."""
        self._uit.print(self.tekst(*delen, stijl=stijl), soft_wrap=not self._uit.is_terminal)

    def meld(self, *delen: Deel, stijl: str | None = None) -> None:
        """A message for the person at the terminal (stderr): progress, a summary, a written file."""
        self._fout.print(self.tekst(*delen, stijl=stijl), soft_wrap=True)  # a path stays on one line

    def fout(self, code: str, bericht: str, hint: str = "", *, soort: str = "fout") -> None:
        """``fout [code]: bericht`` and an indented hint (stderr)."""
        self.meld((soort, "fout"), f" [{code}]: ", bericht)
        if hint:
            self.meld("  hint: ", hint)

    def geschreven(self, pad: object) -> None:
        self.meld("geschreven: ", str(pad))

    def tabel(
        self,
        titel: str,
        koppen: Sequence[str],
        rijen: Iterable[Sequence[Deel | int | None]],
        *,
        rechts: Iterable[int] = (),
        totaalrijen: Iterable[int] = (),
    ) -> None:
        """A table to stdout. Cells are literal text (or ``(text, style)``); a value is never cut: a
        table wider than the terminal is printed at its own width and the terminal wraps the lines."""
        from rich import box
        from rich.cells import cell_len
        from rich.measure import Measurement
        from rich.table import Table

        rechts, totaalrijen = set(rechts), set(totaalrijen)
        cellen = [
            [self.tekst(c) if isinstance(c, (str, tuple)) else self.tekst(str(c)) for c in r] for r in rijen
        ]
        # Compact lines between columns and every column a fixed width: its widest value, or the longest
        # word of its header (headers fold). A 9-column table then fits in 100 columns, and rich skips
        # measuring each cell (which was most of the time of `bereken`).
        t = Table(
            title=self.tekst(titel),
            title_justify="left",
            header_style=STIJLEN["nadruk"],
            box=box.SIMPLE_HEAD,
            padding=(0, 1),
            pad_edge=False,
            collapse_padding=True,
        )
        breedtes = [
            max([r[i].cell_len for r in cellen] + [cell_len(w) for w in kop.split()] + [1])
            for i, kop in enumerate(koppen)
        ]
        for i, (kop, breedte) in enumerate(zip(koppen, breedtes, strict=True)):
            t.add_column(
                self.tekst(kop), justify="right" if i in rechts else "left", width=breedte, no_wrap=i == 0
            )
        for i, r in enumerate(cellen):
            totaal = i in totaalrijen
            t.add_row(*r, style=STIJLEN["nadruk"] if totaal else None, end_section=totaal)
        console = self._uit
        nodig = Measurement.get(console, console.options.update(width=10_000), t).maximum
        if nodig <= console.width:
            console.print(t)
            return
        from rich.segment import Segments

        regels = console.render_lines(t, console.options.update(width=nodig), new_lines=True)
        console.print(Segments([s for r in regels for s in r]), crop=False)


_terminal: Terminal | None = None


def terminal() -> Terminal:
    """The terminal of this process (made on first use)."""
    global _terminal
    if _terminal is None:
        _terminal = Terminal()
    return _terminal


# ---- shortcuts on the one terminal, for the common cases


def melding(*delen: Deel, stijl: str | None = None) -> None:
    """:meth:`Terminal.meld` on the one terminal."""
    terminal().meld(*delen, stijl=stijl)


def data(tekst: str) -> None:
    """:meth:`Terminal.data` on the one terminal."""
    terminal().data(tekst)


def veilig(waarde: object) -> str:
    """A value as it is shown on the terminal (:func:`regioplan.veilig.regel`). Output through
    :class:`Terminal` is escaped anyway; use this where text is put together for another writer."""
    return regel(waarde)
