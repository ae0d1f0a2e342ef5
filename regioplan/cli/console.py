"""The one console: data to stdout, messages to stderr, markup never applied to workbook values.

Every command prints through this module, so colour, width and escaping are decided in one place
(``NO_COLOR`` and ``COLUMNS`` are honoured; tests fix them).

rich is imported on first use, not on import: every command module imports this one, and
``regioplan --help`` should not pay for a library it never uses. ``console.uit`` and ``console.fout``
are created when first touched (module ``__getattr__``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console
    from rich.text import Text

_breedte = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None


def _console(naam: str) -> Console:
    """``uit`` (stdout) or ``fout`` (stderr), built once; a console set from outside is respected."""
    bestaand = globals().get(naam)
    if bestaand is not None:
        return bestaand
    from rich.console import Console

    if naam == "uit":
        c = Console(soft_wrap=False, width=_breedte, highlight=False)
    else:
        c = Console(stderr=True, width=_breedte, highlight=False)
    globals()[naam] = c
    return c


def __getattr__(naam: str) -> object:
    if naam in ("uit", "fout"):
        return _console(naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def tekst(waarde: object) -> Text:
    """A value from a workbook as literal text: ``[Noord]`` stays ``[Noord]``."""
    from rich.text import Text

    return Text(str(waarde))


def melding(bericht: str, *, stijl: str = "") -> None:
    """A message for the person (stderr). ``bericht`` is our own text; workbook values must be escaped."""
    _console("fout").print(bericht, style=stijl or None)


def veilig(waarde: object) -> str:
    """Escape a workbook value for use inside our own markup."""
    from rich.markup import escape

    return escape(str(waarde))


def data(regel: str) -> None:
    """Machine-readable output (JSON, annotations): stdout, no markup, no wrapping."""
    sys.stdout.write(regel if regel.endswith("\n") else regel + "\n")


def tabel(
    titel: str,
    koppen: list[str],
    rijen: list[list[object]],
    *,
    rechts: set[int] = frozenset(),
    totaalrijen: set[int] = frozenset(),
) -> None:
    """A rich table to stdout; cell values are literal text."""
    from rich import box
    from rich.cells import cell_len
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    # Compact lines between columns and every column a fixed width: its widest value, or the longest word
    # of its header (headers fold). A 9-column table then fits in 100 columns, and rich skips measuring
    # each cell (which was most of the time of `bereken`). A value is never cut: on a narrower terminal
    # the table is printed at its own width and the terminal wraps the lines.
    t = Table(
        title=titel,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        pad_edge=False,
        collapse_padding=True,
    )
    breedtes = [
        max([cell_len(str(rij[i])) for rij in rijen] + [cell_len(w) for w in kop.split()] + [1])
        for i, kop in enumerate(koppen)
    ]
    for i, (kop, breedte) in enumerate(zip(koppen, breedtes, strict=True)):
        t.add_column(kop, justify="right" if i in rechts else "left", width=breedte, no_wrap=i == 0)
    for i, rij in enumerate(rijen):
        cellen = [c if isinstance(c, Text) else Text(str(c)) for c in rij]
        t.add_row(*cellen, style="bold" if i in totaalrijen else None, end_section=i in totaalrijen)
    console = _console("uit")
    nodig = Measurement.get(
        console, console.options.update(width=10_000), t
    ).maximum  # cheap: widths are fixed
    if nodig <= console.width:
        console.print(t)
        return
    from rich.segment import Segments

    regels = console.render_lines(t, console.options.update(width=nodig), new_lines=True)
    console.print(Segments([s for regel in regels for s in regel]), crop=False)
