"""nbconvert set-up: one reusable HTMLExporter per edition, with the ``handout`` template.

The two editions differ only in which cell tags nbconvert's ``TagRemovePreprocessor`` removes
and in the edition our preprocessors render quizzes for (both decided in :mod:`.editions`).
Input and output prompts are left out (their stock colour fails contrast); local Markdown
images are embedded so pages stand alone.
"""

from __future__ import annotations

from importlib import resources as package_files
from pathlib import Path
from typing import Any, Final

from nbconvert import HTMLExporter
from nbformat import NotebookNode
from traitlets.config import Config

from ..names import INSTRUCTOR_TAG, QUIZ_TAG, REMOVE_INPUT_TAG, SOLUTION_TAG
from .editions import Edition, removed_cell_tags
from .preprocessors import HANDOUT_PREPROCESSORS

TEMPLATE_NAME: Final = "handout"
LAB_CSS_FILES: Final = ("static/index.css", "static/theme-light.css")


def template_root() -> Path:
    """The folder holding our nbconvert template(s)."""
    return Path(str(package_files.files("skinlessons.handouts") / "templates"))


def _config(edition: Edition) -> Config:
    config = Config()
    config.HTMLExporter.template_name = TEMPLATE_NAME
    config.HTMLExporter.extra_template_basedirs = [str(template_root())]
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.HTMLExporter.embed_images = True
    config.HTMLExporter.exclude_anchor_links = True
    config.HTMLExporter.theme = "light"
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(removed_cell_tags(edition))
    config.TagRemovePreprocessor.remove_input_tags = {REMOVE_INPUT_TAG, QUIZ_TAG}
    return config


def make_exporter(edition: Edition) -> HTMLExporter:
    """An HTMLExporter for one edition, with the handout preprocessors registered in order."""
    exporter = HTMLExporter(config=_config(edition))
    for preprocessor in HANDOUT_PREPROCESSORS:
        exporter.register_preprocessor(preprocessor(), enabled=True)
    return exporter


def lab_css(exporter: HTMLExporter) -> str:
    """The lab template's own stylesheet (light theme), as nbconvert would inline it."""
    environment = exporter.environment
    return "\n".join(environment.loader.get_source(environment, name)[0] for name in LAB_CSS_FILES)


def export_page(
    exporter: HTMLExporter,
    notebook: NotebookNode,
    *,
    context: dict[str, Any],
    page: dict[str, Any],
    notebook_folder: Path,
) -> tuple[str, dict[str, Any]]:
    """Export one executed notebook as one handout page.

    Args:
        exporter: the edition's exporter (from :func:`make_exporter`), reused across pages.
        notebook: the executed notebook; nbconvert works on a copy, never changes it.
        context: what our preprocessors read (edition, notebook name, quizzes, cite, cell numbers).
        page: what the template reads besides the notebook (titles, navigation, dates).
        notebook_folder: the lesson's folder, for Markdown images given by a relative path.

    Returns:
        The HTML text and the resources (``resources["handout"]`` holds notes and references).
    """
    resources: dict[str, Any] = {
        "metadata": {"name": page["title"], "path": str(notebook_folder)},
        "skinlessons": context,
        "handout": {
            **page,
            "tags": {"instructor": INSTRUCTOR_TAG, "solution": SOLUTION_TAG},
        },
    }
    body, resources = exporter.from_notebook_node(notebook, resources=resources)
    return body, resources
