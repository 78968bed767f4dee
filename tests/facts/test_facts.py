"""The course data: numbers match the fact sheet, ids resolve, broken copies give located errors."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from skinlessons.errors import ContentErrors, DataFileError
from skinlessons.facts import Range, collect_fact_problems, default_data_dir, load_facts

FIXTURES = Path(__file__).parents[1] / "files" / "facts"
ERROR_MARK = "# <- error"


def broken_copy(tmp_path: Path, case: str) -> Path:
    """A copy of the package data with the files of ``tests/files/facts/<case>/`` swapped in."""
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    for fixture in (FIXTURES / case).glob("*.yaml"):
        shutil.copy(fixture, data / fixture.name)
    return data


def marked_line(case: str, file_name: str) -> int:
    """The 1-based line of the fixture carrying the ``# <- error`` mark."""
    lines = (FIXTURES / case / file_name).read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if ERROR_MARK in text)


def walk(node: Any) -> Iterator[Any]:
    """Every pydantic model, list item and mapping value under ``node``, depth first."""
    yield node
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from walk(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from walk(item)
    elif hasattr(node, "values") and not isinstance(node, str):
        for item in node.values():
            yield from walk(item)


def all_records() -> list[Any]:
    facts = load_facts()
    return [getattr(facts, name) for name in facts.__dataclass_fields__]


def test_package_data_has_no_problems() -> None:
    """The shipped data passes every check."""
    assert [problem.format() for problem in collect_fact_problems()] == []


def test_fast_and_strict_readers_build_the_same_facts() -> None:
    """The quick load of the package data agrees with the load that locates every problem.

    Both read the files with ``read_yaml``; that its quick YAML reader gives the careful
    reader's data is tested file by file in ``tests/_util/test_yamlfast.py``.
    """
    from skinlessons.facts.loader import _load, _load_fast

    fast = _load_fast(default_data_dir())
    strict, problems = _load(default_data_dir())
    assert problems == []
    assert fast is not None
    assert fast == strict


def test_fast_reader_gives_way_to_the_strict_one_on_broken_data(tmp_path: Path) -> None:
    """On any problem the quick reader returns None, so the strict one reports it.

    The clean copy must read first, or the broken cases below would pass without testing
    anything.
    """
    from skinlessons.facts.loader import _load_fast

    clean = tmp_path / "clean" / "data"
    shutil.copytree(default_data_dir(), clean)
    assert _load_fast(clean) is not None, "the quick reader (PyYAML) cannot read the clean data"
    for case in ("unknown_reference", "duplicate_id", "missing_field", "bad_yaml"):
        assert _load_fast(broken_copy(tmp_path / case, case)) is None, case


def test_load_facts_is_cached_for_the_package_data() -> None:
    """Loading the default data twice returns the same object."""
    assert load_facts() is load_facts()


SPOT_CHECKS = [
    ("stratum corneum 10-20 um", lambda f: f.layers[0].thickness_um, (10, 20, 15)),
    ("viable epidermis 30-100 um", lambda f: f.layers[1].thickness_um, (30, 100, 55)),
    (
        "whole epidermis 30-120 um",
        lambda f: f.layer_groups["epidermis"].thickness_um,
        (30, 120, 70),
    ),
    ("papillary dermis 100-400 um", lambda f: f.layers[2].thickness_um, (100, 400, 200)),
    ("reticular dermis 500-1700 um", lambda f: f.layers[3].thickness_um, (500, 1700, 1000)),
    ("turnover 4-6 weeks", lambda f: f.turnover.weeks, (4, 6, 4)),
    ("glycolic pKa 3.83", lambda f: f.agents["glycolic"].pka, (3.83, 3.83, 3.83)),
    ("lactic pKa 3.86", lambda f: f.agents["lactic"].pka, (3.86, 3.86, 3.86)),
    ("mandelic pKa 3.37-3.41", lambda f: f.agents["mandelic"].pka, (3.37, 3.41, 3.4)),
    ("salicylic pKa 2.97-2.99", lambda f: f.agents["salicylic"].pka, (2.97, 2.99, 2.97)),
    (
        "light MDA 10-20 um",
        lambda f: f.procedures["crystal-microdermabrasion"].pass_bands[0].depth_um,
        (10, 20, None),
    ),
    (
        "aggressive MDA 20-100 um",
        lambda f: f.procedures["diamond-microdermabrasion"].pass_bands[1].depth_um,
        (20, 100, None),
    ),
    ("dermaplaning <= 20 um", lambda f: f.procedures["dermaplaning"].depth.depth_um, (0, 20, None)),
    (
        "dermabrasion 100-600+ um",
        lambda f: f.procedures["dermabrasion"].depth.depth_um,
        (100, 600, None),
    ),
    ("medium peel 100-450 um", lambda f: f.depth_categories["medium"].depth_um, (100, 450, None)),
    ("ice-pick width < 2 mm", lambda f: f.scars["ice-pick"].width_mm, (0, 2, None)),
    ("boxcar width 1.5-4 mm", lambda f: f.scars["boxcar-shallow"].width_mm, (1.5, 4.0, None)),
    ("shallow boxcar 0.1-0.5 mm", lambda f: f.scars["boxcar-shallow"].depth_um, (100, 500, None)),
    ("ice-pick share 60-70 %", lambda f: f.scars["ice-pick"].share_pct, (60, 70, None)),
]


@pytest.mark.parametrize(("what", "get", "expected"), SPOT_CHECKS, ids=[s[0] for s in SPOT_CHECKS])
def test_numbers_match_the_fact_sheet(what: str, get: Any, expected: tuple[Any, ...]) -> None:
    """Spot checks of data values against the fact sheet's sections 1-3 and widget table."""
    value: Range = get(load_facts())
    assert (value.low, value.high, value.typical) == expected


def test_unverified_or_converted_values_are_flagged_uncertain() -> None:
    """Values the fact sheet calls unverified, disputed or converted carry uncertain: true."""
    facts = load_facts()
    flagged = [
        facts.agents["mandelic"].pka,
        facts.scars["ice-pick"].share_pct,
        facts.scars["rolling"].share_pct,
        facts.depth_categories["medium"].depth_um,
        facts.depth_categories["deep"].depth_um,
        facts.procedures["dermabrasion"].depth.depth_um,
        facts.structures["sebaceous-gland"].depth_um,
    ]
    assert all(value is not None and value.uncertain for value in flagged)
    assert not facts.agents["glycolic"].pka.uncertain


def test_scope_and_chemistry_flags_follow_the_fact_sheet() -> None:
    """Physician-only procedures, neutralisation and endpoints are as the fact sheet says."""
    facts = load_facts()
    physician = {pid for pid, proc in facts.procedures.items() if proc.performer == "physician"}
    assert {"dermabrasion", "medium-peel", "deep-peel", "tca-cross", "subcision"} <= physician
    assert {"superficial-peel", "dermaplaning", "crystal-microdermabrasion"}.isdisjoint(physician)
    glycolic, salicylic = facts.agents["glycolic"], facts.agents["salicylic"]
    assert (glycolic.must_neutralise, glycolic.timed, glycolic.endpoint) == (True, True, "time")
    assert (salicylic.must_neutralise, salicylic.self_limiting) == (False, True)
    assert salicylic.endpoint == "pseudofrost"
    assert facts.agents["tca"].endpoint == "frost"
    assert facts.agents["phenol"].physician_only
    assert [c.performer for c in facts.depth_categories.values()] == [
        "practitioner",
        "practitioner",
        "physician",
        "physician",
    ]


def test_layers_run_from_the_surface_down() -> None:
    """Layers are ordered stratum corneum to subcutis."""
    assert [layer.id for layer in load_facts().layers] == [
        "stratum-corneum",
        "viable-epidermis",
        "papillary-dermis",
        "reticular-dermis",
        "subcutis",
    ]


def test_every_reference_id_resolves() -> None:
    """Every ``references`` list in every record names a reference that exists."""
    facts = load_facts()
    cited = {
        rid
        for node in walk(all_records())
        if isinstance(node, BaseModel) and "references" in type(node).model_fields
        for rid in node.references
    }
    assert len(cited) > 90
    assert cited <= set(facts.references)


def test_every_fact_sheet_reference_is_listed_with_a_kind() -> None:
    """All 234 references (R1-R132 and the practice part's R133-R234) carry kind and status."""
    references = load_facts().references
    assert set(references) == {f"R{number}" for number in range(1, 235)}
    kinds = {rid: ref.kind for rid, ref in references.items()}
    assert kinds["R18"] == "peer-reviewed"
    assert kinds["R47"] == "regulator"
    assert kinds["R113"] == "textbook"
    assert kinds["R88"] == "low-authority"
    assert kinds["R101"] == "low-authority"
    assert not references["R104"].verified
    assert references["R18"].cite() == "Jacob CI et al. 2001"
    assert kinds["R133"] == "regulator"
    assert kinds["R234"] == "secondary"
    assert not references["R147"].verified
    assert not references["R182"].verified


def test_claims_belong_to_the_curriculum_lessons() -> None:
    """The article's 17 claims are numbered 1-17 and sit in the lessons the curriculum names.

    Claims 1-12 are the fact sheet's; 13-17 are the article's statements the content audit
    found no lesson corrected. Trade-practice claims (18 on) are checked in lesson 07.
    """
    facts = load_facts().claims.values()
    claims = {claim.number: claim.lessons for claim in facts if claim.claimed_by == "article"}
    assert sorted(claims) == list(range(1, 18))
    assert set(claims[1]) == {"01_skin_and_scars", "02_how_exfoliation_works"}
    assert set(claims[3]) == {"03_chemical", "06_choosing_safely"}
    assert set(claims[8]) == {"04_device_based", "06_choosing_safely"}
    assert claims[12] == ["05_manual"]
    assert [claims[n] for n in range(13, 18)] == [
        ["01_skin_and_scars"],
        ["01_skin_and_scars"],
        ["01_skin_and_scars"],
        ["03_chemical"],
        ["04_device_based"],
    ]


def test_counts_summarise_what_was_loaded() -> None:
    """``counts()`` reports the number of records of each kind."""
    counts = load_facts().counts()
    assert counts["references"] == 234
    assert counts["procedures"] == 13
    assert counts["claims"] == 20
    assert counts["skin layers"] == 5
    assert counts["surface pictures"] == 4


BROKEN = [
    ("bad_yaml", "claims.yaml", "not valid YAML"),
    ("unknown_reference", "phototypes.yaml", "unknown reference id 'R999'"),
    ("range_low_above_high", "skin.yaml", "range low 20 is above high 10"),
    ("missing_field", "claims.yaml", "claims.1.verdict: required field is missing"),
    ("duplicate_key", "phototypes.yaml", 'duplicate key "pih_risk"'),
    ("duplicate_id", "claims.yaml", "duplicate id 'same-claim' (first used on line 3)"),
]


@pytest.mark.parametrize(("case", "file_name", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_data_is_reported_at_its_file_and_line(
    tmp_path: Path, case: str, file_name: str, message: str
) -> None:
    """Each broken copy gives exactly one problem, at the marked line, with a fix hint."""
    data = broken_copy(tmp_path, case)
    problems = collect_fact_problems(data)
    assert len(problems) == 1, [problem.format() for problem in problems]
    problem = problems[0]
    line = marked_line(case, file_name)
    assert isinstance(problem, DataFileError)
    assert (problem.path, problem.line) == (data / file_name, line)
    assert problem.format().startswith(f"{data / file_name}:{line}:")
    assert message in problem.format()
    assert problem.hint


def test_load_facts_raises_every_problem_at_once(tmp_path: Path) -> None:
    """Loading broken data raises ContentErrors that lists each problem with its location."""
    data = broken_copy(tmp_path, "unknown_reference")
    shutil.copy(FIXTURES / "duplicate_id" / "claims.yaml", data / "claims.yaml")
    with pytest.raises(ContentErrors) as caught:
        load_facts(data)
    assert [(p.path.name, p.line) for p in caught.value.problems] == [
        ("claims.yaml", marked_line("duplicate_id", "claims.yaml")),
        ("phototypes.yaml", marked_line("unknown_reference", "phototypes.yaml")),
    ]


def test_missing_data_file_is_reported(tmp_path: Path) -> None:
    """A data folder without one of the files names the missing file."""
    data = broken_copy(tmp_path, "none")
    (data / "rules.yaml").unlink()
    problems = collect_fact_problems(data)
    assert [(p.path, p.message) for p in problems] == [
        (data / "rules.yaml", "data file is missing")
    ]


def test_contraindication_without_a_rule_is_reported(tmp_path: Path) -> None:
    """A screening item no suitability rule uses is an error at its id line."""
    data = broken_copy(tmp_path, "none")
    path = data / "contraindications.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + "  - id: unused-item\n    label: Unused\n    severity: relative\n"
        + "    action: caution\n    what_to_do: Nothing.\n    references: [R73]\n",
        encoding="utf-8",
    )
    problems = collect_fact_problems(data)
    assert [(p.line, p.message) for p in problems] == [
        (
            len(text.splitlines()) + 1,
            "contraindication 'unused-item' is not used by any suitability rule",
        )
    ]


def test_ranges_in_the_data_are_ordered() -> None:
    """No range in the data has low above high, or typical outside it."""
    ranges = [node for node in walk(all_records()) if isinstance(node, Range)]
    assert len(ranges) > 40
    for value in ranges:
        assert value.low <= value.high
        assert value.typical is None or value.low <= value.typical <= value.high


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(first=finite, second=finite)
def test_range_accepts_exactly_the_ordered_pairs(first: float, second: float) -> None:
    """A Range can only be built with low <= high."""
    if first <= second:
        assert Range(low=first, high=second).low == first
    else:
        with pytest.raises(ValidationError, match="is above high"):
            Range(low=first, high=second)


def test_range_rejects_typical_outside_it() -> None:
    """A typical value outside low-high is refused with the rule in the message."""
    with pytest.raises(ValidationError, match="typical 25 lies outside the range 10-20"):
        Range(low=10, high=20, typical=25)


def test_a_below_range_reads_as_less_than_its_high_end() -> None:
    """The ice-pick width is "< 2" mm, as the fact sheet writes it, not "0-2"."""
    width = load_facts().scars["ice-pick"].width_mm
    assert width is not None and width.text() == "< 2"
    assert Range(low=0, high=20).text() == "0-20"  # a range that starts at 0 stays a range
