"""The forms say how strong each practitioner-facing statement is where it stands, not only in
the sources footer, and hold the fields the record and consent facts ask for."""

from __future__ import annotations

from bs4 import BeautifulSoup

from skinlessons.facts import Facts, load_facts
from skinlessons.handouts.forms import FORMS, render_form

FORM_BY_SLUG = {form.slug: form for form in FORMS}


def _page(slug: str) -> BeautifulSoup:
    html = render_form(FORM_BY_SLUG[slug], load_facts(), "trainee", "Course", "2026-01-01")
    return BeautifulSoup(html, "html.parser")


def _main(page: BeautifulSoup) -> str:
    """The form's own text, without the sources section (which lists every label anyway)."""
    main = page.select_one("main")
    assert main is not None
    sources = main.select_one("section.form-sources")
    assert sources is not None
    sources.decompose()
    return main.get_text(" ", strip=True)


def test_practitioner_facts_carry_their_label_beside_them(facts: Facts) -> None:
    """Minors, the treatment record and batch numbers: the label right before the fact."""
    for slug, fact_ids in (
        ("consent", ("minors",)),
        ("treatment-record", ("treatment-record", "batch-numbers")),
    ):
        text = _main(_page(slug))
        for fact_id in fact_ids:
            fact = facts.practice_facts[fact_id]
            assert f"{fact.label_text}: {' '.join(fact.fact.split())}" in text, fact_id


def test_the_referral_consent_ticks_are_a_course_recommendation() -> None:
    page = _page("referral")
    for tick in ("share-agreed", "share-copy"):
        label = page.select_one(f'label[for="{tick}"]')
        assert label is not None and "(a course recommendation)" in label.get_text(), tick


def test_the_treatment_record_has_vehicle_equipment_and_photo_fields(facts: Facts) -> None:
    assert "vehicle" in facts.practice_facts["treatment-record"].fact
    page = _page("treatment-record")
    labels = {str(label["for"]): label.get_text(" ", strip=True) for label in page.select("label")}
    assert labels["record-vehicle"].startswith("Vehicle")
    assert "direction of passes" in labels["record-equipment"]
    assert "suction" in labels["record-equipment"]
    assert "photo consent" in labels["record-photos"]


def test_the_consent_form_asks_for_every_risk_ticked_before_signing() -> None:
    page = _page("consent")
    risks = page.select_one('section[aria-labelledby="risks-heading"]')
    assert risks is not None and risks.legend is not None
    assert "(tick each one)" in risks.legend.get_text()
    assert "Do not sign until every risk" in risks.get_text()
    minor = page.select_one('label[for="minor-wants"]')
    assert minor is not None and "whatever their parent or guardian thinks" in minor.get_text()
    assert "alone" not in minor.get_text()


def test_the_photo_consent_explains_health_data_in_the_clients_words(facts: Facts) -> None:
    photo = _page("consent").select_one("section.form-photo")
    assert photo is not None
    text = photo.get_text(" ", strip=True)
    assert "data-protection law" in text
    assert facts.practice_facts["photo-consent"].fact not in text
