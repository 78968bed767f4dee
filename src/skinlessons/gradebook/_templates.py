"""The Jinja2 environment for the gradebook's pages: package templates, autoescaping always on.

Every value from a submission or a roster (ids, names, typed answers) reaches HTML through this
environment only, so it is escaped exactly once, whatever it holds.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    """The shared environment (templates in ``skinlessons/gradebook/templates``)."""
    return Environment(
        loader=PackageLoader("skinlessons.gradebook", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    """Render one template with ``context`` (values are escaped by the template engine)."""
    return environment().get_template(template).render(**context)
