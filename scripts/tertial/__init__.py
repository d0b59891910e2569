"""tertial: goals and results of Stockholm's district councils, as open data.

Stages (each a pure function of files on disk):
sources/ -> extract -> curate -> package (datapackages/) -> charts and pages -> MkDocs -> build/site/
"""

__version__ = "0.1.0"
