"""The one Jinja2 set-up for the package's HTML templates: autoescaping always on.

Every value from a quiz file, a submission or a roster reaches HTML through an environment made
here, so it is escaped exactly once, whatever it holds; a name a template uses but is not given
is an error, not an empty string.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment(
    package: str, folder: str = "templates", *, keep_trailing_newline: bool = False
) -> Environment:
    """The environment for the templates in ``folder`` of ``package`` (one per folder)."""
    return Environment(
        loader=PackageLoader(package, folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
    )
