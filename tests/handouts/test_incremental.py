"""Rebuilds do only what changed: prose edits execute nothing, code edits execute one lesson.

Executions are counted through the cache: a notebook a kernel ran is stored again (a new
entry file, or the old one rewritten); one that was reused leaves its entry untouched.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from testkit.handouts import Build, copy_course, run_build

pytestmark = pytest.mark.slow

EDITED = "01_basics"
OLD_PROSE = "read a simple depth figure [R2]."
NEW_PROSE = "read a simple depth figure [R2] and tell it from a tool [R4]. PROSE-EDIT-ZETA"
OLD_NOTE = "TEACHING-NOTE-ALPHA"
NEW_NOTE = "TEACHING-NOTE-OMEGA"
HEAVY_MODULES = ("nbformat", "nbclient", "nbconvert", "matplotlib", "ipywidgets")


def _cache_entries(build: Build) -> dict[str, int]:
    """Each cache entry's file name and modification time (ns)."""
    return {path.name: path.stat().st_mtime_ns for path in sorted(build.cache.glob("*.ipynb"))}


def _edit_cell(course: Path, stem: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the one cell of a lesson that contains it."""
    path = course / "notebooks" / f"{stem}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    [cell] = [cell for cell in notebook.cells if old in cell.source]
    cell.source = cell.source.replace(old, new)
    nbformat.write(notebook, path)


@dataclass
class ProseEdit:
    """A cold build, then a rebuild after editing two markdown cells of one lesson."""

    cold: Build
    cold_page: str
    rebuilt: Build
    cache_before: dict[str, int]
    cache_after: dict[str, int]


@pytest.fixture(scope="module")
def prose_edit(tmp_path_factory: pytest.TempPathFactory) -> ProseEdit:
    root = tmp_path_factory.mktemp("prose-edit")
    course = copy_course(root / "course")
    cold = run_build(course, root)
    assert cold.report.ok, cold.report.problems
    before = _cache_entries(cold)
    cold_page = cold.page("trainee", EDITED)
    _edit_cell(course, EDITED, OLD_PROSE, NEW_PROSE)
    _edit_cell(course, EDITED, OLD_NOTE, NEW_NOTE)
    rebuilt = run_build(course, root)
    return ProseEdit(cold, cold_page, rebuilt, before, _cache_entries(rebuilt))


def test_markdown_edit_executes_nothing(prose_edit: ProseEdit) -> None:
    """After a prose-only edit every lesson comes from the cache and no entry is rewritten."""
    assert prose_edit.rebuilt.report.ok, prose_edit.rebuilt.report.problems
    statuses = {r.name: r.status for r in prose_edit.rebuilt.report.executions}
    assert statuses == dict.fromkeys(
        ["01_basics.ipynb", "02_tools.ipynb", "03_final.ipynb"], "cached"
    )
    assert len(prose_edit.cache_before) == 3
    assert prose_edit.cache_after == prose_edit.cache_before


def test_markdown_edit_exports_the_new_prose(prose_edit: ProseEdit) -> None:
    """The page holds the edited prose, in each edition the cell belongs to, with its outputs."""
    for edition in ("trainee", "instructor"):
        page = prose_edit.rebuilt.page(edition, EDITED)
        assert "PROSE-EDIT-ZETA" in page
        assert "LESSON-OUTPUT-DELTA" in page  # the cached code output is still there
    instructor = prose_edit.rebuilt.page("instructor", EDITED)
    assert NEW_NOTE in instructor and OLD_NOTE not in instructor
    assert NEW_NOTE not in prose_edit.rebuilt.page("trainee", EDITED)


def test_markdown_edit_updates_the_reference_list(prose_edit: ProseEdit) -> None:
    """A marker added in prose is linked and listed, although nothing was executed."""
    assert '<li id="ref-R4">' not in prose_edit.cold_page
    page = prose_edit.rebuilt.page("trainee", EDITED)
    assert '<a href="#ref-R4">[R4]</a>' in page
    assert '<li id="ref-R4">' in page


def test_markdown_edit_reexports_only_that_lesson(prose_edit: ProseEdit) -> None:
    """Only the edited lesson's pages are written again; the others are left as they are."""
    lines = prose_edit.rebuilt.lines
    for edition in ("trainee", "instructor"):
        assert any(line.startswith(f"wrote     {edition}/{EDITED}.html") for line in lines)
        assert f"unchanged {edition}/02_tools.html" in lines
    assert "unchanged instructor/03_final.html" in lines


def test_quiz_cells_are_rendered_once_at_export(prose_edit: ProseEdit) -> None:
    """The kernel does not run the quiz cell (its cached outputs are empty); the page has it."""
    [entry] = prose_edit.cold.cache.glob(f"{EDITED}.*.ipynb")
    executed = nbformat.read(entry, as_version=4)
    [quiz_cell] = [cell for cell in executed.cells if "quiz" in cell.metadata.get("tags", [])]
    assert quiz_cell.outputs == []
    assert 'class="quiz quiz-form"' in prose_edit.rebuilt.page("trainee", EDITED)


def test_code_edit_executes_that_lesson_again(prose_edit: ProseEdit, tmp_path: Path) -> None:
    """Editing a code cell runs that lesson again (a new cache entry) and no other."""
    course = tmp_path / "course"
    shutil.copytree(prose_edit.rebuilt.course, course)
    shutil.copytree(prose_edit.rebuilt.cache, tmp_path / "cache")
    before = prose_edit.cache_after
    _edit_cell(course, EDITED, "LESSON-OUTPUT-DELTA", "LESSON-OUTPUT-KAPPA")
    build = run_build(course, tmp_path)
    assert build.report.status_of("01_basics.ipynb") == "executed"
    assert build.report.status_of("02_tools.ipynb") == "cached"
    after = _cache_entries(build)
    unchanged = {name for name in after if before.get(name) == after[name]}
    assert unchanged == {name for name in before if not name.startswith(EDITED)}
    assert [name for name in after if name.startswith(EDITED)] != [
        name for name in before if name.startswith(EDITED)
    ]
    assert "LESSON-OUTPUT-KAPPA" in build.page("trainee", EDITED)
    assert "PROSE-EDIT-ZETA" in build.page("trainee", EDITED)


NOOP_SCRIPT = """
import json, sys
from pathlib import Path
from skinlessons.handouts import BuildOptions, build_handouts
course, out, cache = (Path(arg) for arg in sys.argv[1:4])
report = build_handouts(BuildOptions(course=course, out=out, cache_dir=cache))
print(json.dumps({
    "ok": report.ok,
    "statuses": sorted({r.status for r in report.executions}),
    "loaded": [name for name in sys.argv[4].split(",") if name in sys.modules],
}))
"""


def test_noop_build_decides_before_loading_heavy_libraries(prose_edit: ProseEdit) -> None:
    """A build with nothing to do reports every lesson cached without loading nbformat & co."""
    rebuilt = prose_edit.rebuilt
    done = subprocess.run(
        [
            *(sys.executable, "-c", NOOP_SCRIPT),
            *(str(rebuilt.course), str(rebuilt.out), str(rebuilt.cache)),
            ",".join(HEAVY_MODULES),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result == {"ok": True, "statuses": ["cached"], "loaded": []}
    assert _cache_entries(rebuilt) == prose_edit.cache_after
