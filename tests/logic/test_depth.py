"""Depth estimates per procedure and setting, the layers they reach and the scars they can touch."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skinlessons.facts import Range, load_facts
from skinlessons.logic.depth import (
    Reach,
    estimate_depth,
    layers_reached,
    passes_basal_layer,
    scars_reached,
)

# (procedure, settings) -> (low µm, high µm, open-ended, approximate, depth categories)
ESTIMATES: list[tuple[str, dict[str, Any], tuple[Any, ...]]] = [
    ("dermaplaning", {}, (0, 20, False, False, ())),
    ("crystal-microdermabrasion", {"passes": 1}, (10, 20, False, False, ())),
    ("crystal-microdermabrasion", {"passes": 2}, (10, 20, False, False, ())),
    ("crystal-microdermabrasion", {"passes": 3}, (20, 100, False, True, ())),
    ("diamond-microdermabrasion", {"passes": 8}, (20, 100, False, True, ())),
    ("crystal-microdermabrasion", {}, (10, 100, False, True, ())),
    ("dermabrasion", {}, (100, 600, True, True, ())),
    (
        "superficial-peel",
        {"agent_id": "glycolic", "concentration_pct": 30},
        (10, 20, False, False, ("very-superficial",)),
    ),
    (
        "superficial-peel",
        {"agent_id": "glycolic", "concentration_pct": 60},
        (20, 100, False, False, ("superficial",)),
    ),
    (
        "superficial-peel",
        {"agent_id": "glycolic", "concentration_pct": 70},
        (20, 450, False, True, ("superficial", "medium")),
    ),
    (
        "superficial-peel",
        {"agent_id": "salicylic", "concentration_pct": 25},
        (10, 20, False, False, ("very-superficial",)),
    ),
    (
        "superficial-peel",
        {"agent_id": "tca", "concentration_pct": 20},
        (20, 100, False, False, ("superficial",)),
    ),
    (
        "superficial-peel",
        {"agent_id": "jessners", "coats": 2},
        (10, 20, False, False, ("very-superficial",)),
    ),
    (
        "superficial-peel",
        {"agent_id": "jessners", "coats": 6},
        (20, 100, False, False, ("superficial",)),
    ),
    (
        "medium-peel",
        {"agent_id": "tca", "concentration_pct": 35},
        (100, 450, False, True, ("medium",)),
    ),
    ("deep-peel", {"agent_id": "phenol"}, (450, 600, True, True, ("deep",))),
]


@pytest.mark.parametrize(
    ("procedure_id", "settings", "expected"),
    ESTIMATES,
    ids=[f"{p}-{'-'.join(str(v) for v in s.values()) or 'default'}" for p, s, _ in ESTIMATES],
)
def test_estimate_depth_follows_the_widget_table(
    procedure_id: str, settings: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    """Depth by procedure and setting matches the fact sheet's per-procedure depth table."""
    estimate = estimate_depth(procedure_id, **settings)
    depth = estimate.depth_um
    got = (depth.low, depth.high, depth.open_ended, estimate.approximate)
    assert (*got, estimate.depth_category_ids) == expected
    assert estimate.reference_ids
    assert set(estimate.reference_ids) <= set(load_facts().references)
    assert estimate.basis


FAILURES = [
    ("no-such-procedure", {}, "unknown procedure id 'no-such-procedure'"),
    ("superficial-peel", {}, "needs one of the agents glycolic, lactic"),
    ("superficial-peel", {"agent_id": "phenol"}, "agent 'phenol'"),
    (
        "superficial-peel",
        {"agent_id": "tca", "concentration_pct": 40},
        "TCA\\) at 40% is a medium peel, not a light chemical peel",
    ),
    ("superficial-peel", {"agent_id": "glycolic", "concentration_pct": 150}, "between 0 and 100"),
    ("superficial-peel", {"agent_id": "glycolic", "concentration_pct": 5}, "no depth data"),
    ("superficial-peel", {"agent_id": "glycolic", "passes": 2}, "has no passes"),
    ("dermaplaning", {"passes": 2}, "Dermaplaning has no passes setting"),
    ("crystal-microdermabrasion", {"passes": 0}, "passes must be 1 or more"),
    ("crystal-microdermabrasion", {"agent_id": "glycolic"}, "is not a peel"),
    ("subcision", {}, "no depth estimate for Subcision"),
]


@pytest.mark.parametrize(
    ("procedure_id", "settings", "message"),
    FAILURES,
    ids=[
        "unknown",
        "no-agent",
        "wrong-agent",
        "too-strong",
        "pct-150",
        "no-data",
        "passes-on-peel",
        "passes-on-blade",
        "zero-passes",
        "agent-on-device",
        "no-depth",
    ],
)
def test_estimate_depth_rejects_settings_that_do_not_apply(
    procedure_id: str, settings: dict[str, Any], message: str
) -> None:
    """Impossible requests raise ValueError saying what is wrong."""
    with pytest.raises(ValueError, match=message):
        estimate_depth(procedure_id, **settings)


def test_layer_boundaries_follow_the_representative_face() -> None:
    """Stacked typical thicknesses give the fact sheet's cumulative depths 15/70/270/1270 µm."""
    reached = layers_reached(Range(low=0, high=1))
    assert [(layer.top_um, layer.bottom_um) for layer in reached] == [
        (0, 15),
        (15, 70),
        (70, 270),
        (270, 1270),
        (1270, None),
    ]


REACH = [
    ("light MDA", Range(low=10, high=20), ["part or all", "not", "not", "not", "not"]),
    ("dermaplaning", Range(low=0, high=20), ["part or all", "not", "not", "not", "not"]),
    ("past the corneum", Range(low=10, high=25), ["part or all", "partly", "not", "not", "not"]),
    ("superficial peel", Range(low=20, high=100), ["fully", "part or all", "not", "not", "not"]),
    ("medium peel", Range(low=100, high=450), ["fully", "fully", "part or all", "not", "not"]),
    (
        "into the reticular",
        Range(low=450, high=600, open_ended=True),
        [*["fully"] * 3, "partly", "not"],
    ),
    ("deep to subcutis", Range(low=1300, high=2000), ["fully"] * 4 + ["partly"]),
]


@pytest.mark.parametrize(("what", "depth", "expected"), REACH, ids=[r[0] for r in REACH])
def test_layers_reached_fully_partly_or_not(what: str, depth: Range, expected: list[str]) -> None:
    """Fully below its bottom; part or all when the deep end lies in the range of its bottom;
    not reached while the deep end stays within the range of the layer above."""
    assert [layer.reach for layer in layers_reached(depth)] == expected


def test_superficial_procedures_reach_no_atrophic_scar_base_except_shallow_boxcar() -> None:
    """Light MDA reaches no scar base; a superficial peel only touches the shallowest boxcar."""
    light = {s.scar_id: s.reach for s in scars_reached(estimate_depth("dermaplaning").depth_um)}
    assert set(light.values()) == {Reach.NOT}
    peel = estimate_depth("superficial-peel", agent_id="tca", concentration_pct=20).depth_um
    reach = {s.scar_id: s.reach for s in scars_reached(peel)}
    assert reach["boxcar-shallow"] is Reach.PARTLY
    assert reach["ice-pick"] is Reach.NOT
    assert reach["boxcar-deep"] is Reach.NOT


def test_dermabrasion_reaches_shallow_boxcar_but_never_releases_rolling_scars() -> None:
    """Depth reaches boxcar bases; tethered and raised scars are never reached by depth alone."""
    reach = {s.scar_id: s for s in scars_reached(estimate_depth("dermabrasion").depth_um)}
    assert reach["boxcar-shallow"].reach is Reach.FULLY
    assert reach["boxcar-deep"].reach is Reach.PARTLY
    assert reach["rolling"].reach is Reach.NOT
    assert "subcision" in reach["rolling"].reason
    assert reach["keloid"].reach is Reach.NOT


depths = st.tuples(
    st.floats(min_value=0, max_value=3000, allow_nan=False),
    st.floats(min_value=0, max_value=3000, allow_nan=False),
).map(lambda pair: Range(low=min(pair), high=max(pair)))


@given(depth=depths)
def test_reach_goes_fully_then_partly_then_not_from_the_surface(depth: Range) -> None:
    """Reached layers never skip one: fully reached layers sit above partly, then not reached."""
    order = {Reach.FULLY: 0, Reach.PART_OR_ALL: 1, Reach.PARTLY: 2, Reach.NOT: 3}
    ranks = [order[layer.reach] for layer in layers_reached(depth)]
    assert ranks == sorted(ranks)


def test_every_estimate_in_the_data_is_an_ordered_range() -> None:
    """All procedure, pass and agent-strength estimates have low <= high."""
    facts = load_facts()
    estimates = []
    for procedure in facts.procedures.values():
        if procedure.peel is not None:
            for agent_id in procedure.peel.agents:
                try:
                    estimates.append(estimate_depth(procedure.id, agent_id=agent_id))
                except ValueError:
                    continue
        elif procedure.pass_bands:
            estimates += [estimate_depth(procedure.id, passes=n) for n in range(1, 11)]
        elif procedure.depth is not None:
            estimates.append(estimate_depth(procedure.id))
    assert len(estimates) > 20
    assert all(e.depth_um.low <= e.depth_um.high for e in estimates)


BASAL = [
    (Range(low=0, high=20), False),
    (Range(low=20, high=100), False),
    (Range(low=20, high=130), True),
    (Range(low=100, high=450), True),
    (Range(low=450, high=600, open_ended=True), True),
]


@pytest.mark.parametrize(("depth", "expected"), BASAL, ids=[d.text() for d, _ in BASAL])
def test_passes_basal_layer_once_any_dermal_layer_is_reached(depth: Range, expected: bool) -> None:
    """A band within the epidermis's range stays above the basal layer; deeper ones pass it."""
    assert passes_basal_layer(layers_reached(depth)) is expected
