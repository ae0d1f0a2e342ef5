"""Several reports side by side: a PDF takes seconds per report, so a set is made in parallel processes.

WeasyPrint lays out a report in one thread (about 0.35 s per A4 page on these machines, see
``benchmarks/pdf.py``), so ``--regio alle --formaat pdf`` or ``--publiceer`` for a province with six regio's
would take a minute or more one report after another. Each report is independent of the others, so
:func:`per_rapport` hands them to a pool of processes, one per processor core (at most one per report).

The result does not depend on the number of processes: every report is rendered from the same computed
result by the same function, the files have the same bytes, and the results come back in the order of the
keys, whatever order the processes finish in. With one process (``--processen 1``), one report, or only
text formats (md, html: milliseconds each) no pool is started.

Processes are started with ``spawn`` (a fresh interpreter, as on macOS and Windows): no fork of a process
that already holds Pango or thread state.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

#: Formats whose rendering takes seconds per report; only these are worth a process of their own.
TRAGE_FORMATEN = frozenset({"pdf", "docx"})


@dataclass(frozen=True)
class Voortgang:
    """One finished report of a set: ``nummer`` of ``totaal`` (1-based, in the order they finish)."""

    nummer: int
    totaal: int
    sleutel: str  #: the regio key, or the province key for the provincial verslag


def aantal_processen(rapporten: int, formaten: Sequence[str], gevraagd: int | None = None) -> int:
    """How many processes to use for ``rapporten`` reports in ``formaten``.

    ``gevraagd`` (``--processen``): an explicit number, at least 1; ``None``: the number of processor cores
    this process may use. Never more than the number of reports, and 1 when nothing slow is asked.
    """
    if gevraagd is not None:
        wens = max(1, gevraagd)
    else:
        wens = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if not TRAGE_FORMATEN & set(formaten):
        return 1
    return max(1, min(wens, rapporten))


def per_rapport(
    sleutels: Sequence[str],
    taak: Callable[[str], T],
    processen: int,
    voortgang: Callable[[Voortgang], None] | None = None,
    *,
    eerst: Sequence[str] = (),
) -> list[T]:
    """``[taak(s) for s in sleutels]``, in ``processen`` parallel processes when that is more than 1.

    ``taak`` must be picklable (a module-level function or a :func:`functools.partial` of one, with
    picklable arguments). An exception in a process is raised here, as if the task had run in this process;
    reports not yet started are not started. ``voortgang`` is called in this process after each report.
    ``eerst``: keys to start before the others (the provincial verslag, the longest: started last it would
    run alone at the end); the result is in the order of ``sleutels`` all the same.
    """
    totaal = len(sleutels)
    if processen <= 1 or totaal <= 1:
        uitkomsten = []
        for nummer, sleutel in enumerate(sleutels, start=1):
            uitkomsten.append(taak(sleutel))
            if voortgang is not None:
                voortgang(Voortgang(nummer, totaal, sleutel))
        return uitkomsten
    klaar: dict[int, T] = {}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processen, mp_context=context) as pool:
        volgorde = sorted(range(totaal), key=lambda i: sleutels[i] not in eerst)  # stable: else key order
        toekomst = {pool.submit(taak, sleutels[i]): i for i in volgorde}
        try:
            for f in as_completed(toekomst):
                i = toekomst[f]
                klaar[i] = f.result()
                if voortgang is not None:
                    voortgang(Voortgang(len(klaar), totaal, sleutels[i]))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)  # what has not started, never starts
            raise
    return [klaar[i] for i in range(totaal)]
