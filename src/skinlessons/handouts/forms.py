"""The forms a practitioner uses, as printable A4 pages in each edition, built from the data.

Five pages in ``<edition>/forms/``, each from the same data lesson 07 shows (fix a fact there and
the form follows):

* **consultation**: the two Fitzpatrick questions (their answers are the burn and tan halves of
  each phototype's ``sun_response``), every contraindication as a yes/no item with a detail
  field, and the consultation facts;
* **consent**: the ``client`` points of "improvement, not removal", each risk to name as a tick
  box, the minors fact, and a separate photo consent;
* **treatment-record**: the treatment record fact's fields, with the practitioner's procedures
  and agents as choices;
* **referral**: the referral note fact's fields, the reasons being the contraindications whose
  action is ``refer`` and the complications in :data:`REFERRAL_FACTS`;
* **aftercare**: the ``client`` points of every aftercare and complications fact, for the client.

The pages load no script and hold no ``<form>`` element (nothing can be submitted), every control
has ``autocomplete="off"``: nothing typed is stored or sent. The instructor edition adds, under
each screening item, what to do when the answer is yes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from .._util.jinja import environment
from ..facts import Contraindication, Facts, PracticeFact
from .editions import Edition
from .site import ASSETS_DIR, EDITION_LABELS, FORMS_CSS

FORMS_DIR: Final = "forms"
FORM_STYLESHEETS: Final = ("handout.css", FORMS_CSS)
"""The shared assets a form page loads (no lab stylesheet, no script)."""
AFTERCARE_TOPICS: Final = ("aftercare", "complications")
"""The practice topics whose ``client`` points make the client's aftercare sheet."""
NONE_OF_THESE: Final = "None of these fits, or cannot say"
"""What many with darker skin answer to the Fitzpatrick questions (fitzpatrick-limits)."""
REFERRAL_FACTS: Final = ("allergic-reaction",)
"""Complications after treatment that the referral note offers as reasons, after the screening."""


@dataclass(frozen=True)
class Form:
    """One form: its file name, title, a line for the index and the practice facts it uses."""

    slug: str
    title: str
    summary: str
    facts: tuple[str, ...]

    @property
    def href(self) -> str:
        """Its address from an edition's index page."""
        return f"{FORMS_DIR}/{self.slug}.html"


FORMS: Final = (
    Form(
        "consultation",
        "Consultation and medical-history form",
        "intake questions, the two Fitzpatrick questions, every screening item as yes or no",
        (
            "consultation-contents",
            "fitzpatrick-two-questions",
            "fitzpatrick-limits",
            "never-stop-medicine",
            "salicylate-allergy",
            "skin-check",
            "expectations",
        ),
    ),
    Form(
        "consent",
        "Informed-consent form, with separate photo consent",
        "improvement not removal, the risks, the alternatives including referral, minors",
        ("consent-contents", "improvement-not-removal", "consent-risks", "minors", "photo-consent"),
    ),
    Form(
        "treatment-record",
        "Treatment record",
        "agent, concentration, pH as stated by the maker, coats or passes, time, endpoint, batch",
        ("treatment-record", "batch-numbers"),
    ),
    Form(
        "referral",
        "Referral note",
        "to whom and why, what you saw and did, the client's consent to share",
        ("referral-note", *REFERRAL_FACTS),
    ),
    Form(
        "aftercare",
        "Aftercare sheet for the client",
        "what is normal, sun protection, what to avoid, when to call, emergency signs",
        (),
    ),
)


def form_links() -> list[dict[str, str]]:
    """What an edition's index lists of each form: ``href``, ``title`` and ``summary``."""
    return [{"href": f.href, "title": f.title, "summary": f.summary} for f in FORMS]


def phototype_choices(facts: Facts) -> list[str]:
    """The phototypes as a form offers them (``Type I``...)."""
    return [f"Type {phototype}" for phototype in facts.phototypes]


def sun_answers(facts: Facts) -> tuple[list[str], list[str]]:
    """The answers to the two Fitzpatrick questions: the burn and the tan half of each type.

    ``always burns, never tans`` gives ``Always burns`` and ``Never tans``; a type whose sun
    response has no tan half adds no tan answer. Each list ends with :data:`NONE_OF_THESE`.
    """
    burns: list[str] = []
    tans: list[str] = []
    for phototype in facts.phototypes.values():
        halves = [half.strip() for half in phototype.sun_response.split(",", 1)]
        for answers, half in zip((burns, tans), halves, strict=False):
            answer = half[:1].upper() + half[1:]
            if answer not in answers:
                answers.append(answer)
    return [*burns, NONE_OF_THESE], [*tans, NONE_OF_THESE]


def screening_note(item: Contraindication) -> str:
    """What to do when a screening answer is yes (shown in the instructor edition)."""
    return f"If yes ({item.severity}, {item.action}): {item.what_to_do}"


def _practice(facts: Facts, fact_id: str) -> PracticeFact:
    try:
        return facts.practice_facts[fact_id]
    except KeyError:
        raise ValueError(
            f"the forms need the practice fact {fact_id!r}, which practice.yaml lacks. "
            f"Fix: add it back to practice.yaml, or change FORMS in {__name__}."
        ) from None


def aftercare_facts(facts: Facts) -> list[PracticeFact]:
    """The facts of the client's aftercare sheet: every aftercare fact with client points."""
    return [fact for topic in AFTERCARE_TOPICS for fact in facts.practice(topic) if fact.client]


def _consultation(facts: Facts) -> dict[str, Any]:
    burns, tans = sun_answers(facts)
    return {
        "burn_answers": burns,
        "tan_answers": tans,
        "phototypes": phototype_choices(facts),
        "screening": list(facts.contraindications.values()),
    }


def _record(facts: Facts) -> dict[str, Any]:
    return {
        "procedures": [p for p in facts.procedures.values() if p.performer == "practitioner"],
        "agents": [agent for agent in facts.agents.values() if not agent.physician_only],
        "phototypes": phototype_choices(facts),
    }


def _referral(facts: Facts) -> dict[str, Any]:
    screening = [c.label for c in facts.contraindications.values() if c.action == "refer"]
    return {"reasons": [*screening, *(_practice(facts, f).name for f in REFERRAL_FACTS)]}


def _aftercare(facts: Facts) -> dict[str, Any]:
    return {"sections": aftercare_facts(facts)}


_CONTEXTS: Final[dict[str, Callable[[Facts], dict[str, Any]]]] = {
    "consultation": _consultation,
    "consent": lambda facts: {},
    "treatment-record": _record,
    "referral": _referral,
    "aftercare": _aftercare,
}


def _sources(form: Form, facts: Facts, used: list[PracticeFact]) -> dict[str, Any]:
    """The facts a form shows, with their labels, and the references they cite."""
    screening = form.slug == "consultation"
    reference_ids = [ref for fact in used for ref in fact.references]
    if screening:
        reference_ids += [r for item in facts.contraindications.values() for r in item.references]
    ordered = sorted(dict.fromkeys(reference_ids), key=lambda ref: int(ref[1:]))
    return {
        "facts": used,
        "screening": screening,
        "references": [(ref, facts.references[ref].cite()) for ref in ordered],
    }


def render_form(form: Form, facts: Facts, edition: Edition, course_title: str, built: str) -> str:
    """The HTML of one form page of an edition."""
    used = [_practice(facts, fact_id) for fact_id in form.facts]
    if form.slug == "aftercare":
        used = aftercare_facts(facts)
    template = environment("skinlessons.handouts", "templates/handout").get_template(
        f"{FORMS_DIR}/{form.slug}.html.j2"
    )
    return template.render(
        form=form,
        forms=FORMS,
        fact={fact.id: fact for fact in used},
        edition=edition,
        edition_label=EDITION_LABELS[edition],
        instructor=edition == "instructor",
        course_title=course_title,
        stylesheets=[f"../{ASSETS_DIR}/{name}" for name in FORM_STYLESHEETS],
        sources=_sources(form, facts, used),
        screening_note=screening_note,
        build_date=built,
        **_CONTEXTS[form.slug](facts),
    )


def write_forms(
    edition_dir: Path, edition: Edition, facts: Facts, course_title: str, today: dt.date
) -> list[str]:
    """Write every form of an edition into ``<edition>/forms/``; their paths relative to it."""
    folder = edition_dir / FORMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for form in FORMS:
        html = render_form(form, facts, edition, course_title, today.isoformat())
        (edition_dir / form.href).write_text(html, encoding="utf-8")
    return [form.href for form in FORMS]
