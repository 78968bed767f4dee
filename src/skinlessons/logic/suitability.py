"""Treatment suitability and scar identification, driven by the rules and features in the data.

Pure functions, no I/O and no display: the decision aid and the scar identifier widgets call
these. Rules live in ``rules.yaml``: each says when it applies (scar type, phototype,
contraindications), to which procedures, with which outcome and why. A procedure's verdict is
the most severe outcome of every rule that applies (refer > defer > caution > suitable), and
every reason is kept. This is teaching logic, not clinical guidance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from ..facts import Facts, Procedure, Rule, load_facts


class Verdict(StrEnum):
    """What a practitioner should do about one procedure for one client, least severe first."""

    SUITABLE = "suitable"
    """In scope; proceed conservatively, with sun protection."""
    CAUTION = "caution"
    """Possible with adjustments (conservative settings, test area, realistic expectations)."""
    DEFER = "defer"
    """Not today: reschedule once the problem has settled."""
    REFER = "refer"
    """Not for the practitioner: refer to a physician or the prescriber first."""

    @property
    def severity(self) -> int:
        """0 for suitable up to 3 for refer; the verdict of several rules is the highest."""
        return list(Verdict).index(self)


@dataclass(frozen=True)
class Reason:
    """One rule's reason, written for trainees, with the references it rests on."""

    text: str
    reference_ids: tuple[str, ...]
    verdict: Verdict
    rule_id: str


@dataclass(frozen=True)
class Advice:
    """The verdict for one procedure and every reason behind it, most severe first."""

    procedure_id: str
    verdict: Verdict
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ScarMatch:
    """How well a set of observed features fits one scar or non-scar type.

    ``score`` is the share of features in common among all features involved (0 to 1), so
    features the type does not have count against it.
    """

    mark_id: str
    name: str
    is_scar: bool
    score: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]
    explanation: str


def assess(
    scar_id: str | None,
    phototype_id: str | None,
    contraindication_ids: Iterable[str] = (),
    facts: Facts | None = None,
) -> list[Advice]:
    """Advice for every procedure for one client, in the order of ``procedures.yaml``.

    Args:
        scar_id: the client's scar or mark type (``ice-pick``, ``boxcar-shallow``, ``pih``...),
            or None if not assessed.
        phototype_id: Fitzpatrick type ``"I"`` to ``"VI"``, or None if not assessed.
        contraindication_ids: screening items that apply (``isotretinoin``, ``active-hsv``...).
        facts: the course data (default: the package's data).

    Returns:
        One :class:`Advice` per procedure. A procedure no rule speaks about is suitable with no
        reasons (the shipped rules cover every procedure).

    Raises:
        ValueError: an unknown scar, phototype or contraindication id.
    """
    facts = facts or load_facts()
    if scar_id is not None:
        facts.mark(scar_id)
    if phototype_id is not None and phototype_id not in facts.phototypes:
        known = ", ".join(facts.phototypes)
        raise ValueError(f"unknown phototype id {phototype_id!r}; known ids: {known}")
    screened = frozenset(contraindication_ids)
    unknown = sorted(screened - set(facts.contraindications))
    if unknown:
        known = ", ".join(facts.contraindications)
        raise ValueError(f"unknown contraindication id(s) {unknown}; known ids: {known}")
    matching = [rule for rule in facts.rules if _applies(rule, scar_id, phototype_id, screened)]
    return [_advise(procedure, matching) for procedure in facts.procedures.values()]


def _applies(
    rule: Rule, scar_id: str | None, phototype_id: str | None, screened: frozenset[str]
) -> bool:
    when = rule.when
    if when.scars and scar_id not in when.scars:
        return False
    if when.phototypes and phototype_id not in when.phototypes:
        return False
    return not when.contraindications or bool(screened.intersection(when.contraindications))


def _targets(rule: Rule, procedure: Procedure) -> bool:
    target = rule.applies_to
    return (
        procedure.id in target.procedures
        or procedure.family in target.families
        or procedure.performer in target.performers
    )


def _advise(procedure: Procedure, rules: list[Rule]) -> Advice:
    reasons = [
        Reason(rule.reason, tuple(rule.references), Verdict(rule.outcome), rule.id)
        for rule in rules
        if _targets(rule, procedure)
    ]
    reasons.sort(key=lambda reason: -reason.verdict.severity)
    verdict = reasons[0].verdict if reasons else Verdict.SUITABLE
    return Advice(procedure.id, verdict, tuple(reasons))


def match_scar(features: Iterable[str], facts: Facts | None = None) -> list[ScarMatch]:
    """Which scar or non-scar types fit the observed features, best first, and why.

    Args:
        features: feature ids from ``scars.yaml`` (``narrow``, ``v-shaped``, ``sharp-walls``,
            ``flat-base``, ``wave-like``, ``flattens-when-stretched``, ``raised``,
            ``beyond-wound``, ``flat-colour-change``...).
        facts: the course data (default: the package's data).

    Returns:
        Every type sharing at least one feature, by descending score; empty if none does. A
        type is left out when one of its features excludes an observed one (a flat color
        change has no dent, so a dent rules out PIH and PIE).

    Raises:
        ValueError: an unknown feature id (the message lists the known ones).
    """
    facts = facts or load_facts()
    observed = set(features)
    unknown = sorted(observed - set(facts.scar_features))
    if unknown:
        known = ", ".join(facts.scar_features)
        raise ValueError(f"unknown feature id(s) {unknown}; known ids: {known}")
    marks = [*facts.scars.values(), *facts.non_scars.values()]
    matches = []
    for mark in marks:
        own = set(mark.features)
        matched = own & observed
        if not matched or _conflicts(own, observed, facts):
            continue
        match = ScarMatch(
            mark_id=mark.id,
            name=mark.name,
            is_scar=mark.id in facts.scars,
            score=len(matched) / len(own | observed),
            matched=_in_data_order(facts, matched),
            missing=_in_data_order(facts, own - observed),
            unexpected=_in_data_order(facts, observed - own),
            explanation="",
        )
        matches.append(_explained(match, facts))
    return sorted(matches, key=lambda m: (-m.score, m.name))


def conflicting_features(features: Iterable[str], facts: Facts) -> list[tuple[str, str]]:
    """Pairs of features that cannot be seen together (``excludes`` in the data)."""
    chosen = [fid for fid in facts.scar_features if fid in set(features)]
    return [
        (a, b)
        for i, a in enumerate(chosen)
        for b in chosen[i + 1 :]
        if b in facts.scar_features[a].excludes or a in facts.scar_features[b].excludes
    ]


def _conflicts(own: set[str], observed: set[str], facts: Facts) -> bool:
    """Whether a mark's own features rule out a feature that was observed (or the reverse)."""
    return any(
        seen in facts.scar_features[fid].excludes or fid in facts.scar_features[seen].excludes
        for fid in own
        for seen in observed
    )


def _explained(match: ScarMatch, facts: Facts) -> ScarMatch:
    def labels(ids: tuple[str, ...]) -> str:
        return "; ".join(facts.scar_features[fid].label for fid in ids)

    parts = [f"{match.name} fits: {labels(match.matched)}."]
    if match.missing:
        parts.append(f"Also typical, not ticked: {labels(match.missing)}.")
    if match.unexpected:
        parts.append(f"Does not fit: {labels(match.unexpected)}.")
    return replace(match, explanation=" ".join(parts))


def _in_data_order(facts: Facts, feature_ids: set[str]) -> tuple[str, ...]:
    return tuple(fid for fid in facts.scar_features if fid in feature_ids)
