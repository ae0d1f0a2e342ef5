"""Shared test set-up: fixed environment, helpers to build real workbooks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["NO_COLOR"] = "1"
os.environ["COLUMNS"] = "100"
os.environ["TZ"] = "Europe/Amsterdam"

REPO = Path(__file__).resolve().parent.parent
VOORBEELD = REPO / "voorbeelddata" / "overijssel-2024"


@pytest.fixture
def repo() -> Path:
    return REPO
