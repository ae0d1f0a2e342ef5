"""The reports: the regional plan per regio and the provincial verslag, in Markdown and HTML.

- :mod:`.context` builds the documented context object (docs/sjablonen.md) from the computation;
- :mod:`.grafiek` computes the bar-chart geometry;
- :mod:`.filters` adapts values for the templates (formatting itself is :mod:`regioplan.opmaak`);
- :mod:`.omgeving` is the Jinja environment (user templates first, autoescape, StrictUndefined);
- :mod:`.schrijven` renders and writes reproducible files.

Jinja is imported only inside this package.
"""

from __future__ import annotations

from .context import bouw_context
from .schrijven import FORMATEN, render, schrijf_rapport

__all__ = ["FORMATEN", "bouw_context", "render", "schrijf_rapport"]
