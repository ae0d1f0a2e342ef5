"""The command-line interface: thin, Dutch, one module per command.

Each command turns options into arguments, makes one library call, presents the result and sets the
exit code. Fatal errors (:class:`regioplan.fouten.RegioplanFout`) are caught here, in one place:
exit 2 with a Dutch message; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from .nederlands import COMMANDO, HULPTEKST, OPTIES, Context, maak_nederlands


class _Nederlands:
    """What makes a click command Dutch, mixed in before typer's command class: Dutch value types and
    argument names (:func:`.nederlands.maak_nederlands`), Dutch text for ``-h/--help`` (click only offers
    its English text, so set it on the cached option) and a usage error that knows its command."""

    params: list[Any]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        maak_nederlands(self.params)

    def get_help_option(self, ctx):
        optie = super().get_help_option(ctx)  # type: ignore[misc]  # a mixin before click's Command
        if optie is not None:
            optie.help = HULPTEKST
        return optie

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except UsageError as fout:  # click's parser raises "requires an argument" without its command
            if fout.ctx is None:
                fout.ctx = ctx
            raise


class _Commando(_Nederlands, TyperCommand):
    context_class = Context


class _Groep(_Nederlands, TyperGroup):
    context_class = Context


class _App(typer.Typer):
    """Every command registered on this app is made Dutch (:class:`_Nederlands`) without asking."""

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs):
        kwargs.setdefault("options_metavar", OPTIES)
        return super().command(name, cls=cls or _Commando, **kwargs)


app = _App(
    cls=_Groep,
    name="regioplan",
    help=(
        "Stelt het regionaal plan en het provinciaal verslag voor de opvang (Spreidingswet) samen uit de "
        "uitvraag-werkboeken van gemeenten.\n\n"
        "Werkwijze: maak met 'sjabloon' de werkboeken voor de gemeenten, controleer de ingevulde werkboeken "
        "met 'valideer', reken met 'bereken' en schrijf het rapport met 'rapport'."
    ),
    no_args_is_help=True,
    options_metavar=OPTIES,
    subcommand_metavar=COMMANDO,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug = False


def _versie(waarde: bool) -> None:
    if waarde:
        typer.echo(f"regioplan {__version__}")
        raise typer.Exit()


@app.callback()
def hoofd(
    versie: Annotated[
        bool,
        typer.Option(
            "--version", "--versie", callback=_versie, is_eager=True, help="Toon de versie en stop."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
    ] = False,
) -> None:
    """regioplan: regionale en provinciale plannen Spreidingswet."""
    global _debug
    _debug = debug


#: The command modules in the order of a round (``regioplan --help`` lists the commands in this order).
VOLGORDE = ("sjabloon", "valideer", "bereken", "rapport", "verschil", "verloop", "verdeel")


def _registreer() -> None:
    """Import the command modules (each registers its commands on :data:`app`) in :data:`VOLGORDE`."""
    import importlib

    for naam in VOLGORDE:
        importlib.import_module(f"{__name__}.{naam}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    from ..fouten import RegioplanFout

    _registreer()
    try:
        code = app(args=argv, standalone_mode=False)
        return code if isinstance(code, int) else 0
    except RegioplanFout as fout:
        from .console import terminal

        terminal().fout(fout.code, fout.bericht, fout.hint)
        if _debug:
            raise
        return 2
    except OSError as fout:  # the machine, not regioplan and not the workbooks: name the path and the cause
        from ..fouten import oorzaak
        from .console import terminal

        pad = f"'{fout.filename}': " if fout.filename else ""
        terminal().fout(
            "omgeving",
            f"{pad}{oorzaak(fout)}.",
            "Dit ligt aan de computer of de rechten, niet aan regioplan of de werkboeken.",
        )
        if _debug or "--debug" in (argv or sys.argv):
            raise
        return 2
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        return 1
    except SystemExit as e:  # click's usage errors already printed their message
        return e.code if isinstance(e.code, int) else 2
    except Exception as e:  # a broken tool must never look like a broken submission
        from .console import terminal

        if hasattr(e, "show") and hasattr(e, "exit_code"):  # click's usage errors (typer vendors click)
            from .nederlands import alleen_hulp, gebruiksfout

            if (
                hulp := alleen_hulp(e)
            ) is not None:  # 'regioplan' alone: the help on stderr, exit 2 (as click)
                for regel in hulp.splitlines():
                    terminal().meld(regel)
                return 2
            bericht, gebruik, hint = gebruiksfout(e)
            terminal().meld(("fout", "fout"), " [gebruik]: ", bericht)
            if gebruik:
                terminal().meld("  ", gebruik)
            terminal().meld("  hint: ", hint)
            return e.exit_code if isinstance(e.exit_code, int) and e.exit_code else 2
        if _debug or "--debug" in (argv or sys.argv):
            raise
        terminal().meld(("interne fout", "fout"), f": {type(e).__name__}: {e}")
        terminal().meld(
            "  Dit is een fout in regioplan, niet in de werkboeken. Draai opnieuw met --debug en meld de "
            "uitvoer."
        )
        return 2


def run() -> None:  # pragma: no cover
    sys.exit(main())
