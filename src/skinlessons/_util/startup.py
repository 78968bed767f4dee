"""Start-up cost a command need not pay: an optional checker nbformat never uses.

nbformat imports jsonschema, and jsonschema registers ``iri`` / ``iri-reference`` format
checks when ``rfc3987_syntax`` is installed (JupyterLab's ``jupyter-events`` installs it).
That module builds about forty lark grammars as it is imported: about 1.1 s on a 2-core
machine, in every ``skinlessons build`` process. nbformat's notebook schemas use no IRI
format, so a build that never checks IRIs can go without it.
"""

from __future__ import annotations

import sys
from typing import Final

IRI_CHECKER: Final = "rfc3987_syntax"


def without_iri_format_checks() -> None:
    """Keep jsonschema from loading its IRI format checker in this process.

    Call it before anything imports jsonschema (nbformat does): an entry of None in
    ``sys.modules`` makes that optional import fail, which jsonschema expects and skips.
    It changes nothing once jsonschema has been imported, or if the checker is already loaded.
    """
    if "jsonschema" not in sys.modules and IRI_CHECKER not in sys.modules:
        sys.modules[IRI_CHECKER] = None  # type: ignore[assignment]  # what Python documents
