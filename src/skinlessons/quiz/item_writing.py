"""The item-writing check: cues that let a test-wise trainee find a key without the knowledge.

Pure rules over already-validated quizzes (with their parsed documents, for line numbers):
each finding names the file and line, the question, the cue and how to fix it. A question may
set ``allow_cue: <reason>`` for a justified case; its cues are then listed, not reported.
The rules follow the NBME item-writing habits in the style guide (section 12).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Final

from ..errors import QuizFormatError
from ._rules import cited_letter
from .course_checks import LoadedQuiz
from .item_features import ALL_NONE_OF_THE_ABOVE, absolutes, length, mean, odd_forms, plain
from .models import AnyQuestion, Matching, MultipleAnswers, Option, SingleChoice

LENGTH_RATIO: Final = 1.3
"""A key this many times the mean distractor length (or this many times shorter) stands out."""
NEAR_DUPLICATE: Final = 0.9
"""Two options at least this similar (difflib ratio, case-folded) read as the same option."""
NEGATIVE_WORDS: Final = re.compile(
    r"\b(?:not|except|never|cannot)\b|(?<!\bat )\bleast\b", re.IGNORECASE
)
_EMPHASIS: Final = re.compile(r"\*\*[^*]+\*\*|\*[^*]+\*|__[^_]+__|\b_[^_]+_\b")


@dataclass(frozen=True)
class Finding:
    """One cue: where it is, in which question, what gives the key away, how to fix it."""

    path: Path
    line: int
    question_id: str
    cue: str
    fix: str

    def error(self) -> QuizFormatError:
        """The finding as a located content problem, as ``check`` prints it."""
        return QuizFormatError(
            f"item-writing cue: {self.cue}",
            path=self.path,
            line=self.line,
            item_id=self.question_id,
            hint=self.fix,
        )


@dataclass(frozen=True)
class AllowedCue:
    """A question whose cues an author has allowed, with the reason given."""

    path: Path
    line: int
    question_id: str
    reason: str
    cues: tuple[str, ...]

    def note(self) -> str:
        """One line for ``check`` to list."""
        cues = "; ".join(self.cues) or "no cue found now (the allowance can go)"
        return (
            f"{self.path}:{self.line}: allowed cue in '{self.question_id}' ({self.reason}): {cues}"
        )


def _key_indexes(question: SingleChoice | MultipleAnswers) -> list[int]:
    ids = question.option_ids()
    keys = question.key if isinstance(question.key, list) else [question.key]
    return [ids.index(key) for key in keys if key in ids]


def _length_cues(texts: list[str], keys: list[int]) -> list[tuple[str, str]]:
    lengths = [length(text) for text in texts]
    key_lengths = [lengths[i] for i in keys]
    others = [lengths[i] for i in range(len(texts)) if i not in keys]
    if not others or not key_lengths:
        return []
    key_mean, other_mean = mean(key_lengths), mean(others)
    what = "the key is" if len(keys) == 1 else "the keys are"
    if min(key_lengths) > max(others) and key_mean >= LENGTH_RATIO * other_mean:
        ratio = key_mean / other_mean
        return [
            (
                f"{what} clearly the longest ({ratio:.1f}× the mean distractor length)",
                "shorten the key or write distractors as specific and as long as it.",
            )
        ]
    if max(key_lengths) < min(others) and other_mean >= LENGTH_RATIO * key_mean:
        ratio = other_mean / key_mean
        return [
            (
                f"{what} clearly the shortest (distractors average {ratio:.1f}× its length)",
                "give the key the same detail as the distractors, or trim the distractors.",
            )
        ]
    return []


def _choice_cues(question: SingleChoice | MultipleAnswers) -> list[tuple[str, str]]:
    texts = [option.text for option in question.options]
    keys = _key_indexes(question)
    cues = _length_cues(texts, keys)
    what = "the key is" if len(keys) == 1 else "the keys are"
    for odd in odd_forms(texts, keys):
        cues.append(
            (
                f"{what} {odd} among the options",
                "give the distractors the same form as the key (or take it out of the key).",
            )
        )
    for option in question.options:
        if ALL_NONE_OF_THE_ABOVE.search(plain(option.text)):
            cues.append(
                (
                    f"option '{option.id}' is an all/none-of-the-above option",
                    "replace it with a specific, plausible misconception.",
                )
            )
    key_absolutes = [word for i in keys for word in absolutes(texts[i])]
    wrong = [
        f"'{option.id}' ({', '.join(absolutes(option.text))})"
        for i, option in enumerate(question.options)
        if i not in keys and absolutes(option.text)
    ]
    if wrong and not key_absolutes:
        cues.append(
            (
                f"absolute words appear only in distractors: {', '.join(wrong)}",
                "word the distractors without always/never/only/all/none (state the wrong "
                "idea itself), or use the same register in the key.",
            )
        )
    cues.extend(_duplicate_cues(question.options))
    return cues


def _duplicate_cues(options: list[Option]) -> list[tuple[str, str]]:
    cues = []
    shown = [plain(option.text).casefold() for option in options]
    for i in range(len(options)):
        for j in range(i + 1, len(options)):
            if SequenceMatcher(None, shown[i], shown[j]).ratio() >= NEAR_DUPLICATE:
                cues.append(
                    (
                        f"options '{options[i].id}' and '{options[j].id}' are (nearly) the same",
                        "make every option a distinct idea.",
                    )
                )
    return cues


def _negative_stem_cue(stem: str) -> list[tuple[str, str]]:
    emphasised = [match.span() for match in _EMPHASIS.finditer(stem)]
    for match in NEGATIVE_WORDS.finditer(stem):
        inside = any(start <= match.start() < end for start, end in emphasised)
        if not inside and not match.group(0).isupper():
            return [
                (
                    f"the stem's negative word '{match.group(0)}' is not emphasised",
                    f"write it in bold (**{match.group(0)}**), or ask the question positively.",
                )
            ]
    return []


def _letter_cues(question: AnyQuestion) -> list[tuple[str, str]]:
    texts = [question.explanation or ""]
    texts.extend(option.feedback or "" for option in getattr(question, "options", []))
    for text in texts:
        letter = cited_letter(text)
        if letter:
            return [
                (
                    f"the explanation or feedback cites an option letter ({letter!r})",
                    "name the option by its wording: letters mean nothing to a trainee.",
                )
            ]
    return []


def question_cues(question: AnyQuestion) -> list[tuple[str, str]]:
    """Every cue of one question, as ``(cue, fix)`` pairs."""
    cues = _negative_stem_cue(question.stem) + _letter_cues(question)
    if isinstance(question, SingleChoice | MultipleAnswers) and question.key is not None:
        cues.extend(_choice_cues(question))
    if isinstance(question, Matching):
        entries = [Option(id=match.id, text=match.text) for match in question.matches]
        cues.extend(_duplicate_cues(entries))
    return cues


def _position_cues(quiz_questions: list[AnyQuestion]) -> dict[str, list[tuple[str, str]]]:
    """Unshuffled single-choice keys whose position repeats across the quiz."""
    fixed = [q for q in quiz_questions if isinstance(q, SingleChoice) and not q.shuffle and q.key]
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if len(fixed) < 2:
        return found
    places: dict[str, list[SingleChoice]] = defaultdict(list)
    for question in fixed:
        index, count = _key_indexes(question)[0], len(question.options)
        places[f"option {index + 1} from the top"].append(question)
        places[f"option {count - index} from the bottom"].append(question)
    for place, hits in places.items():
        if len(hits) >= 2 and len(hits) * 2 > len(fixed):
            for question in hits:
                found[question.id].append(
                    (
                        f"the key is {place} in {len(hits)} of the quiz's {len(fixed)} "
                        "unshuffled questions, a position a test-wise trainee can learn",
                        "reverse the scale in some questions or ask about another point on it, "
                        "so the key's position varies (or let the options shuffle).",
                    )
                )
    return found


def quiz_findings(loaded: LoadedQuiz) -> tuple[list[Finding], list[AllowedCue]]:
    """The cues of one quiz: reported findings, and the allowed ones listed apart."""
    quiz, doc = loaded.quiz, loaded.doc
    positions = _position_cues(list(quiz.questions))
    findings: list[Finding] = []
    allowed: list[AllowedCue] = []
    for index, question in enumerate(quiz.questions):
        cues = question_cues(question) + positions.get(question.id, [])
        reason = getattr(question, "allow_cue", None)
        if not (cues or reason):
            continue  # nothing to report: its line is not needed
        line = doc.line_of(("questions", index))
        if reason:
            allowed.append(
                AllowedCue(doc.path, line, question.id, reason, tuple(c for c, _ in cues))
            )
            continue
        findings.extend(Finding(doc.path, line, question.id, cue, fix) for cue, fix in cues)
    return findings, allowed


def practice_findings(loaded: list[LoadedQuiz]) -> list[Finding]:
    """Must-pass questions without a topic, or whose topic no lesson self-check practises."""
    practised = {
        getattr(question, "topic", None)
        for item in loaded
        if not item.quiz.is_summative
        for question in item.quiz.questions
        if not question.must_pass
    }
    findings = []
    for item in loaded:
        for index, question in enumerate(item.quiz.questions):
            if not question.must_pass:
                continue
            topic = getattr(question, "topic", None)
            if topic and topic in practised:
                continue
            line = item.doc.line_of(("questions", index))
            if not topic:
                findings.append(
                    Finding(
                        item.doc.path,
                        line,
                        question.id,
                        "must-pass question has no topic",
                        "add 'topic: <slug>' and give the lesson self-check questions that "
                        "practise it the same topic.",
                    )
                )
            else:
                findings.append(
                    Finding(
                        item.doc.path,
                        line,
                        question.id,
                        f"must-pass topic '{topic}' is not practised in any lesson self-check",
                        f"add a lesson self-check question with 'topic: {topic}'.",
                    )
                )
    return findings


def course_findings(loaded: list[LoadedQuiz]) -> tuple[list[Finding], list[AllowedCue]]:
    """Every item-writing finding of a course, and the allowed cues."""
    findings = practice_findings(loaded)
    allowed: list[AllowedCue] = []
    for item in loaded:
        found, allowed_here = quiz_findings(item)
        findings.extend(found)
        allowed.extend(allowed_here)
    return findings, allowed
