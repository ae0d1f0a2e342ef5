"""Comparing rounds: ``regioplan verschil`` (what changed since the previous round) and ``verloop``.

- :mod:`.bron` opens a side: a folder, or a folder in a git revision (``REF:pad``), read with git;
- :mod:`.stand` is the frozen state of one round, built from the computation in one place;
- :mod:`.koppeling` matches the rows of two rounds (also renamed ones);
- :mod:`.vergelijk` is the comparison itself, a pure function;
- :mod:`.weergave` writes it as text, Markdown and JSON.
"""

from __future__ import annotations

from .stand import Stand
from .vergelijk import Verschil, spiegel, vergelijk

__all__ = ["Stand", "Verschil", "spiegel", "vergelijk"]
