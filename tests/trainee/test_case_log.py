"""The case simulator's steps: logged in the answer log, restored on reopen, submitted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skinlessons import quiz
from skinlessons.cases import load_cases
from skinlessons.cases.record import CASES_ID, cases_version
from skinlessons.course import cases_file
from skinlessons.submission.parse import parse
from skinlessons.trainee.case_log import CaseLog
from skinlessons.trainee.identity import set_trainee_id
from skinlessons.trainee.recording import AnswerLog, MemoryAnswerLog, open_recorder
from skinlessons.trainee.submit import submit
from skinlessons.widgets.case_simulator import CaseSimulator

ROOT = Path(__file__).resolve().parents[2]
CASES = load_cases(cases_file(ROOT))


def _work_on_second_case(simulator: CaseSimulator) -> str:
    """Choose the second client, ask two questions, read the skin, decide and check."""
    case = CASES.cases[1]
    simulator.client.value = case.id
    first, second = (question.id for question in CASES.questions[:2])
    simulator.questions[first].value = True
    simulator.questions[second].value = True
    simulator.skin_check.value = True
    simulator.decision.value = "refer"
    simulator.details.value = "To the GP: please assess before any peel."
    simulator.check.click()
    return case.id


def test_every_step_is_logged_and_a_check_counts_as_a_check() -> None:
    log = MemoryAnswerLog()
    simulator = CaseSimulator(CASES, log=CaseLog(log, CASES))
    case_id = _work_on_second_case(simulator)
    events = [event for event in log.events() if event.quiz_id == CASES_ID]
    assert {event.question_id for event in events} == {case_id}
    assert all(event.quiz_version == cases_version(CASES) for event in events)
    assert [event.is_check for event in events][-1] is True
    assert sum(event.is_check for event in events) == 1
    last = events[-1].response
    assert last["decision"] == "refer" and last["skin_check"] is True
    assert last["asked"] == [question.id for question in CASES.questions[:2]]
    assert last["details"] == "To the GP: please assess before any peel."


def test_reopening_restores_the_steps_and_the_feedback() -> None:
    log = MemoryAnswerLog()
    case_id = _work_on_second_case(CaseSimulator(CASES, log=CaseLog(log, CASES)))
    reopened = CaseSimulator(CASES, log=CaseLog(log, CASES))
    assert reopened.client.value == CASES.cases[0].id  # it opens on the first client, untouched
    assert reopened.decision.value is None and reopened.feedback.value == ""
    count = len(log.events())
    reopened.client.value = case_id
    assert len(log.events()) == count  # restoring logs nothing
    assert reopened.decision.value == "refer"
    assert reopened.details.value == "To the GP: please assess before any peel."
    assert reopened.skin_check.value is True
    assert reopened.asked == [question.id for question in CASES.questions[:2]]
    assert reopened.feedback.value != ""  # the decision was checked: its feedback is shown


def test_without_a_log_nothing_is_kept() -> None:
    simulator = CaseSimulator(CASES)
    case_id = _work_on_second_case(simulator)
    simulator.client.value = CASES.cases[0].id
    simulator.client.value = case_id
    assert simulator.decision.value is None and simulator.asked == []


@pytest.mark.usefixtures("data_dir")
def test_the_lesson_facade_logs_to_the_trainees_file_and_submit_carries_the_cases(
    tmp_path: Path,
) -> None:
    set_trainee_id("jdoe")
    simulator = quiz.case_simulator(course=ROOT)
    assert isinstance(open_recorder(), AnswerLog)
    case_id = _work_on_second_case(simulator)
    receipt = submit(ROOT, out=tmp_path / "submission.json")
    document = json.loads(receipt.path.read_text(encoding="utf-8"))
    part = document["quizzes"][CASES_ID]
    assert part["kind"] == "formative" and part["quiz_version"] == cases_version(CASES)
    assert list(part["answers"]) == [case_id]
    assert part["answers"][case_id]["attempts"] == 1
    assert part["answers"][case_id]["first_response"]["decision"] == "refer"
    parsed = parse(document)
    assert not isinstance(parsed, str) and CASES_ID in parsed.quizzes
    text = str(receipt)
    assert f"1 of {len(CASES.cases)} decided" in text
    assert "no longer in the course" not in text  # the cases are known, not unknown answers
