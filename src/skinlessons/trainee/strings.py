"""Every piece of text a trainee reads in the live quiz, the trainee id and the submit receipt.

One module, so wording can be reviewed, kept kind and specific, and translated in one place.
Placeholders use ``str.format`` names.
"""

from __future__ import annotations

from typing import Final

# --- trainee id -----------------------------------------------------------------------------
TRAINEE_ID_MISSING: Final = (
    "No trainee id is set, so the submission would not say whose it is. "
    "Fix: in a notebook run  from skinlessons import quiz; "
    'quiz.set_trainee_id("YOUR-LMS-USERNAME")  (lesson 00 shows how), '
    "or pass --trainee YOUR-LMS-USERNAME to 'skinlessons submit'."
)
TRAINEE_FILE_UNREADABLE: Final = (
    "The saved trainee id in {path} cannot be read ({error}). "
    'Fix: set your id again with quiz.set_trainee_id("YOUR-LMS-USERNAME").'
)
TRAINEE_FILE_INVALID: Final = (
    "The saved trainee id in {path} is not valid: {problem} "
    'Fix: set your id again with quiz.set_trainee_id("YOUR-LMS-USERNAME").'
)
TRAINEE_ID_SHOWN: Final = (
    "Your trainee id is **{trainee_id}**. Your quiz answers will be submitted under this id; "
    "if it is not your LMS username or id number, run `quiz.set_trainee_id(...)` again."
)
TRAINEE_ID_NOT_SET: Final = (
    "Your trainee id is not set yet. Set it with "
    '`quiz.set_trainee_id("YOUR-LMS-USERNAME")`, using your own LMS username or id number.'
)
NO_TRAINEE_ID_NOTICE: Final = (
    "Your trainee id is not set yet. Your answers are saved anyway; before you submit, run "
    '<code>quiz.set_trainee_id("YOUR-LMS-USERNAME")</code> (lesson 00 shows how).'
)
POOLED_NEEDS_ID_NOTICE: Final = (
    "Most questions of this final are drawn for you from your trainee id, so they appear once "
    "it is set: set it, then run this cell again."
)
TRAINEE_ID_FORM_LABEL: Final = "Your trainee id (LMS username or id number)"
TRAINEE_ID_FORM_PLACEHOLDER: Final = "for example jdoe"
TRAINEE_ID_FORM_BUTTON: Final = "Save my trainee id"
TRAINEE_ID_FORM_IN_USE: Final = (
    "Your trainee id is {trainee_id}. To change it, type the right one and press "
    "Save my trainee id."
)
TRAINEE_ID_FORM_SAVED: Final = (
    "Saved. Your trainee id is {trainee_id}: every lesson's quiz answers are saved under it, "
    "and your submission will carry it."
)
TRAINEE_ID_FORM_REFUSED: Final = "Not saved. {problem}"
TRAINEE_ID_FORM_HANDOUT: Final = (
    "In the notebook, a text box and a Save my trainee id button are here: type your LMS "
    "username or id number into the box and press the button."
)
UNATTENDED_NOTICE: Final = (
    "Running unattended ({mode} mode): answers are kept in memory only and nothing is saved."
)

# --- answer log -----------------------------------------------------------------------------
LOG_LINE_SKIPPED: Final = (
    "{path}:{line}: skipped an unreadable answer-log line ({problem}). The other answers are "
    "safe; if this keeps happening, tell your instructor."
)
LOG_LINE_TORN: Final = "the last line is incomplete, probably cut off when the computer stopped"
LOG_SEQ_NOT_GROWING: Final = "sequence number {seq} does not follow the line before"
LOG_LINE_TOO_LONG: Final = (
    "the line is {size:,} bytes long, more than the {limit} kB an answer takes"
)
LOG_RESPONSE_TOO_DEEP: Final = "the answer nests lists or objects too deeply to be a quiz answer"
LOG_NOT_A_NUMBER: Final = "{name} is not a number a quiz answer can hold"
LOG_NOT_JSON: Final = "not valid JSON ({problem} at column {column})"
LOG_NOT_TEXT: Final = (
    "not text: byte 0x{byte:02x} at column {column} can't decode as UTF-8 (binary data)"
)
LOG_HUGE_NUMBER: Final = "a number has more than 4,300 digits"
LOG_MORE_SKIPPED: Final = (
    "{path}: more unreadable answer-log lines were skipped without a warning; "
    "'skinlessons submit' lists them all."
)
LOG_UNREADABLE: Final = (
    "Your answer log {path} cannot be read ({error}), so no submission was written. "
    "Fix: make sure it is a file you can read; if you moved or replaced it, put the original "
    "back, or tell your instructor."
)

# --- the live quiz --------------------------------------------------------------------------
QUESTION_HEADING: Final = "Question {number} of {total}"
POINTS: Final = "{points:g} point"
POINTS_PLURAL: Final = "{points:g} points"
MUST_PASS_SUMMATIVE: Final = "Safety-critical: must be answered correctly to pass."
MUST_PASS_FORMATIVE: Final = (
    "Safety-critical: in the final assessment, questions like this must be answered correctly "
    "to pass."
)
ANSWER_LABEL: Final = "Your answer"
NUMBER_LABEL: Final = "Your number"
UNIT_LABEL: Final = "in {unit}"
TEXT_PLACEHOLDER: Final = "Type your answer"
NUMBER_PLACEHOLDER: Final = "Type a number"
CHOOSE_PLACEHOLDER: Final = "Choose…"
TRUE_LABEL: Final = "True"
FALSE_LABEL: Final = "False"
OPTION_LABEL: Final = "Option {number}"
MATCH_LABEL: Final = "Matches"
POSITION_LABEL: Final = "Position {number}"
MULTIPLE_HINT: Final = "Tick every option that is correct."
MATCHING_HINT: Final = "Choose the match for each item."
ORDERING_HINT: Final = "Choose which item goes in each position, first to last."

CHECK_BUTTON: Final = "Check"
CHECK_TOOLTIP: Final = "Check this answer and see the explanation"
TRY_ANOTHER_BUTTON: Final = "Try another"
TRY_ANOTHER_TOOLTIP: Final = "Show a new version of this question to practise on (never counted)"
TRY_ANOTHER_SHOWN: Final = (
    "Practice version {attempt} of this question is shown above. Type your answer and press "
    "Check. Practice answers are never counted; your first answer to your own version stays "
    "the one recorded."
)
PRACTICE_NOTE: Final = "Practice version {attempt}: not counted, and not your recorded answer."
SUBMIT_BUTTON: Final = "Submit"
SUBMIT_TOOLTIP: Final = "Save a submission file with all your answers and show the receipt"
SUMMATIVE_INTRO: Final = (
    "Your answers are saved each time you change them. You will not see whether they are "
    "correct until your instructor has graded them. When you are done, press Submit."
)
FORMATIVE_INTRO: Final = (
    "Answer each question, then press Check to see how you did. Your first checked answer is "
    "recorded for your instructor; this quiz does not count toward your grade."
)

# Feedback after Check: a word first, never colour alone.
FEEDBACK_CORRECT: Final = "Correct — well done."
FEEDBACK_PARTIAL: Final = "Partly right — {score:g} of {points:g} points. Have another look."
FEEDBACK_INCORRECT: Final = "Not yet — have another look, then read the explanation below."
FEEDBACK_NEEDS_ANSWER: Final = (
    "Nothing to check yet — choose or type your answer first, then press Check."
)
FEEDBACK_UNREADABLE: Final = "Not checked yet — {problem}"
FEEDBACK_NO_KEY: Final = (
    "Your answer is saved. Feedback for this question is not available in this copy of the "
    "course; your instructor will go through it."
)
FEEDBACK_ATTEMPTS: Final = "Checked {count} {times}. Your first checked answer is the one recorded."
TIMES_ONE: Final = "time"
TIMES_MANY: Final = "times"
EXPLANATION_HEADING: Final = "Why"
REFERENCES_HEADING: Final = "References"
SAVED_STATUS: Final = "Saved."

# --- submit and receipt ---------------------------------------------------------------------
UNATTENDED_SUBMIT: Final = (
    "Nothing was submitted: skinlessons is running unattended ({mode} mode). "
    "Fix: unset SKINLESSONS_MODE to submit real answers."
)
RECEIPT_SAVED: Final = "Submission saved to: {path}"
RECEIPT_TRAINEE: Final = (
    "Trainee id: {trainee_id} — please check this is your LMS username or id number. If not, "
    "set the right one and submit again."
)
RECEIPT_QUIZ_COMPLETE: Final = "{title} ({quiz_id}): all {total} questions answered."
RECEIPT_QUIZ_PARTIAL: Final = "{title} ({quiz_id}): {answered} of {total} questions answered."
RECEIPT_CASES: Final = (
    "Virtual clients (lesson 07, practice, never counted): {decided} of {total} decided."
)
RECEIPT_UNANSWERED: Final = "Not answered yet: {questions}."
RECEIPT_QUESTION: Final = "{number} ({question_id})"
RECEIPT_NO_ANSWERS: Final = "No answers are recorded yet: answer the quizzes, then submit again."
RECEIPT_UNKNOWN_QUIZZES: Final = (
    "Answers to quizzes that are no longer in the course were left out: {quiz_ids}."
)
RECEIPT_SKIPPED: Final = (
    "Skipped {count:,} unreadable line{plural} of your answer log {path}: {lines}. The submission "
    "holds every other answer; if this keeps happening, tell your instructor."
)
RECEIPT_SKIPPED_FIRST: Final = "First problems: {problems}."
RECEIPT_SKIPPED_PROBLEM: Final = "line {line}: {problem}"
RECEIPT_AND_MORE: Final = "{shown} and {more:,} more"
RECEIPT_TOO_LARGE: Final = (
    "The submission would be {size:,} bytes, more than the {limit:,} bytes an instructor's "
    "grader reads, so it was not written. Fix: tell your instructor; the answer log {path} "
    "holds unusually long answers."
)
RECEIPT_NEXT_STEP: Final = (
    "Upload this file where your instructor asked. You can submit again at any time; "
    "the newest submission counts."
)
