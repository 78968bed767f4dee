"""The glossary page from the data, the first-use links in lessons, and their handout form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_markdown_cell, new_notebook

from skinlessons.check import check_course
from skinlessons.facts import load_facts
from skinlessons.facts.glossary import GlossaryTerm
from skinlessons.handouts.rewrites import NotebookLinkPreprocessor
from skinlessons.lesson_html.glossary import entry_link, first_uses, glossary_html
from skinlessons.lessons.glossary_links import glossary_link_problems
from skinlessons.names import GLOSSARY_STEM, NOTEBOOK_DIR, QUIZ_DIR

REPO = Path(__file__).resolve().parents[2]


def term(term_id: str, name: str, *also: str) -> GlossaryTerm:
    return GlossaryTerm(
        id=term_id, term=name, also=list(also), definition="A definition.", references=["R1"]
    )


TERMS = [
    term("tca", "trichloroacetic acid", "TCA"),
    term("cross", "CROSS", "TCA CROSS"),
    term("stratum-corneum", "stratum corneum", "SC"),
    term("erythema", "erythema"),
    term("pie", "post-inflammatory erythema", "PIE"),
]


def uses(*texts: str) -> list[tuple[str, int, str, bool]]:
    cells = list(enumerate(texts))
    return [
        (use.term_id, use.cell, texts[use.cell][use.start : use.end], use.linked)
        for use in first_uses(cells, TERMS)
    ]


def test_the_page_lists_every_term_of_the_data_with_its_anchor_and_sources() -> None:
    facts = load_facts()
    soup = BeautifulSoup(glossary_html(facts.glossary.values(), facts.references), "html.parser")
    entries = soup.select("dl.skinlessons-glossary > dt")
    assert {entry["id"] for entry in entries} == {f"term-{i}" for i in facts.glossary}
    names = [entry.strong.get_text() for entry in entries if entry.strong]
    assert names == sorted(names, key=str.casefold)
    assert "Sources: [R4]" in soup.get_text()


def test_the_longest_name_wins_and_case_matters_for_abbreviations() -> None:
    assert uses("Ask about TCA CROSS, then sc and SC.", "Plain TCA here.") == [
        ("cross", 0, "TCA CROSS", False),
        ("stratum-corneum", 0, "SC", False),
        ("tca", 1, "TCA", False),
    ]
    assert uses("Post-inflammatory erythema, then erythema.") == [
        ("pie", 0, "Post-inflammatory erythema", False),
        ("erythema", 0, "erythema", False),
    ]


def test_headings_code_and_other_links_are_not_uses() -> None:
    text = "## The SC\n`SC` and [SC](https://example.org/SC) and [R1]; then SC."
    assert uses(text) == [("stratum-corneum", 0, "SC", False)]
    (use,) = first_uses([(0, text)], TERMS)
    assert text[use.start - 5 : use.end] == "then SC"


def test_a_link_to_the_terms_own_entry_counts_as_linked() -> None:
    linked = f"[TCA]({entry_link('tca')}) first."
    wrong = f"[TCA]({entry_link('cross')}) first, then TCA."
    assert uses(linked) == [("tca", 0, "TCA", True)]
    assert uses(wrong) == [("tca", 0, "TCA", False)]


def test_the_rule_names_the_cell_and_the_link_to_write() -> None:
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Title"),
            new_markdown_cell("A note on PIE.", metadata={"tags": ["instructor"]}),
            new_markdown_cell("Then PIE, and a [link](glossary.ipynb#term-nothing)."),
        ]
    )
    problems = glossary_link_problems(nb, TERMS)
    assert [(p.cell, p.message, p.fix) for p in problems] == [
        (
            2,
            "the first use of the glossary term 'PIE' does not link to its entry",
            "write it as [PIE](glossary.ipynb#term-pie).",
        ),
        (
            2,
            "a link to glossary.ipynb#term-nothing, which is no entry of the glossary",
            "link to an entry the glossary data has (term-<id> of glossary.yaml), or add the "
            "term there.",
        ),
    ]


def test_check_finds_an_unlinked_first_use_in_a_lesson_copy(tmp_path: Path) -> None:
    course = tmp_path / "course"
    for folder in (NOTEBOOK_DIR, QUIZ_DIR):
        shutil.copytree(REPO / folder, course / folder)
    notebook = course / NOTEBOOK_DIR / "05_manual.ipynb"
    stored = json.loads(notebook.read_text("utf-8"))
    text = json.dumps(stored).replace(
        "[vellus hair](glossary.ipynb#term-vellus-hair)", "vellus hair", 1
    )
    notebook.write_text(text, "utf-8")
    lines = [finding.format() for finding in check_course(course, only=["lessons"]).errors]
    assert len(lines) == 1
    assert "the first use of the glossary term 'vellus hair' does not link to its entry" in lines[0]


def test_the_glossary_notebook_is_no_lesson_and_shows_the_data() -> None:
    nb = nbformat.read(REPO / NOTEBOOK_DIR / f"{GLOSSARY_STEM}.ipynb", as_version=4)
    assert [c.source for c in nb.cells if c.cell_type == "code"] == [
        "from skinlessons import glossary\n\nglossary.show_glossary()"
    ]
    report = check_course(REPO, only=["lessons"])
    assert not [f for f in report.findings if GLOSSARY_STEM in f.text]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("See [PIH](glossary.ipynb#term-pih).", "See [PIH](glossary.html#term-pih)."),
        ("[lesson 03](./03_chemical.ipynb)", "[lesson 03](03_chemical.html)"),
        ("[site](https://example.org/a.ipynb)", "[site](https://example.org/a.ipynb)"),
    ],
)
def test_handouts_link_notebooks_as_pages(source: str, expected: str) -> None:
    cell = new_markdown_cell(source)
    cell, _ = NotebookLinkPreprocessor().preprocess_cell(cell, {}, 0)
    assert cell.source == expected
