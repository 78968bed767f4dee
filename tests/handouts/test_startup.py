"""A build process goes without jsonschema's IRI checker, and nbformat still validates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROGRAM = """
import sys
from skinlessons._util.startup import IRI_CHECKER, without_iri_format_checks
without_iri_format_checks()
import nbformat
from nbformat.v4 import new_code_cell, new_notebook
good = new_notebook(cells=[new_code_cell("1 + 1")])
nbformat.validate(good)
bad = new_notebook(cells=[new_code_cell("1 + 1")])
bad.cells[0]["outputs"] = [{"output_type": "display_data", "data": {"text/html": 5}}]
try:
    nbformat.validate(bad)
except nbformat.ValidationError:
    print("invalid notebook refused")
print("checker loaded" if sys.modules.get(IRI_CHECKER) else "checker not loaded")
"""


def test_nbformat_validates_without_the_iri_checker() -> None:
    """In a fresh process: the checker is never imported; good and bad notebooks are told apart."""
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.splitlines() == ["invalid notebook refused", "checker not loaded"]


def test_the_cli_build_goes_without_it(tmp_path: Path) -> None:
    """`skinlessons build` (here on a folder that is no course) never loads the checker."""
    program = (
        "import sys\n"
        "from skinlessons.cli import main\n"
        f"sys.argv = ['skinlessons', 'build', '--course', {str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import nbformat\n"
        "print('checker loaded' if sys.modules.get('rfc3987_syntax') else 'checker not loaded')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "checker not loaded"
