"""Treatment suitability on the fact sheet's cases, and the scar identifier."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.facts import load_facts
from skinlessons.logic.suitability import Advice, Verdict, assess, match_scar

PRACTITIONER = [
    "superficial-peel",
    "crystal-microdermabrasion",
    "diamond-microdermabrasion",
    "dermaplaning",
]


def advice_for(
    scar_id: str | None, phototype_id: str | None, contraindication_ids: list[str]
) -> dict[str, Advice]:
    return {a.procedure_id: a for a in assess(scar_id, phototype_id, contraindication_ids)}


def test_in_scope_client_gets_suitable_practitioner_procedures() -> None:
    """Mild PIH in Fitzpatrick II with nothing to screen: superficial care is suitable."""
    advice = advice_for("pih", "II", [])
    assert advice["superficial-peel"].verdict is Verdict.SUITABLE
    assert "colour-marks-peels" in [reason.rule_id for reason in advice["superficial-peel"].reasons]


# Screening item -> verdict for every practitioner procedure (fact sheet sections 4-7).
SCREENING = [
    ("isotretinoin", Verdict.REFER, "prescriber's"),
    ("nodulocystic-acne", Verdict.REFER, "GP or dermatologist"),
    ("inflammatory-acne", Verdict.REFER, "treated medically first"),
    ("unresponsive-acne", Verdict.REFER, "prescriber"),
    ("suspicious-lesion", Verdict.REFER, "Never abrade, peel or blade over it"),
    ("keloid-history", Verdict.REFER, "clearance"),
    ("active-infection", Verdict.REFER, "absolute contraindication"),
    ("hormonal-signs", Verdict.REFER, "hormonal cause"),
    ("pregnancy-retinoid-question", Verdict.REFER, "prescriber"),
    ("treatment-complication", Verdict.REFER, "medical review"),
    ("active-hsv", Verdict.DEFER, "absolute contraindication"),
    ("broken-skin", Verdict.DEFER, "until it has healed"),
    ("rosacea-flare", Verdict.DEFER, "refer suspected rosacea"),
    ("skin-disease-flare", Verdict.DEFER, "until settled"),
    ("topical-retinoid", Verdict.DEFER, "protocol"),
    ("recent-procedure", Verdict.DEFER, "recovered"),
    ("recent-tanning", Verdict.DEFER, "sun protection"),
    ("diabetes-immunosuppression", Verdict.DEFER, "client's doctor"),
    ("suspected-rosacea", Verdict.REFER, "GP or dermatologist"),
    ("unrealistic-expectations", Verdict.DEFER, "written information"),
]


@pytest.mark.parametrize(("item", "verdict", "phrase"), SCREENING, ids=[s[0] for s in SCREENING])
def test_screening_items_set_the_verdict_for_practitioner_procedures(
    item: str, verdict: Verdict, phrase: str
) -> None:
    """Each screening item gives its verdict, with a reason a trainee can act on."""
    advice = advice_for(None, None, [item])
    for procedure_id in PRACTITIONER:
        assert advice[procedure_id].verdict is verdict, procedure_id
        assert any(phrase in reason.text for reason in advice[procedure_id].reasons)


def test_recent_isotretinoin_defers_peel_and_microdermabrasion_to_the_prescriber() -> None:
    """Q20: three weeks after isotretinoin, MDA plus glycolic peel today is a refer."""
    advice = advice_for(None, "III", ["isotretinoin"])
    for procedure_id in ("superficial-peel", "crystal-microdermabrasion", "dermaplaning"):
        reasons = advice[procedure_id].reasons
        assert advice[procedure_id].verdict is Verdict.REFER
        assert reasons[0].rule_id == "isotretinoin"
        assert "written agreement" in reasons[0].text


def test_no_blade_or_abrasion_over_active_pustules() -> None:
    """Q23: active pustular acne gets the specific no-blade reason for dermaplaning and MDA."""
    advice = advice_for(None, "II", ["inflammatory-acne"])
    for procedure_id in ("dermaplaning", "crystal-microdermabrasion", "diamond-microdermabrasion"):
        rule_ids = [reason.rule_id for reason in advice[procedure_id].reasons]
        assert "no-blade-or-abrasion-over-pustules" in rule_ids
    peel_rules = [reason.rule_id for reason in advice["superficial-peel"].reasons]
    assert "no-blade-or-abrasion-over-pustules" not in peel_rules


@pytest.mark.parametrize(
    "scar_id", ["ice-pick", "boxcar-deep", "rolling", "hypertrophic", "keloid"]
)
def test_scars_beyond_superficial_reach_are_referred(scar_id: str) -> None:
    """Deep atrophic, tethered and raised scars: every practitioner procedure is a refer."""
    advice = advice_for(scar_id, "II", [])
    assert {advice[pid].verdict for pid in PRACTITIONER} == {Verdict.REFER}


def test_shallow_boxcar_in_dark_skin_is_a_cautious_series_with_referral() -> None:
    """Q29: shallow boxcar, Fitzpatrick V: superficial peels with caution; deep options referred."""
    advice = advice_for("boxcar-shallow", "V", [])
    peel = advice["superficial-peel"]
    assert peel.verdict is Verdict.CAUTION
    assert {"shallow-boxcar-modest", "darker-phototype-pih"} <= {r.rule_id for r in peel.reasons}
    assert any("test area" in reason.text for reason in peel.reasons)
    for procedure_id in ("medium-peel", "deep-peel", "dermabrasion"):
        rule_ids = {reason.rule_id for reason in advice[procedure_id].reasons}
        assert advice[procedure_id].verdict is Verdict.REFER
        assert "darker-phototype-deep-procedures" in rule_ids


@pytest.mark.parametrize("phototype_id", ["IV", "V", "VI"])
def test_darker_phototypes_call_for_caution(phototype_id: str) -> None:
    """Fitzpatrick IV-VI: conservative care for PIH risk (caution), not suitable as is."""
    advice = advice_for(None, phototype_id, [])
    assert {advice[pid].verdict for pid in PRACTITIONER} == {Verdict.CAUTION}


def test_pregnancy_flags_salicylic_peels() -> None:
    """Pregnancy: the peel advice names salicylic acid (not for use in pregnancy)."""
    reasons = advice_for(None, "II", ["pregnancy"])["superficial-peel"].reasons
    assert any("salicylic" in reason.text.lower() for reason in reasons)


def test_pregnancy_defers_peels_and_asks_for_caution_otherwise() -> None:
    """Pregnancy: a peel waits for the doctor's agreement (defer); the rest is caution."""
    advice = advice_for(None, None, ["pregnancy"])
    for procedure_id in PRACTITIONER:
        expected = Verdict.DEFER if procedure_id == "superficial-peel" else Verdict.CAUTION
        assert advice[procedure_id].verdict is expected, procedure_id
        assert any("retinoids or isotretinoin" in r.text for r in advice[procedure_id].reasons)
    peel = advice["superficial-peel"].reasons
    assert any("Jessner's" in r.text and "doctor agrees" in r.text for r in peel)


def test_frequent_cold_sores_refer_before_a_peel_only() -> None:
    """Frequent recurrences: refer before a peel series; abrasion keeps the history's caution."""
    advice = advice_for(None, None, ["hsv-history", "hsv-frequent"])
    assert advice["superficial-peel"].verdict is Verdict.REFER
    assert advice["crystal-microdermabrasion"].verdict is Verdict.CAUTION


def test_reasons_come_most_severe_first_with_resolvable_references() -> None:
    """Reasons are ordered by severity and every reference id exists."""
    references = load_facts().references
    for advice in assess("boxcar-shallow", "VI", ["hsv-history", "anticoagulants"]):
        severities = [reason.verdict.severity for reason in advice.reasons]
        assert severities == sorted(severities, reverse=True)
        assert all(rid in references for r in advice.reasons for rid in r.reference_ids)


BAD_IDS = [
    (("no-scar", None, []), "unknown scar or mark id 'no-scar'"),
    ((None, "VII", []), "unknown phototype id 'VII'"),
    ((None, None, ["sunstroke"]), r"unknown contraindication id\(s\) \['sunstroke'\]"),
]


@pytest.mark.parametrize(("args", "message"), BAD_IDS, ids=["scar", "phototype", "screening"])
def test_unknown_ids_are_rejected(args: tuple[object, ...], message: str) -> None:
    """An id that is not in the data raises ValueError naming it."""
    with pytest.raises(ValueError, match=message):
        assess(*args)  # type: ignore[arg-type]


facts = load_facts()
cases = st.tuples(
    st.sampled_from([None, *facts.scars, *facts.non_scars]),
    st.sampled_from([None, *facts.phototypes]),
    st.sets(st.sampled_from(list(facts.contraindications)), max_size=4),
)


@given(case=cases)
def test_physician_procedures_are_always_referred(
    case: tuple[str | None, str | None, set[str]],
) -> None:
    """Whatever the client, a physician-only procedure is a refer for a practitioner."""
    for advice in assess(case[0], case[1], case[2]):
        if facts.procedures[advice.procedure_id].performer == "physician":
            assert advice.verdict is Verdict.REFER


@given(case=cases)
def test_verdict_is_the_most_severe_reason(case: tuple[str | None, str | None, set[str]]) -> None:
    """A procedure's verdict equals the most severe outcome among its reasons."""
    for advice in assess(case[0], case[1], case[2]):
        assert advice.reasons
        assert advice.verdict is max((r.verdict for r in advice.reasons), key=lambda v: v.severity)


MATCHES = [
    ({"narrow", "v-shaped"}, "ice-pick"),
    ({"medium-width", "sharp-walls", "flat-base", "shallow"}, "boxcar-shallow"),
    ({"medium-width", "sharp-walls", "flat-base", "deep"}, "boxcar-deep"),
    ({"wide", "wave-like"}, "rolling"),
    ({"flattens-when-stretched", "depressed"}, "rolling"),
    ({"raised", "within-wound"}, "hypertrophic"),
    ({"raised", "beyond-wound"}, "keloid"),
    ({"flat-colour-change", "brown-grey"}, "pih"),
    ({"flat-colour-change", "pink-red"}, "pie"),
]


@pytest.mark.parametrize(
    ("features", "expected"), MATCHES, ids=[m[1] + str(i) for i, m in enumerate(MATCHES)]
)
def test_match_scar_ranks_the_described_type_first(features: set[str], expected: str) -> None:
    """The scar identifier puts the type described by the features first, and says why."""
    matches = match_scar(features)
    best = matches[0]
    assert best.mark_id == expected
    assert best.score > matches[1].score if len(matches) > 1 else best.score > 0
    assert set(best.matched) == features & set(load_facts().mark(expected).features)
    for feature_id in best.matched:
        assert load_facts().scar_features[feature_id].label in best.explanation


def test_match_scar_marks_non_scars_and_contradictions() -> None:
    """PIH is reported as not a scar; a feature the type lacks is listed as not fitting."""
    pih = next(m for m in match_scar({"flat-colour-change", "brown-grey"}) if m.mark_id == "pih")
    assert not pih.is_scar
    pie = next(m for m in match_scar({"flat-colour-change", "brown-grey"}) if m.mark_id == "pie")
    assert pie.unexpected == ("brown-grey",)
    assert "Does not fit: brown or gray-brown" in pie.explanation


def test_match_scar_rejects_unknown_features_and_returns_nothing_for_none() -> None:
    """Unknown feature ids raise; no features give no match."""
    with pytest.raises(ValueError, match=r"unknown feature id\(s\) \['pitted'\]"):
        match_scar({"pitted"})
    assert match_scar(set()) == []
