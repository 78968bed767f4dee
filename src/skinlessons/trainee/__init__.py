"""The trainee runtime: what runs in a trainee's notebook and ``skinlessons submit``.

The trainee id (``identity``), the answer log (``recording``), the live quiz (``session``,
``controls``, ``widget``), the keeping rules (``answers``) and packing the log into a
submission file (``submit``). Lessons reach it through the ``skinlessons.quiz`` façade.
The instructor side never imports this package: the file format they share lives in
``skinlessons.submission``.
"""
