"""The HTML a lesson notebook shows, built from the course data (presentation).

Each module returns markup, so tests need no notebook; :mod:`skinlessons.lesson` (what a lesson
calls) displays it. ``tables``: small accessible tables; ``course_map``: the lesson header and
the table of lessons; ``claims``: the myth-vs-fact table; ``references``: the reference list;
``practice``: the practice and regulation tables; ``glossary``: the glossary page and its links.
"""
