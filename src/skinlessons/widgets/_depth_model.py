"""The depth explorer's state and what it shows, as pure functions over the depth logic.

No widgets here: the state is a small frozen dataclass, and :func:`read_depth` turns it into
the numbers and sentences the explorer draws and prints (from :mod:`skinlessons.logic.depth`).
"""

from __future__ import annotations

from dataclasses import dataclass

from skinlessons.facts import Facts, Procedure, Range
from skinlessons.logic.depth import (
    DepthEstimate,
    LayerReach,
    Reach,
    ScarReach,
    estimate_depth,
    layers_reached,
    passes_basal_layer,
    scars_reached,
)

REFERENCE_PROCEDURE = "dermabrasion"
"""Physician dermabrasion: always drawn as the reference band (the "diamond dermabrasion" myth)."""
MDA_PASSES_HEADROOM = 2
"""The passes slider goes to this multiple of the deepest band's first pass count."""


@dataclass(frozen=True)
class DepthState:
    """What the trainee picked: a procedure and, where they apply, its settings."""

    procedure_id: str
    agent_id: str | None = None
    concentration_pct: float | None = None
    coats: int | None = None
    passes: int | None = None


@dataclass(frozen=True)
class DepthReading:
    """Everything the explorer shows for one state."""

    state: DepthState
    procedure_name: str
    estimate: DepthEstimate
    layers: list[LayerReach]
    scars: list[ScarReach]
    reference_name: str
    reference: DepthEstimate
    marketing_names: tuple[str, ...]
    physician_territory: bool
    """True when the band passes the basal layer: the view says so in words."""


def depth_procedures(facts: Facts) -> list[Procedure]:
    """Procedures the explorer offers: those with a depth estimate or peel settings."""
    return [p for p in facts.procedures.values() if p.depth is not None or p.peel is not None]


def strength_options(
    facts: Facts, procedure_id: str, agent_id: str
) -> list[tuple[str, tuple[float | None, int | None]]]:
    """The agent's listed strengths that fit the procedure, as (label, (concentration, coats)).

    Each strength is represented by the middle of its range. A strength is offered only when
    every depth level the data gives it (and every level at its setting) is one of the
    procedure's own levels: TCA 35% is not a superficial peel, and glycolic 70% with long
    contact, which sources class as superficial or medium, is not offered as one either.
    """
    procedure = facts.procedure(procedure_id)
    levels = set(procedure.peel.depth_categories) if procedure.peel is not None else set()
    options = []
    for strength in facts.agent(agent_id).strengths:
        if not set(strength.depth_categories) <= levels:
            continue
        if strength.concentration_pct is not None:
            span, unit = strength.concentration_pct, "%"
            setting: tuple[float | None, int | None] = ((span.low + span.high) / 2, None)
        elif strength.coats is not None:
            span, unit = strength.coats, " coats"
            setting = (None, round((span.low + span.high) / 2))
        else:
            span, unit, setting = None, "", (None, None)
        try:
            estimate = estimate_depth(
                procedure_id,
                agent_id=agent_id,
                concentration_pct=setting[0],
                coats=setting[1],
                facts=facts,
            )
        except ValueError:
            continue
        if not set(estimate.depth_category_ids) <= levels:
            continue
        amount = f"{span.text()}{unit}" if span is not None else "as formulated"
        label = amount + (f" ({strength.condition})" if strength.condition else "")
        options.append((label, setting))
    return options


def passes_limit(procedure: Procedure) -> int:
    """Largest pass count offered for a microdermabrasion procedure."""
    deepest = max(band.max_passes or band.min_passes for band in procedure.pass_bands)
    return max(deepest, max(b.min_passes for b in procedure.pass_bands)) * MDA_PASSES_HEADROOM


def default_state(facts: Facts, procedure_id: str) -> DepthState:
    """A valid starting state for a procedure: first agent and strength, or one pass."""
    procedure = facts.procedure(procedure_id)
    if procedure.peel is not None:
        for agent_id in procedure.peel.agents:
            options = strength_options(facts, procedure_id, agent_id)
            if options:
                concentration, coats = options[0][1]
                return DepthState(procedure_id, agent_id, concentration, coats)
    if procedure.pass_bands:
        return DepthState(procedure_id, passes=procedure.pass_bands[0].min_passes)
    return DepthState(procedure_id)


def read_depth(state: DepthState, facts: Facts) -> DepthReading:
    """Estimate the depth for ``state`` and work out the layers and scars it reaches."""
    estimate = estimate_depth(
        state.procedure_id,
        agent_id=state.agent_id,
        concentration_pct=state.concentration_pct,
        coats=state.coats,
        passes=state.passes,
        facts=facts,
    )
    reference = estimate_depth(REFERENCE_PROCEDURE, facts=facts)
    procedure = facts.procedure(state.procedure_id)
    layers = layers_reached(estimate.depth_um, facts)
    return DepthReading(
        state=state,
        procedure_name=procedure.name,
        estimate=estimate,
        layers=layers,
        scars=scars_reached(estimate.depth_um, facts),
        reference_name=facts.procedure(REFERENCE_PROCEDURE).name,
        reference=reference,
        marketing_names=procedure.also_called,
        physician_territory=passes_basal_layer(layers, facts),
    )


def depth_text(depth_um: Range, approximate: bool) -> str:
    """``about 10-100 µm (approximate)`` or ``10-20 µm``."""
    return f"about {depth_um.text()} µm (approximate)" if approximate else f"{depth_um.text()} µm"


PHYSICIAN_TERRITORY = "Physician territory"
"""Said in words (never by colour alone) whenever a band passes the basal layer."""


def territory_sentence(reading: DepthReading) -> str:
    """``Physician territory: ...`` when the band passes the basal layer, else empty."""
    if not reading.physician_territory:
        return ""
    return (
        f"{PHYSICIAN_TERRITORY}: this band passes the basal layer into the dermis. Anything "
        "below the epidermis is a physician's work, not a practitioner's."
    )


def level_text(reading: DepthReading, facts: Facts) -> str:
    """The peel depth level(s) of the estimate: ``very superficial level`` or empty."""
    ids = reading.estimate.depth_category_ids
    if not ids:
        return ""
    names = " or ".join(facts.depth_categories[cid].name.lower() for cid in ids)
    return f"{names} level" + ("s" if len(ids) > 1 else "")


def settings_text(state: DepthState, facts: Facts) -> str:
    """The chosen settings in words: ``glycolic acid, 35%`` or ``3 passes``."""
    parts = []
    if state.agent_id is not None:
        parts.append(facts.agent(state.agent_id).name.lower())
    if state.concentration_pct is not None:
        parts.append(f"{state.concentration_pct:g}%")
    if state.coats is not None:
        parts.append(f"{state.coats} coats")
    if state.passes is not None:
        parts.append(f"{state.passes} pass" + ("es" if state.passes != 1 else ""))
    return ", ".join(parts)


def reach_lines(reading: DepthReading) -> dict[str, list[str]]:
    """Sentences for the layers reached and the scars the depth can and cannot address."""
    layers = [
        f"{layer.name} ({layer.reach.value})"
        for layer in reading.layers
        if layer.reach is not Reach.NOT
    ]
    can = [scar.reason for scar in reading.scars if scar.reach is not Reach.NOT]
    cannot = [scar.reason for scar in reading.scars if scar.reach is Reach.NOT]
    return {"layers": layers, "can": can, "cannot": cannot}


def myth_sentence(reading: DepthReading) -> str:
    """Compare with physician dermabrasion; name the procedure's marketing names if it has any."""
    reference = depth_text(reading.reference.depth_um, reading.reference.approximate)
    sentence = (
        f"For comparison, {reading.reference_name.lower()}, a physician procedure, reaches "
        f"{reference} (the blue band)."
    )
    names = [
        name
        for name in reading.marketing_names
        if "dermabrasion" in name.lower() and "microdermabrasion" not in name.lower()
    ]
    if names and reading.state.procedure_id != REFERENCE_PROCEDURE:
        sentence += (
            f" Spa names such as {', '.join(names)} borrow the word, but "
            f"{reading.procedure_name.lower()} stays at "
            f"{depth_text(reading.estimate.depth_um, reading.estimate.approximate)}: "
            "far shallower than dermabrasion."
        )
    return sentence
