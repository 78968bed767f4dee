"""Decision aid: verdicts for every procedure match the fact sheet, refer first and in words."""

from __future__ import annotations

import pytest

from skinlessons.widgets import decision_aid
from skinlessons.widgets.decision_aid import DecisionState, grouped_advice, result_html

PRACTITIONER = (
    "superficial-peel",
    "crystal-microdermabrasion",
    "diamond-microdermabrasion",
    "dermaplaning",
)
PHYSICIAN_ONLY = (
    "medium-peel",
    "deep-peel",
    "dermabrasion",
    "tca-cross",
    "subcision",
    "punch-excision",
    "fractional-laser",
    "rf-microneedling",
    "fillers",
)

# (scar, phototype, screening, procedures, expected verdict): fact sheet §4, §5, §7.
CASES = [
    ("pih", "II", (), PHYSICIAN_ONLY, "refer"),  # physician procedures are never in scope
    ("pih", "II", ("isotretinoin",), PRACTITIONER, "refer"),  # §4 course rule
    ("pih", "II", ("active-hsv",), PRACTITIONER, "defer"),  # §7: absolute, reschedule
    ("pih", "II", ("nodulocystic-acne",), PRACTITIONER, "refer"),  # §4 practice point
    ("pih", "II", ("keloid-history",), PRACTITIONER, "refer"),  # §7 refer list
    ("pih", "II", ("suspicious-lesion",), PRACTITIONER, "refer"),  # §5/§7: never abrade
    ("pih", "II", ("broken-skin",), PRACTITIONER, "defer"),  # §5: do not treat the area
    ("ice-pick", "II", (), PRACTITIONER, "refer"),  # §2/§3: needs TCA CROSS, punch
    ("rolling", "II", (), PRACTITIONER, "refer"),  # §2: needs subcision
    ("boxcar-deep", "II", (), PRACTITIONER, "refer"),  # §2: deep boxcar, physician
    ("pih", "II", (), ("superficial-peel",), "suitable"),  # §3: peels help PIH
    ("pih", "VI", (), ("superficial-peel",), "caution"),  # §7: PIH risk in IV-VI
    ("boxcar-shallow", "II", (), ("superficial-peel",), "caution"),  # modest at best
    ("pih", "II", ("hsv-history",), ("superficial-peel",), "caution"),  # §7: ask, refer often
]


@pytest.mark.parametrize(
    ("scar", "phototype", "screening", "procedures", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{'+'.join(c[2]) or 'clear'}-{c[4]}" for c in CASES],
)
def test_widget_verdicts_match_the_fact_sheet(  # type: ignore[no-untyped-def]
    facts, scar, phototype, screening, procedures, expected
) -> None:
    """Setting the controls gives the fact sheet's verdict, stated in the result text."""
    aid = decision_aid()
    aid.scar.value = scar
    aid.phototype.value = phototype
    for item in screening:
        aid.checks[item].value = True
    groups = grouped_advice(aid.state, facts)
    verdicts = {a.procedure_id: v.value for v, advice in groups.items() for a in advice}
    assert {p: verdicts[p] for p in procedures} == dict.fromkeys(procedures, expected)
    physician = all(facts.procedure(p).performer == "physician" for p in procedures)
    words = "Physician-only procedure" if physician else aid_words(expected)
    section = aid.alt_text().split(f"{words} (")[1]
    for procedure_id in procedures:
        assert facts.procedure(procedure_id).name in section


def aid_words(verdict: str) -> str:
    from skinlessons.widgets._style import REFER_PROBLEM_WORDS, VERDICT_WORDS

    return REFER_PROBLEM_WORDS if verdict == "refer" else VERDICT_WORDS[verdict]


def test_every_procedure_gets_a_verdict(facts) -> None:  # type: ignore[no-untyped-def]
    """The result lists every procedure of the data exactly once."""
    aid = decision_aid()
    text = aid.result.value
    for procedure in facts.procedures.values():
        assert text.count(f"<strong>{procedure.name}</strong>") == 1


def test_refer_comes_first_as_a_heading_with_symbol_and_words(facts) -> None:  # type: ignore[no-untyped-def]
    """The "Refer to a physician" group comes first, as an h3 heading with ⚠ and words."""
    html_text = result_html(DecisionState("pih", "II", frozenset({"isotretinoin"})), facts)
    first_heading = html_text.index("<h")
    assert html_text[first_heading:].startswith("<h3")
    assert "⚠ Refer to a physician" in html_text[first_heading : first_heading + 120]


def test_reasons_carry_reference_ids(facts) -> None:  # type: ignore[no-untyped-def]
    """Each reason shown ends with its reference ids from the rules data."""
    state = DecisionState("pih", "II", frozenset({"active-hsv"}))
    advice = grouped_advice(state, facts)
    reason = advice[next(iter(advice))][0].reasons[0]
    assert f"[{', '.join(reason.reference_ids)}]" in result_html(state, facts)


def test_ticking_a_box_redraws_the_chart_rows() -> None:
    """The chart's rows change when a screening box is ticked; the figure stays the same."""
    aid = decision_aid()
    aid.scar.value = "pih"
    figure = aid.chart.figure
    before = [text.get_text() for text in aid.chart.texts]
    aid.checks["isotretinoin"].value = True
    after = [text.get_text() for text in aid.chart.texts]
    assert before != after
    practitioner = [t for t in after if "Physician" not in t]
    assert practitioner
    assert all(t.startswith("⚠ Refer to a physician for this problem") for t in practitioner)
    assert aid.chart.figure is figure


def test_every_screening_item_of_the_data_has_a_labelled_box(facts) -> None:  # type: ignore[no-untyped-def]
    """There is one check-box per contraindication, labelled with its data label."""
    aid = decision_aid()
    assert [box.description for box in aid.checks.values()] == [
        c.label for c in facts.contraindications.values()
    ]


def test_render_state_shows_the_given_client() -> None:
    """render_state draws the verdicts for a given client as a new static figure."""
    aid = decision_aid()
    figure, alt = aid.render_state(
        scar_id="rolling", phototype_id="IV", contraindication_ids=["pregnancy"]
    )
    assert figure is not aid.chart.figure
    assert alt.startswith("Treatment decision for: Rolling scar; Fitzpatrick type IV; screening:")


def test_physician_procedures_for_pih_are_not_indicated_not_recommended(facts) -> None:  # type: ignore[no-untyped-def]
    """For PIH, TCA CROSS and subcision sit under "not indicated for this", not under refer."""
    text = result_html(DecisionState("pih", "II", frozenset()), facts)
    not_indicated = text.split("Physician-only procedure (not indicated for this)")[1]
    assert "<strong>TCA CROSS</strong>" in not_indicated
    assert "<strong>Subcision</strong>" in not_indicated
    assert "Refer to a physician for this problem" not in text


def test_physician_procedures_used_for_the_mark_are_named_as_such(facts) -> None:  # type: ignore[no-untyped-def]
    """For an ice-pick scar, TCA CROSS is a physician procedure used for this problem."""
    text = result_html(DecisionState("ice-pick", "II", frozenset()), facts)
    used = text.split("Physician procedure used for this problem")[1].split("<h")[0]
    assert "<strong>TCA CROSS</strong>" in used
    assert "<strong>Subcision</strong>" not in used
    assert text.index("Refer to a physician for this problem") < text.index("used for this")
