"""The virtual clients: the cases file, its agreement with the rules, feedback and the widget."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from skinlessons.cases import load_cases, read_cases
from skinlessons.check import check_course
from skinlessons.cli import main
from skinlessons.course import cases_file, quiz_files
from skinlessons.errors import ContentErrors
from skinlessons.facts import load_facts
from skinlessons.logic.cases import case_problems, judge, rule_decision
from skinlessons.names import NOTEBOOK_DIR, QUIZ_DIR
from skinlessons.widgets.case_simulator import CaseSimulator

ROOT = Path(__file__).resolve().parents[2]
CASES = cases_file(ROOT)
SITUATIONS = {
    "isotretinoin",
    "topical-retinoid",
    "anticoagulants",
    "photosensitizing-drug",
    "pregnancy",
    "breastfeeding",
    "active-hsv",
    "hsv-history",
    "keloid-history",
    "rosacea-flare",
    "salicylate-allergy",
    "recent-procedure",
    "suspicious-lesion",
    "hsv-frequent",
    "suspected-rosacea",
    "unrealistic-expectations",
}
"""The screening situations the issue asks the cases to cover."""


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A copy of the course's quizzes and notebooks to spoil."""
    for folder in (QUIZ_DIR, NOTEBOOK_DIR):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def spoil(course: Path, old: str, new: str) -> Path:
    path = cases_file(course)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_course_cases_cover_the_situations_and_agree_with_the_rules() -> None:
    cases = load_cases(CASES)
    assert len(cases.cases) >= 12
    assert {case.phototype for case in cases.cases} == {"I", "II", "III", "IV", "V", "VI"}
    assert {case.sex for case in cases.cases} == {"female", "male"}
    assert {finding for case in cases.cases for finding in case.findings} >= SITUATIONS
    assert {case.expected.decision for case in cases.cases} == {
        "proceed",
        "proceed-with-changes",
        "defer",
        "refer",
    }
    facts = load_facts()
    for case in cases.cases:
        assert rule_decision(case, facts) == case.expected.decision, case.id


def test_cases_file_is_no_quiz_file() -> None:
    assert CASES not in quiz_files(ROOT)
    assert CASES.is_file()


def test_a_case_the_rules_contradict_is_reported_with_its_line(course: Path) -> None:
    """Dropping the isotretinoin finding makes the rules say proceed, not refer."""
    path = spoil(course, "        findings: [isotretinoin]\n", "")
    cases, problems, doc = read_cases(path)
    assert problems == [] and cases is not None and doc is not None
    found = case_problems(cases, doc, load_facts())
    assert [p.line for p in found] == [line_of(path, "decision: refer")]
    assert "case 'isotretinoin-current' expects 'refer', but the course's rules give " in (
        found[0].message
    )
    assert "'proceed' for superficial-peel" in found[0].message
    assert "add the rule to rules.yaml" in (found[0].hint or "")


def test_check_reports_a_contradiction_and_exits_1(course: Path) -> None:
    spoil(course, "        findings: [keloid-history]\n", "")
    report = check_course(course, only=["cases"])
    assert len(report.errors) == 1
    assert "case 'keloid-history' expects 'refer'" in report.errors[0].text
    result = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "cases"])
    assert result.exit_code == 1
    assert "1 problem found." in result.output


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        (
            "findings: [isotretinoin]",
            "findings: [isotretinion]",
            "isotretinion",
            "finding 'isotretinion' is no contraindication id",
        ),
        ("mark: pie", "mark: pink", "mark: pink", "mark 'pink' is no scar or mark id"),
        (
            "procedure: dermaplaning,",
            "procedure: derma-planing,",
            "derma-planing",
            "procedure 'derma-planing' is no procedure id",
        ),
    ],
    ids=["finding", "mark", "procedure"],
)
def test_an_id_that_names_no_data_is_reported_with_its_line(
    course: Path, old: str, new: str, marker: str, message: str
) -> None:
    path = spoil(course, old, new)
    report = check_course(course, only=["cases"])
    texts = [finding.text for finding in report.errors]
    assert len(texts) == 1
    assert texts[0].startswith(f"{path}:{line_of(path, marker)}: case ")
    assert message in texts[0]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '      until: "The cold sore has healed completely."\n',
            "",
            "decision 'defer' needs until (missing: until",
        ),
        (
            '  - question: cold-sores\n        answer: "I get them now',
            '  - question: coldsores\n        answer: "I get them now',
            "answers 'coldsores', which is no intake question",
        ),
        ("    sex: male\n    age: 19", "    sex: man\n    age: 19", "'female' or 'male'"),
    ],
    ids=["detail-missing", "unknown-question", "bad-sex"],
)
def test_schema_problems_are_located_and_never_a_traceback(
    course: Path, old: str, new: str, message: str
) -> None:
    spoil(course, old, new)
    with pytest.raises(ContentErrors) as caught:
        load_cases(cases_file(course))
    (problem,) = caught.value.problems
    assert problem.path == cases_file(course) and problem.line is not None and problem.line > 1
    assert message in problem.message
    result = CliRunner().invoke(main, ["check", "--course", str(course), "--only", "cases"])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_feedback_names_missed_questions_and_the_right_decision() -> None:
    cases = load_cases(CASES)
    case = next(c for c in cases.cases if c.id == "doxycycline-in-summer")
    wrong = judge(case, cases.questions, ["sun"], skin_check_done=False, chosen="proceed")
    assert [q.id for q in wrong.missed] == ["medicines"]
    assert not wrong.is_right
    assert any(line.startswith("You did not ask what mattered here:") for line in wrong.lines)
    assert any(line.startswith("You did not read the skin check:") for line in wrong.lines)
    assert "Not this time: you chose Proceed as booked; the expected decision is Defer." in (
        " ".join(wrong.lines)
    )
    right = judge(case, cases.questions, ["medicines"], skin_check_done=True, chosen="defer")
    assert right.is_right and right.missed == ()
    assert "R142" in right.references and "R136" in right.references


def test_widget_reveals_answers_and_gives_a_text_verdict() -> None:
    """Ticking a question shows its answer; the Check button gives the verdict in words."""
    simulator = CaseSimulator(load_cases(CASES))
    simulator.client.value = "active-cold-sore"
    assert "Kwame" in simulator.arrival.value
    simulator.questions["cold-sores"].value = True
    assert "One started on my lip yesterday." in simulator.answers.value
    simulator.decision.value = "defer"
    simulator.details.value = "until it heals"
    simulator.check.click()
    assert "<strong>Right decision.</strong>" in simulator.feedback.value
    assert "You wrote: until it heals" in simulator.feedback.value
    simulator.client.value = "changing-mole"
    assert simulator.asked == [] and simulator.decision.value is None
    assert simulator.feedback.value == ""


def test_every_control_has_a_label() -> None:
    simulator = CaseSimulator(load_cases(CASES))
    controls = [
        simulator.client,
        *simulator.questions.values(),
        simulator.skin_check,
        simulator.decision,
        simulator.details,
        simulator.check,
    ]
    assert all(control.description.strip() for control in controls)


def test_handout_output_is_a_readable_summary_of_every_case() -> None:
    simulator = CaseSimulator(load_cases(CASES))
    data = simulator._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    summary = data["text/html"]
    assert summary.count('<section class="skinlessons-case"') == len(simulator.cases.cases)
    assert "Expected decision: Refer." in summary
    assert "I&#x27;m on it now, month four." in summary


def test_the_handout_build_stages_the_cases_for_the_kernels(tmp_path: Path) -> None:
    """Lessons execute in a staged course; the simulator needs cases.yaml there."""
    from skinlessons.handouts.staging import load_course_sources, stage_key_free_course

    sources = load_course_sources(ROOT)
    staged = stage_key_free_course(sources, tmp_path / "staged")
    assert cases_file(staged).read_bytes() == CASES.read_bytes()
