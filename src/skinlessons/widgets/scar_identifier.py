"""Scar identifier: tick what you see; see which scar or mark type it matches, and why.

The matching is :func:`skinlessons.logic.suitability.match_scar`; this module shows its scores as
labelled bars (best first) and its explanations as text, then the best match seen from the
surface on every tone of the course tone ramp (a schematic drawing from ``pictures.yaml``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
from matplotlib.figure import Figure

from skinlessons.facts import Facts, load_facts
from skinlessons.figures import _palette as palette
from skinlessons.figures.surface_pictures import plot_mark_surface
from skinlessons.figures.verdict_chart import Row, RowChart
from skinlessons.logic.suitability import ScarMatch, conflicting_features, match_scar

from . import _style as style
from ._static import WidgetApp, checkboxes
from ._surface_view import SurfaceView, surface_note

PERCENT = 100.0
BEST_SYMBOL = "★"


@dataclass(frozen=True)
class IdentifierState:
    """The ticked feature ids, in the data's order."""

    features: tuple[str, ...] = ()


def feature_labels(features: tuple[str, ...], facts: Facts) -> str:
    """The ticked features in words."""
    return "; ".join(facts.scar_features[f].label for f in features) or "nothing ticked"


def best_matches(state: IdentifierState, facts: Facts) -> list[ScarMatch]:
    """The types sharing the top score (several when features do not decide between them)."""
    matches = match_scar(state.features, facts)
    return [m for m in matches if m.score == matches[0].score] if matches else []


def describe_identifier(state: IdentifierState, facts: Facts) -> str:
    """Alt text and plain result: the features, the best match and the reasons."""
    matches = match_scar(state.features, facts)
    head = f"Scar identifier. Features ticked: {feature_labels(state.features, facts)}."
    clash = conflict_text(state, facts)
    if not matches:
        return f"{head} {clash or 'No scar or mark type matches yet: tick what you see.'}"
    best = best_matches(state, facts)
    kind = lambda m: "a scar" if m.is_scar else "not a scar (a color change)"  # noqa: E731
    names = " or ".join(f"{m.name} ({kind(m)})" for m in best)
    scores = "; ".join(f"{m.name} {PERCENT * m.score:.0f}%" for m in matches)
    reasons = " ".join(m.explanation for m in best)
    return f"{head} Best match: {names}. {reasons} Share of features in common: {scores}."


def conflict_text(state: IdentifierState, facts: Facts) -> str:
    """Which ticked features cannot be seen together, in words (empty when none clash)."""
    pairs = conflicting_features(state.features, facts)
    if not pairs:
        return ""
    label = lambda fid: f'"{facts.scar_features[fid].label}"'  # noqa: E731
    clashes = "; ".join(f"{label(a)} and {label(b)}" for a, b in pairs)
    return f"These features cannot be seen together: {clashes}. Untick the one that is wrong."


def match_rows(state: IdentifierState, facts: Facts) -> list[Row]:
    """One chart row per matching type, best first; the best marked with a star and words."""
    best = {m.mark_id for m in best_matches(state, facts)}
    rows = []
    for match in match_scar(state.features, facts):
        is_best = match.mark_id in best
        label = f"{match.name}: {PERCENT * match.score:.0f}% of features in common"
        rows.append(
            Row(
                match.score,
                palette.VERMILLION if is_best else palette.SKY_BLUE,
                BEST_SYMBOL if is_best else "",
                ("best match: " if is_best else "") + label,
            )
        )
    return rows


def pictured_match(state: IdentifierState, facts: Facts) -> str | None:
    """The first best match that has a surface picture, if any."""
    shown = {change.mark for change in facts.surface_changes.values()}
    return next((m.mark_id for m in best_matches(state, facts) if m.mark_id in shown), None)


def result_html(state: IdentifierState, facts: Facts) -> str:
    """The best match and why, every other candidate with its score, and the picture's note."""
    matches = match_scar(state.features, facts)
    clash = conflict_text(state, facts)
    if not matches:
        message = clash or "No scar or mark type matches yet: tick what you see."
        return f"<p>{html.escape(message)}</p>"
    best = best_matches(state, facts)
    items = "".join(
        f"<li><strong>{html.escape(m.name)}</strong> ({PERCENT * m.score:.0f}%): "
        f"{html.escape(m.explanation)}</li>"
        for m in matches
    )
    names = " or ".join(html.escape(m.name) for m in best)
    note = f"<p>{html.escape(clash)}</p>" if clash else ""
    pictured = pictured_match(state, facts)
    picture = f"<p>{html.escape(surface_note(pictured, facts))}</p>" if pictured else ""
    return f"<h4>{BEST_SYMBOL} Best match: {names}</h4>{note}<ul>{items}</ul>{picture}"


def _draw(chart: RowChart, state: IdentifierState, facts: Facts) -> None:
    chart.update(
        f"Features ticked: {feature_labels(state.features, facts)}", match_rows(state, facts)
    )


def _new_chart(facts: Facts) -> RowChart:
    return RowChart(len(facts.scars) + len(facts.non_scars), width_in=7.0, bar_width=0.25)


class ScarIdentifier(WidgetApp):
    """The live scar identifier: one check-box per feature, the match chart and its reasons."""

    def __init__(self, facts: Facts | None = None) -> None:
        self.facts = facts if facts is not None else load_facts()
        self.state = IdentifierState()
        self.chart = _new_chart(self.facts)
        self.checks = checkboxes(self.facts.scar_features.values())
        self.surface = SurfaceView(self.facts)
        heading = widgets.HTML("<strong>What do you see? (tick all)</strong>")
        self._start(
            [heading, *self.checks.values()],
            self.checks.values(),
            result_first=True,
            last=[self.surface.image],
        )

    @property
    def png(self) -> bytes:
        """PNG bytes of the live pictures (the current state): the chart, then the surface."""
        return self.surface.under(super().png)

    def alt_text(self) -> str:
        """The features, the best match, the reasons, every score and the surface picture."""
        surface = self.surface.alt_text
        picture = f" Under the chart: {surface}" if surface else ""
        return describe_identifier(self.state, self.facts) + picture

    def render_surface(self, **state: Any) -> tuple[Figure, str] | None:
        """The surface picture of the best match for ``features`` (None if it has none)."""
        mark_id = pictured_match(self._given(state), self.facts)
        return plot_mark_surface(mark_id, self.facts) if mark_id else None

    def render_state(self, **state: Any) -> tuple[Figure, str]:
        """A new static chart for ``features`` (feature ids)."""
        given = self._given(state)
        chart = _new_chart(self.facts)
        _draw(chart, given, self.facts)
        return chart.figure, describe_identifier(given, self.facts)

    def _given(self, state: dict[str, Any]) -> IdentifierState:
        """The state for ``features`` (feature ids), in the data's order."""
        chosen = set(state.get("features", ()))
        return IdentifierState(tuple(f for f in self.facts.scar_features if f in chosen))

    def _on_change(self, change: dict[str, Any]) -> None:
        self.state = IdentifierState(tuple(f for f, box in self.checks.items() if box.value))
        self._refresh()

    def _refresh(self) -> None:
        _draw(self.chart, self.state, self.facts)
        self._update_picture()
        self.surface.show(pictured_match(self.state, self.facts))
        self.result.value = result_html(self.state, self.facts)

    def _render_png(self) -> bytes:
        return self.chart.render_png(dpi=style.FIGURE_DPI)


def scar_identifier() -> ScarIdentifier:
    """Build the scar identifier. Returns an object that displays as the live widget plus a
    static PNG with alt text."""
    return ScarIdentifier()
