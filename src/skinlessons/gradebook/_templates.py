"""Render the gradebook's pages from ``skinlessons/gradebook/templates`` (autoescaping on).

Every value from a submission or a roster (ids, names, typed answers) reaches HTML through
:func:`render` only, so it is escaped exactly once, whatever it holds.
"""

from __future__ import annotations

from .._util.jinja import environment


def render(template: str, **context: object) -> str:
    """Render one template with ``context`` (values are escaped by the template engine)."""
    gradebook = environment("skinlessons.gradebook", keep_trailing_newline=True)
    return gradebook.get_template(template).render(**context)
