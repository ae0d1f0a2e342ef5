"""regioplan: compiles regional and provincial reception plans (Spreidingswet) from gemeente workbooks.

The package is a library first: read -> validate -> compute -> render. The CLI in
``regioplan.cli`` is a thin layer over the functions exported here.
"""

__version__ = "0.2.0"
