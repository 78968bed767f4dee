"""Surface pictures: every caption says it cannot diagnose, the alt text reads well aloud, and
a mark drawn at a size of our own choosing says so."""

from __future__ import annotations

import html
import re

import pytest

from skinlessons.facts import Facts
from skinlessons.figures import plot_mark_surface, plot_surface_picture
from skinlessons.widgets import scar_identifier

NO_DIAGNOSIS = "A teaching drawing: it cannot be used to diagnose or grade a client's skin."
HEX_CODE = re.compile(r"#[0-9A-Fa-f]{3,8}\b")


def _every_picture(facts: Facts) -> list[tuple[str, str]]:
    """(name, alt) of each picture of pictures.yaml and of each mark's own picture."""
    drawn = [(pid, plot_surface_picture(pid, facts)) for pid in facts.pictures]
    marks = [c.mark for c in facts.surface_changes.values() if c.mark]
    drawn += [(mark, plot_mark_surface(mark, facts)) for mark in marks]
    return [(name, alt) for name, (_, alt) in drawn]


def test_every_caption_says_the_drawing_cannot_diagnose(facts: Facts) -> None:
    """In the drawn caption (the last text of the figure) and in the alt text, every picture."""
    for picture_id in facts.pictures:
        figure, alt = plot_surface_picture(picture_id, facts)
        caption = " ".join(figure.texts[-1].get_text().split())
        assert NO_DIAGNOSIS in caption, picture_id
        assert NO_DIAGNOSIS in alt, picture_id
    for _, alt in _every_picture(facts):
        assert alt.count(NO_DIAGNOSIS) == 1


def test_the_scar_identifier_says_it_beside_its_surface_picture() -> None:
    identifier = scar_identifier()
    identifier.checks["narrow"].value = True
    assert NO_DIAGNOSIS in html.unescape(str(identifier.result.value))


def test_no_alt_text_reads_out_a_colour_code(facts: Facts) -> None:
    """The tones are named by number; no #RRGGBB code is left for a screen reader."""
    for name, alt in _every_picture(facts):
        assert not HEX_CODE.search(alt), (name, HEX_CODE.findall(alt))
        last = len(facts.tone_ramp.tones)
        assert "tone 1 (lightest)" in alt and f"tone {last} (darkest)" in alt


@pytest.mark.parametrize(("mark", "rows"), [("keloid", "1 row of"), ("ice-pick", "1 row of")])
def test_one_row_is_called_one_row(mark: str, rows: str, facts: Facts) -> None:
    _, alt = plot_mark_surface(mark, facts)
    assert rows in alt and "1 rows" not in alt


def test_a_size_not_from_a_scar_width_is_called_a_drawing_size(facts: Facts) -> None:
    """PIH, PIE and the raised scars have no width in scars.yaml; the pitted scars do."""
    _, alt = plot_surface_picture("scar-surfaces", facts)
    for change_id in facts.pictures["scar-surfaces"].changes:
        change = facts.surface_changes[change_id]
        assert change.mark is not None
        has_width = facts.mark(change.mark).width_mm is not None
        drawn = f"{change.name}: {change.looks}, drawn {change.drawn_mm:g} mm across"
        note = f"{drawn} (a drawing size, not a typical size)."
        assert (note in alt) is not has_width, change_id
        assert drawn in alt
    _, alt = plot_surface_picture("pih-pie", facts)
    assert alt.count("(a drawing size, not a typical size)") == 2


def test_a_sentence_several_scars_share_is_said_once(facts: Facts) -> None:
    """The scars share a sentence on shape and shadow; the keloid adds its own, said once."""
    _, alt = plot_surface_picture("scar-surfaces", facts)
    assert alt.count("only their light and shadow are drawn") == 1
    assert alt.count("Keloids are more common in darker skin") == 1
