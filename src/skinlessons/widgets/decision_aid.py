"""Treatment decision aid: scar type, Fitzpatrick type and screening give a verdict per procedure.

Every verdict, reason and reference id comes from :func:`skinlessons.logic.suitability.assess`; this
module only groups and shows them. "Refer to a physician for this problem" comes first, as a
heading with a symbol and words, never as a colour alone. Physician procedures are listed apart:
those the course data names for the client's mark ("used for this problem: refer to discuss")
and the rest ("physician-only procedure, not indicated for this"), so that a physician-only
procedure never reads as a recommendation.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from skinlessons.facts import Facts, load_facts
from skinlessons.figures.verdict_chart import Row, RowChart
from skinlessons.logic.suitability import Advice, Verdict, assess

from . import _style as style
from ._static import WidgetApp, checkboxes, controls_box

SEVERITY_ORDER = sorted(Verdict, key=lambda verdict: -verdict.severity)
"""Refer first, then defer, caution, suitable."""


@dataclass(frozen=True)
class DecisionState:
    """The client: scar or mark id, Fitzpatrick type, and the screening items that apply."""

    scar_id: str | None = None
    phototype_id: str | None = None
    contraindication_ids: frozenset[str] = field(default_factory=frozenset)


def grouped_advice(state: DecisionState, facts: Facts) -> dict[Verdict, list[Advice]]:
    """Advice for every procedure, grouped by verdict, most severe group first."""
    advice = assess(state.scar_id, state.phototype_id, state.contraindication_ids, facts)
    return {v: [a for a in advice if a.verdict is v] for v in SEVERITY_ORDER}


def client_text(state: DecisionState, facts: Facts) -> str:
    """The client in words: mark, phototype and ticked screening items."""
    mark = facts.mark(state.scar_id).name if state.scar_id else "mark not assessed"
    phototype = f"Fitzpatrick type {state.phototype_id}" if state.phototype_id else "type not set"
    ticked = [
        facts.contraindications[c].label
        for c in facts.contraindications
        if c in state.contraindication_ids
    ]
    return f"{mark}; {phototype}; screening: {', '.join(ticked) or 'nothing ticked'}"


Groups = dict[Verdict, list[Advice]]


@dataclass(frozen=True)
class Shown:
    """One group as shown: its symbol, words, colour and the advice in it."""

    key: str
    symbol: str
    words: str
    colour: str
    advice: list[Advice]


def shown_groups(state: DecisionState, facts: Facts, groups: Groups) -> list[Shown]:
    """The groups as shown: practitioner verdicts, refer first; physician procedures apart.

    A physician procedure the course data lists as helping the client's mark (``helped_by``,
    ``partly_helped_by``) is "used for this problem"; every other one is "physician-only (not
    indicated for this)", shown last.
    """
    mark = facts.mark(state.scar_id) if state.scar_id else None
    indicated = set(mark.helped_by + mark.partly_helped_by) if mark else set()
    practitioner: dict[Verdict, list[Advice]] = {v: [] for v in groups}
    physician: dict[str, list[Advice]] = {key: [] for key in style.PHYSICIAN_GROUPS}
    for verdict, advice in groups.items():
        for entry in advice:
            if facts.procedure(entry.procedure_id).performer != "physician":
                practitioner[verdict].append(entry)
            elif entry.procedure_id in indicated:
                physician["physician-indicated"].append(entry)
            else:
                physician["physician-only" if mark else "physician-unassessed"].append(entry)
    shown = [
        Shown(
            verdict.value,
            style.VERDICT_SYMBOLS[verdict.value],
            style.REFER_PROBLEM_WORDS
            if verdict is Verdict.REFER
            else style.VERDICT_WORDS[verdict.value],
            style.VERDICT_COLOURS[verdict.value],
            practitioner[verdict],
        )
        for verdict in groups
    ]
    shown.insert(1, _physician(physician, "physician-indicated"))
    shown += [
        _physician(physician, "physician-only"),
        _physician(physician, "physician-unassessed"),
    ]
    return [group for group in shown if group.advice]


def _physician(physician: dict[str, list[Advice]], key: str) -> Shown:
    symbol, words, colour = style.PHYSICIAN_GROUPS[key]
    return Shown(key, symbol, words, colour, physician[key])


def describe_decision(state: DecisionState, facts: Facts, groups: Groups | None = None) -> str:
    """Alt text and plain result: each verdict group with its procedures and first reason.

    ``groups`` is :func:`grouped_advice` for ``state`` when the caller already has it.
    """
    parts = [f"Treatment decision for: {client_text(state, facts)}."]
    groups = groups if groups is not None else grouped_advice(state, facts)
    for group in shown_groups(state, facts, groups):
        entries = "; ".join(
            facts.procedure(a.procedure_id).name
            + (
                f" ({a.reasons[0].text} [{', '.join(a.reasons[0].reference_ids)}])"
                if a.reasons
                else ""
            )
            for a in group.advice
        )
        parts.append(f"{group.symbol} {group.words} ({len(group.advice)}): {entries}.")
    return " ".join(parts)


def result_html(state: DecisionState, facts: Facts, groups: Groups | None = None) -> str:
    """Groups as headings (symbol + words), procedures as list items with reasons and refs."""
    sections = [f"<p>{html.escape(client_text(state, facts))}</p>"]
    groups = groups if groups is not None else grouped_advice(state, facts)
    for group in shown_groups(state, facts, groups):
        heading = f"{group.symbol} {group.words}"
        level = "h3" if group.key == Verdict.REFER.value else "h4"
        items = []
        for entry in group.advice:
            reasons = "".join(
                f"<li>{html.escape(r.text)} [{html.escape(', '.join(r.reference_ids))}]</li>"
                for r in entry.reasons
            )
            name = html.escape(facts.procedure(entry.procedure_id).name)
            items.append(
                f"<li><strong>{name}</strong>"
                + (f"<ul>{reasons}</ul>" if reasons else "")
                + "</li>"
            )
        sections.append(
            f'<{level} style="border-left: 0.4em solid {group.colour}; padding-left: 0.4em">'
            f"{html.escape(heading)} ({len(group.advice)})</{level}><ul>{''.join(items)}</ul>"
        )
    return "".join(sections)


def verdict_rows(state: DecisionState, groups: Groups, facts: Facts) -> list[Row]:
    """One chart row per procedure, in the order of the groups shown."""
    return [
        Row(
            1.0,
            group.colour,
            group.symbol,
            f"{group.words}: {facts.procedure(a.procedure_id).name}",
        )
        for group in shown_groups(state, facts, groups)
        for a in group.advice
    ]


def _draw(chart: RowChart, state: DecisionState, facts: Facts, groups: Groups) -> None:
    chart.update(
        f"Treatment decision: {client_text(state, facts)}", verdict_rows(state, groups, facts)
    )


class DecisionAid(WidgetApp):
    """The live decision aid: mark, phototype, screening check-boxes; verdicts for all."""

    def __init__(self, facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else load_facts()
        marks = [*self.facts.scars.values(), *self.facts.non_scars.values()]
        self.state = DecisionState(marks[0].id, next(iter(self.facts.phototypes)))
        self.chart = RowChart(len(self.facts.procedures), bar_width=0.04)
        self.scar = widgets.Dropdown(
            options=[(m.name, m.id) for m in marks],
            value=self.state.scar_id,
            **style.control_kwargs("Scar or mark:"),
        )
        self.phototype = widgets.Dropdown(
            options=[(f"{p.id}: {p.sun_response}", p.id) for p in self.facts.phototypes.values()],
            value=self.state.phototype_id,
            **style.control_kwargs("Fitzpatrick type:"),
        )
        self.checks = checkboxes(self.facts.contraindications.values())
        heading = widgets.HTML("<strong>Screening (tick all that apply):</strong>")
        screening = controls_box([heading, *self.checks.values()])
        self._groups: Groups = {}
        self._start(
            [self.scar, self.phototype, screening],
            [self.scar, self.phototype, *self.checks.values()],
            result_first=True,
        )

    def alt_text(self) -> str:
        """Every verdict group with its procedures and reasons, in words."""
        return describe_decision(self.state, self.facts, self._groups)

    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """A new static chart for ``scar_id``, ``phototype_id``, ``contraindication_ids``."""
        given = DecisionState(
            state.get("scar_id"),
            state.get("phototype_id"),
            frozenset(state.get("contraindication_ids", ())),
        )
        chart = RowChart(len(self.facts.procedures), bar_width=0.04)
        groups = grouped_advice(given, self.facts)
        _draw(chart, given, self.facts, groups)
        return chart.figure, describe_decision(given, self.facts, groups)

    def _on_change(self, change: dict[str, Any]) -> None:
        ticked = frozenset(cid for cid, box in self.checks.items() if box.value)
        self.state = DecisionState(self.scar.value, self.phototype.value, ticked)
        self._refresh()

    def _refresh(self) -> None:
        self._groups = grouped_advice(self.state, self.facts)
        _draw(self.chart, self.state, self.facts, self._groups)
        self._update_picture()
        self.result.value = result_html(self.state, self.facts, self._groups)

    def _render_png(self) -> bytes:
        return self.chart.render_png(dpi=style.FIGURE_DPI)


def decision_aid() -> DecisionAid:
    """Build the treatment decision aid (a verdict for every procedure, reasons and references).

    Returns an object that displays as the live widget plus a static PNG with alt text.
    """
    return DecisionAid()
