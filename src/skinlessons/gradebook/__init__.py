"""Batch grading for instructors: gradebook, LMS grade CSV, feedback pages, item analysis.

From Python::

    from skinlessons.gradebook import GradeOptions, grade_folder
    run = grade_folder(GradeOptions(submissions=Path("handed-in"), out=Path("graded")))
    print("\\n".join(run.summary_lines()))

The command line is ``skinlessons grade SUBMISSIONS_DIR --out DIR``; see the README,
"Grading submissions", for the files it writes.
"""

from __future__ import annotations

from .forget import ForgetReport, forget_trainee
from .run import GradeOptions, ProgressHook, grade_folder
from .summary import GradeRun

__all__ = [
    "ForgetReport",
    "GradeOptions",
    "GradeRun",
    "ProgressHook",
    "forget_trainee",
    "grade_folder",
]
