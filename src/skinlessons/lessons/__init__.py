"""The lesson rules: what ``skinlessons check`` says about each lesson notebook.

Each rule is a small function over one notebook that returns the problems it finds, each with
the cell it concerns and how to fix it: ``every_notebook`` (rules for every lesson),
``teaching`` (the layout of a lesson with objectives), ``objectives`` (course-wide). ``checks``
holds the registry of rules and runs them over a course, naming the file and cell of each
problem.
"""
