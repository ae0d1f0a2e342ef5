"""The Jinja environment: where templates come from, escaping, strictness, filters.

Templates are looked up by name in the user's folder (``--sjablonen``) first, then in the built-in
set: ``regioplan/templates`` inside an installed wheel, or the repository's top-level ``templates/``
when running from a checkout. HTML templates are autoescaped, so text from a workbook can never
become markup; an unknown variable is an error (StrictUndefined), never an empty cell in a report.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

import regioplan

from ..fouten import RegioplanFout
from .filters import FILTERS

#: Prefix that names a built-in template also when an own template has the same name, so an own
#: ``regionaal-plan.md.j2`` can ``{% extends "ingebouwd:regionaal-plan.md.j2" %}`` and replace one chapter.
INGEBOUWD = "ingebouwd:"

#: Template names whose output is HTML (autoescaped).
HTML_EXTENSIES = ("html", "html.j2", "svg.j2")


def ingebouwde_sjablonen() -> Path:
    """The built-in templates: packaged with the wheel, or the repo's ``templates/`` in a checkout."""
    pakket = Path(regioplan.__file__).resolve().parent
    for kandidaat in (pakket / "templates", pakket.parent / "templates"):
        if kandidaat.is_dir():
            return kandidaat
    raise RegioplanFout(
        "sjablonen-ontbreken",
        "De ingebouwde rapportsjablonen zijn niet gevonden.",
        "Installeer regioplan opnieuw (het wheel bevat regioplan/templates).",
    )


def maak_omgeving(sjablonen: Path | None = None) -> jinja2.Environment:
    """The environment for the reports; ``sjablonen`` overrides built-in templates by name.

    The built-in environment is made once per process, so several reports compile each template once.
    A user folder gets a fresh environment every time: its files may be edited between two reports.
    """
    if sjablonen is None:
        return _ingebouwde_omgeving()
    return _nieuwe_omgeving(sjablonen)


@functools.cache
def _ingebouwde_omgeving() -> jinja2.Environment:
    return _nieuwe_omgeving(None)


class _Bytecodecache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs, in a private folder of the user (:func:`cachemap`).

    Compiling the built-in templates takes about half a second, longer than rendering the example
    reports; every ``regioplan rapport`` paid it again. Jinja keys each entry on the template's name and
    checks the source's checksum, so an edited template (also in ``--sjablonen``) is compiled afresh.
    Output does not depend on the cache. A folder that cannot be read or written only costs time.

    Loaded bytecode is code: the folder is never a shared one (the earlier ``/tmp`` folder persisted
    between jobs of a reused runner). It is the user's own cache folder, created readable by the user
    only, and used only while it still is (owner and permissions are checked before each run).
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


#: ``REGIOPLAN_CACHE=0`` switches the cache off (a runner shared by jobs of different trust); any other
#: value is the folder to use instead of the platform's cache folder.
CACHE_VARIABELE = "REGIOPLAN_CACHE"


def cachemap() -> Path | None:
    """The folder for compiled templates, or None (no cache): ``$REGIOPLAN_CACHE``, else the platform's
    per-user cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS,
    ``%LOCALAPPDATA%`` on Windows) + ``regioplan/jinja-<version>``."""
    eigen = os.environ.get(CACHE_VARIABELE, "")
    if eigen.lower() in ("0", "uit", "nee", "false", "off"):
        return None
    if eigen:
        return Path(eigen)
    if sys.platform == "win32":
        basis = os.environ.get("LOCALAPPDATA", "")
        if not basis:
            return None
        wortel = Path(basis)
    elif sys.platform == "darwin":
        wortel = Path.home() / "Library" / "Caches"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        wortel = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return wortel / "regioplan" / f"jinja-{regioplan.__version__}"


def _prive(map_: Path) -> bool:
    """Create ``map_`` for this user only; True when it exists, is ours and nobody else can write or read
    it."""
    try:
        map_.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = map_.lstat()
    except (OSError, RuntimeError):
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077):
        return False
    return True


@functools.cache
def _bytecodecache() -> jinja2.BytecodeCache | None:
    map_ = cachemap()
    if map_ is None or not _prive(map_):
        return None
    return _Bytecodecache(str(map_))


class _Omgeving(ImmutableSandboxedEnvironment):
    """A sandboxed environment in which ``{{ d.naam }}`` on a dict means the key ``naam``, before any method.

    Sandboxed (Jinja's immutable sandbox): an own template (``--sjablonen``, perhaps changed in a pull
    request) can read the report context and call the filters, but cannot reach Python internals
    (``__class__``, ``__globals__``, ``mro``), call unsafe functions or change the context's lists and dicts;
    trying it stops the report with ``sjabloon-fout``. The built-in templates run in the same sandbox.

    The report context is typed, frozen objects (:mod:`regioplan.rapport.context`), read as attributes; a
    few of its values are dicts (``h``, ``grafieken``), and own templates may pass dicts of their own.
    Jinja's own ``getattr`` tries the Python attribute first and the key only after an AttributeError;
    keys first for dicts is clearer (a key called ``items`` is the value); without such a key Jinja's own
    lookup follows, so ``{% for k, v in d.items() %}`` in an own template still works.
    """

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _nieuwe_omgeving(sjablonen: Path | None) -> jinja2.Environment:
    mappen: list[jinja2.BaseLoader] = []
    if sjablonen is not None:
        if not sjablonen.is_dir():
            raise RegioplanFout(
                "optie-ongeldig",
                f"--sjablonen '{sjablonen}' is geen map.",
                "Geef een map met .j2-bestanden op die de ingebouwde sjablonen op naam vervangen.",
            )
        mappen.append(jinja2.FileSystemLoader(str(sjablonen), encoding="utf-8"))
    ingebouwd = jinja2.FileSystemLoader(str(ingebouwde_sjablonen()), encoding="utf-8")
    mappen.insert(0, jinja2.PrefixLoader({INGEBOUWD[:-1]: ingebouwd}, delimiter=":"))
    mappen.append(ingebouwd)
    env = _Omgeving(
        loader=jinja2.ChoiceLoader(mappen),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=HTML_EXTENSIES, default_for_string=False, default=False
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecodecache(),
    )
    env.filters.update(FILTERS)
    return env
