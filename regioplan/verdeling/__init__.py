"""Distribution of the restopgave as in the Verdeelbesluit (``regioplan verdeel``).

:mod:`.model` holds the frozen data, :mod:`.stappen` the steps as pure functions, :mod:`.invoer`
the adapter from the workbooks (via the ``bereken`` result) to :class:`VerdeelInvoer`.
"""

from .model import (
    GemeenteInvoer,
    GemeenteVerdeling,
    Instellingen,
    Kansrijk,
    Paar,
    Uitsluiting,
    VerdeelInvoer,
    Verdeling,
)
from .stappen import verdeel

__all__ = [
    "GemeenteInvoer",
    "GemeenteVerdeling",
    "Instellingen",
    "Kansrijk",
    "Paar",
    "Uitsluiting",
    "VerdeelInvoer",
    "Verdeling",
    "verdeel",
]
