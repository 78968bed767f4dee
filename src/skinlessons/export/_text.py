"""Author Markdown as each LMS needs it: HTML, one inline line, plain text, or Canvas's two kinds.

Question text is Markdown. Moodle XML and QTI receive it rendered to HTML by the same Markdown
filter nbconvert uses for the handouts; GIFT receives the Markdown itself under ``[markdown]``.

Canvas decides per text whether it is HTML or plain text: when what it reads is a single
paragraph without markup it unwraps it and keeps the *escaped* text as plain text, so
``Goodman &amp; Baron`` would be shown with its entity. :func:`canvas_text` therefore writes a text
as ``text/plain`` only when it reads the same as plain text and as HTML (ASCII, no ``& < >``);
any other text is ``text/html``, and a single markup-free paragraph is held in a ``<span>``
with a class, which Canvas keeps, so it stays HTML and shows exactly what the source says.
"""

from __future__ import annotations

import html
import re
from typing import Final, Literal

from ..handouts.quiz_html import markdown_block, markdown_inline

TextType = Literal["text/plain", "text/html"]
KEEP_CLASS: Final = "skinlessons-text"
"""The class of the ``<span>`` that keeps a lone paragraph HTML in Canvas."""
_TAG: Final = re.compile(r"<[^>]+>")
# Characters XML 1.0 cannot carry at all (C0 controls except tab, LF, CR; surrogates; FFFE/FFFF).
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN_SAFE: Final = re.compile(r"^[\x20-\x25\x27-\x3b\x3d\x3f-\x7e\n]*$")


def xml_text(text: str) -> str:
    """``text`` without the few characters XML 1.0 cannot hold (NUL and other C0 controls)."""
    return _NOT_XML.sub("", text)


def html_block(text: str | None) -> str:
    """Author Markdown as HTML blocks (stems, explanations, feedback); '' for no text."""
    return xml_text(markdown_block(text)) if text else ""


def html_inline(text: str) -> str:
    """One line of author Markdown (an option) as inline HTML: a lone paragraph is unwrapped."""
    return xml_text(markdown_inline(text))


def plain(text: str) -> str:
    """One line of author Markdown as the plain text it shows (tags dropped, entities decoded)."""
    return xml_text(html.unescape(_TAG.sub("", html_inline(text))).strip())


def canvas_text(text: str, *, inline: bool = False) -> tuple[TextType, str]:
    """The ``texttype`` and content of a ``<mattext>`` that Canvas shows as the source says."""
    rendered = html_block(text)
    unwrapped = html_inline(text)
    inner = None if unwrapped == rendered else unwrapped
    if inner is not None and not _TAG.search(inner):
        shown = html.unescape(inner)
        if _PLAIN_SAFE.match(shown):
            return "text/plain", shown
        return "text/html", f'<span class="{KEEP_CLASS}">{inner}</span>'
    if inline and inner is not None:
        return "text/html", inner
    return "text/html", rendered
