"""The practitioner forms follow the course data, label every control, escape every value.

Rendered straight from :func:`skinlessons.handouts.forms.render_form` (fast); the built pages of
both editions are checked in ``test_forms_build.py`` and in Chromium in
``test_forms_browser.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from skinlessons.facts import Facts, load_facts
from skinlessons.facts.loader import default_data_dir
from skinlessons.handouts.editions import EDITIONS, Edition
from skinlessons.handouts.forms import (
    FORMS,
    NONE_OF_THESE,
    Form,
    aftercare_facts,
    render_form,
    screening_note,
    sun_answers,
)

FORM_BY_SLUG = {form.slug: form for form in FORMS}
CONTROLS = "input, textarea, select"


def _page(slug: str, facts: Facts | None = None, edition: Edition = "trainee") -> BeautifulSoup:
    html = render_form(FORM_BY_SLUG[slug], facts or load_facts(), edition, "Course", "2026-01-01")
    return BeautifulSoup(html, "html.parser")


def _copied_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(default_data_dir(), folder)
    return folder


def _screening_items(page: BeautifulSoup) -> dict[str, Tag]:
    """The screening items of a consultation form by their question (the legend)."""
    found = {}
    for fieldset in page.select("fieldset.form-yes-no"):
        radio = fieldset.select_one('input[type="radio"]')
        legend = fieldset.legend
        if legend is not None and radio is not None and str(radio["name"]).startswith("screen-"):
            found[legend.get_text(" ", strip=True)] = fieldset
    return found


def test_there_are_the_five_forms() -> None:
    assert [form.slug for form in FORMS] == [
        "consultation",
        "consent",
        "treatment-record",
        "referral",
        "aftercare",
    ]


def test_every_contraindication_is_a_yes_no_item_with_a_detail_box(facts: Facts) -> None:
    items = _screening_items(_page("consultation"))
    assert list(items) == [item.label for item in facts.contraindications.values()]
    for item in facts.contraindications.values():
        fieldset = items[item.label]
        radios = fieldset.select('input[type="radio"]')
        assert [radio["value"] for radio in radios] == ["yes", "no"]
        assert {radio["name"] for radio in radios} == {f"screen-{item.id}"}
        detail = fieldset.select_one(f"#screen-{item.id}-detail")
        assert detail is not None and detail["type"] == "text"


def test_a_contraindication_added_to_the_data_appears_on_the_consultation_form(
    tmp_path: Path,
) -> None:
    folder = _copied_data(tmp_path)
    with (folder / "contraindications.yaml").open("a", encoding="utf-8") as data:
        data.write(
            "  - id: new-screening-item\n"
            "    label: A new screening item from the data\n"
            "    severity: relative\n"
            "    action: refer\n"
            "    what_to_do: Refer it.\n"
            "    references: [R73]\n"
        )
    with (folder / "rules.yaml").open("a", encoding="utf-8") as data:
        data.write(
            "  - id: new-screening-item\n"
            "    when: {contraindications: [new-screening-item]}\n"
            "    applies_to: {performers: [practitioner]}\n"
            "    outcome: refer\n"
            "    reason: Refer it.\n"
            "    references: [R73]\n"
        )
    edited = load_facts(folder)
    items = _screening_items(_page("consultation", edited))
    assert "A new screening item from the data" in items
    assert "A new screening item from the data" not in _screening_items(_page("consultation"))
    reasons = [o.get_text() for o in _page("referral", edited).select("#reason option")]
    assert "A new screening item from the data" in reasons


def test_a_corrected_fact_changes_the_form(tmp_path: Path) -> None:
    """Fix the wording of a contraindication or a client point, and the form follows."""
    folder = _copied_data(tmp_path)
    path = folder / "contraindications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("label: Pregnancy\n", "label: Pregnant now\n"),
        encoding="utf-8",
    )
    practice = folder / "practice.yaml"
    practice.write_text(
        practice.read_text(encoding="utf-8").replace("SPF 30 or higher. Outdoors", "SPF 50. Out"),
        encoding="utf-8",
    )
    edited = load_facts(folder)
    assert "Pregnant now" in _screening_items(_page("consultation", edited))
    assert "Pregnancy" not in _screening_items(_page("consultation", edited))
    assert "SPF 50. Out" in _page("aftercare", edited).get_text()


def test_data_values_are_html_escaped(tmp_path: Path) -> None:
    folder = _copied_data(tmp_path)
    path = folder / "contraindications.yaml"
    hostile = '<script>alert(1)</script> & "quoted" <b>bold</b>'
    path.write_text(
        path.read_text(encoding="utf-8").replace("label: Pregnancy\n", f"label: '{hostile}'\n"),
        encoding="utf-8",
    )
    edited = load_facts(folder)
    for edition in EDITIONS:
        html = render_form(FORM_BY_SLUG["consultation"], edited, edition, "<i>C</i>", "d")
        assert "<script" not in html and "<b>bold" not in html and "<i>C" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34;" in html
        assert hostile in _screening_items(BeautifulSoup(html, "html.parser"))


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("slug", [form.slug for form in FORMS])
def test_every_control_has_a_label_and_stores_nothing(slug: str, edition: Edition) -> None:
    """A label per control, unique ids, choices grouped in a fieldset with a legend; no <form>,
    no script, no outside address, no autocomplete."""
    page = _page(slug, edition=edition)
    controls = page.select(CONTROLS)
    assert len(controls) >= 8
    ids = [str(control["id"]) for control in controls]
    assert len(ids) == len(set(ids))
    for control in controls:
        label = page.select_one(f'label[for="{control["id"]}"]')
        assert label is not None and label.get_text(strip=True), control["id"]
        assert control.get("autocomplete") == "off", control["id"]
        if control.get("type") in {"radio", "checkbox"} and control.find_parent("fieldset"):
            legend = control.find_parent("fieldset").legend
            assert legend is not None and legend.get_text(strip=True)
    radios = page.select('input[type="radio"]')
    assert all(radio.find_parent("fieldset") is not None for radio in radios)
    assert page.select("form, script, iframe, img") == []
    addresses = [str(tag.get("href") or tag.get("src")) for tag in page.select("[href], [src]")]
    assert [a for a in addresses if a.startswith(("http:", "https:", "//"))] == []
    assert [h.name for h in page.select("h1")] == ["h1"]
    assert len(page.select("main h2")) >= 3


@pytest.mark.parametrize("slug", [form.slug for form in FORMS])
def test_each_form_says_it_is_a_teaching_example_and_stores_nothing(slug: str) -> None:
    notice = _page(slug).select_one(".form-notice")
    assert notice is not None
    text = notice.get_text(" ", strip=True)
    assert "teaching example" in text
    assert "rules where you work" in text and "clinic's own policy" in text
    assert "Nothing you type here is stored or sent anywhere" in text


def test_the_two_fitzpatrick_questions_take_their_answers_from_the_phototypes(
    facts: Facts,
) -> None:
    burns, tans = sun_answers(facts)
    assert burns[0] == "Always burns" and tans[0] == "Never tans"
    assert len(burns) == len(facts.phototypes) + 1
    assert burns[-1] == tans[-1] == NONE_OF_THESE
    page = _page("consultation")
    for question, answers in (("sun-burn", burns), ("sun-tan", tans)):
        labels = [label.get_text() for label in page.select(f'label[for^="{question}-"]')]
        assert labels == answers
    legends = [legend.get_text() for legend in page.select("fieldset legend")]
    assert any("how painful is your sunburn" in legend for legend in legends)
    assert any("How much do you tan within a week" in legend for legend in legends)


def test_only_the_instructor_edition_says_what_a_yes_means(facts: Facts) -> None:
    item = facts.contraindications["isotretinoin"]
    note = screening_note(item)
    assert note.startswith("If yes (relative, refer): ")
    assert note in _page("consultation", edition="instructor").get_text()
    assert "If yes (" not in _page("consultation", edition="trainee").get_text()


def test_the_consent_form_has_the_risks_the_alternatives_minors_and_separate_photo_consent(
    facts: Facts,
) -> None:
    page = _page("consent")
    risks = [label.get_text() for label in page.select('label[for^="consent-risks-"]')]
    assert risks == facts.practice_facts["consent-risks"].client
    text = page.get_text(" ", strip=True)
    for point in facts.practice_facts["improvement-not-removal"].client:
        assert point in text
    assert "improvement, not the removal of scars" in text
    assert page.select_one('label[for="consent-alternatives"]') is not None
    assert "referral" in page.select_one('label[for="consent-alternatives"]').get_text()
    minors = page.select_one('section[aria-labelledby="minor-heading"]')
    assert minors is not None and facts.practice_facts["minors"].fact in minors.get_text()
    photo = page.select_one("section.form-photo")
    assert photo is not None
    assert "separate" in photo.h2.get_text()
    assert photo.select('input[type="checkbox"]') and photo.select('input[id$="-signature"]')
    treatment = page.select_one('section[aria-labelledby="agree-heading"]')
    assert treatment is not None and not treatment.select('[id^="photo"]')


def test_the_treatment_record_holds_every_parameter_the_data_asks_for(facts: Facts) -> None:
    page = _page("treatment-record")
    labels = " | ".join(label.get_text(" ", strip=True) for label in page.select("label"))
    for wanted in (
        "Agent",
        "Concentration",
        "pH as stated by the maker",
        "Coats, layers or passes",
        "Contact time",
        "Endpoint",
        "Reactions",
        "Batch or lot number",
        "Practitioner",
        "Date",
    ):
        assert wanted in labels, wanted
    agents = [option.get_text() for option in page.select("#record-agent option")]
    assert "Glycolic acid" in agents and not any("Phenol" in name for name in agents)
    procedures = [option.get_text() for option in page.select("#record-procedure option")]
    assert "Dermaplaning" in procedures and "Subcision" not in procedures


def test_the_referral_note_offers_the_reasons_to_refer_and_asks_consent_to_share(
    facts: Facts,
) -> None:
    page = _page("referral")
    reasons = [option.get_text() for option in page.select("#reason option")][1:-1]
    screening = [c.label for c in facts.contraindications.values() if c.action == "refer"]
    assert reasons == [*screening, facts.practice_facts["allergic-reaction"].name]
    share = page.select_one('label[for="share-agreed"]')
    assert share is not None and "shared" in share.get_text()
    for field in ("to-name", "urgency-1", "seen", "done", "medicines"):
        assert page.select_one(f"#{field}") is not None, field


def test_the_aftercare_sheet_is_the_client_wording_of_the_aftercare_data(facts: Facts) -> None:
    used = aftercare_facts(facts)
    assert {"sunscreen", "warning-signs", "emergency-signs"} <= {fact.id for fact in used}
    page = _page("aftercare")
    headings = [h2.get_text() for h2 in page.select("section.form-aftercare h2")]
    assert headings == [fact.name for fact in used]
    shown = [li.get_text(" ", strip=True) for li in page.select("section.form-aftercare li")]
    assert shown == [" ".join(point.split()) for fact in used for point in fact.client]
    sources = page.select_one(".form-sources")
    assert sources is not None
    listed = {li.strong.get_text(): li.get_text() for li in sources.select("li") if li.strong}
    for fact in used:
        assert f": {fact.label_text} [{fact.references[0]}]" in listed[fact.name]


def test_a_form_missing_its_practice_fact_says_how_to_fix_it(tmp_path: Path) -> None:
    form = Form("referral", "Referral note", "", ("no-such-fact",))
    with pytest.raises(ValueError, match=r"'no-such-fact'.*Fix: add it back to practice.yaml"):
        render_form(form, load_facts(), "trainee", "Course", "d")
