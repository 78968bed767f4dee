"""The handout folder around the lesson pages: shared assets, the index page, navigation, dates.

Each edition folder gets ``assets/`` written once (lab stylesheet, code colours, handout
stylesheet, the quiz and print scripts) and an ``index.html`` listing the lessons with their
durations and objectives from ``quizzes/objectives.yaml``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._util.jinja import environment
from .editions import Edition

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from ..quiz.models import Lesson

ASSETS_DIR: Final = "assets"
STYLESHEETS: Final = ("lab.css", "pygments.css", "handout.css")
QUIZ_SCRIPT: Final = "quiz.js"
"""The self-checks of formative quizzes: trainee pages only (instructor pages show the key)."""
PRINT_SCRIPT: Final = "print.js"
"""Opens the optional "Deeper" parts while a page prints: every page."""
SCRIPTS: Final = (QUIZ_SCRIPT, PRINT_SCRIPT)
FORMS_CSS: Final = "forms.css"
"""The stylesheet of the practitioner forms (:mod:`.forms`), loaded after ``handout.css``."""
ASSET_FILES: Final = (*STYLESHEETS, FORMS_CSS, *SCRIPTS)
INDEX_TEMPLATE: Final = "course_index.html.j2"
EDITION_LABELS: Final[dict[str, str]] = {
    "trainee": "Trainee edition",
    "instructor": "Instructor edition: contains answer keys, do not share with trainees",
}
INDEX_INTROS: Final[dict[str, str]] = {
    "trainee": "Read a lesson here or print it; open the notebook in JupyterLab to run the "
    "code and use the interactive tools. The final assessment is taken in the notebook.",
    "instructor": "Every lesson with instructor notes, worked solutions, answer keys and "
    "explanations, and the final assessment.",
}


@dataclass(frozen=True)
class PageLink:
    """A link to a lesson page: where it is and its title."""

    href: str
    title: str


def asset_paths(kind: tuple[str, ...]) -> list[str]:
    """Relative URLs of shared assets, as written in pages."""
    return [f"{ASSETS_DIR}/{name}" for name in kind]


def page_scripts(edition: Edition) -> list[str]:
    """Relative URLs of the scripts a lesson page of the edition loads."""
    return asset_paths(SCRIPTS if edition == "trainee" else (PRINT_SCRIPT,))


def write_assets(edition_dir: Path, lab_css: str) -> Path:
    """Write the shared stylesheets and the quiz script into ``<edition>/assets/`` once."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbformat.v4 import new_notebook

    folder = edition_dir / ASSETS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    static = package_files.files("skinlessons.handouts") / "templates" / "handout" / "static"
    pygments_css = CSSHTMLHeaderPreprocessor().preprocess(new_notebook(), {"config_dir": ""})[1]
    files = {
        "lab.css": lab_css,
        "pygments.css": "\n".join(pygments_css["inlining"]["css"]),
        **{
            name: (static / name).read_text(encoding="utf-8")
            for name in ("handout.css", FORMS_CSS, *SCRIPTS)
        },
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def lesson_title(stem: str, notebook: NotebookNode, lesson: Lesson | None) -> str:
    """The lesson's title: objectives.yaml, else notebook metadata, else the file stem."""
    if lesson is not None:
        return lesson.title
    title = notebook.metadata.get("title")
    return str(title) if title else stem.replace("_", " ").strip().capitalize()


def last_reviewed(path: Path, notebook: NotebookNode, today: dt.date) -> tuple[str, str]:
    """The date the lesson was last reviewed (ISO) and where that date comes from.

    The notebook's last git commit date, else ``metadata.skinlessons.last_reviewed``, else the
    build date.
    """
    try:
        completed = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        committed = completed.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        committed = ""
    if _is_iso_date(committed):
        return committed, "date of the last change to the lesson"
    declared = notebook.metadata.get("skinlessons", {}).get("last_reviewed")
    if declared:
        return str(declared), "recorded in the lesson"
    return today.isoformat(), "build date"


def _is_iso_date(text: str) -> bool:
    """True when ``text`` is an ISO date (what ``git log --format=%cs`` prints)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def write_index(
    edition_dir: Path,
    edition: Edition,
    lessons: list[dict[str, Any]],
    build_date: dt.date,
    course_title: str,
    forms: list[dict[str, str]],
) -> Path:
    """Write ``<edition>/index.html``: the lessons of this edition, durations and objectives,
    and the links to the practitioner ``forms`` (``href``, ``title``, ``summary`` each)."""
    heading = "Lesson handouts" if edition == "trainee" else "Lesson handouts for instructors"
    template = environment("skinlessons.handouts", "templates/handout").get_template(INDEX_TEMPLATE)
    html = template.render(
        heading=heading,
        course_title=course_title,
        edition=edition,
        edition_label=EDITION_LABELS[edition],
        intro=INDEX_INTROS[edition],
        lessons=lessons,
        forms=forms,
        stylesheets=asset_paths(STYLESHEETS),
        show_objective_ids=edition == "instructor",
        build_date=build_date.isoformat(),
    )
    path = edition_dir / "index.html"
    path.write_text(html, encoding="utf-8")
    return path
