"""A first draft of the canonical claim a mention makes, to prefill "create a new claim".

Built from the mention's labels (kind, substances, conditions), never from its hedged wording, so
the draft is neutral ("Microdosing psilocybin helps with depression"); the curator edits it.
"""

import re

from claims.labels import ClaimKind
from claims.models import Mention

# Outcomes too general to name in a statement ("carries risks" says it already).
_UNNAMED = {"safety-general"}


def _display(name: str, first: bool) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()  # "Psychedelics (general)" -> "Psychedelics"
    if first or not name or name.isupper() or name[:2].isupper():
        return name
    return name[0].lower() + name[1:]


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def draft_statement(mention: Mention) -> str:
    """A neutral statement for the claim the mention makes. Uses the mention's prefetched
    substances and conditions (two queries otherwise)."""
    substances = list(mention.substances.all())
    conditions = [c for c in mention.conditions.all() if c.slug not in _UNNAMED]
    subject_names = [_display(s.name, i == 0) for i, s in enumerate(substances)]
    subject = _join(subject_names) or "It"
    if "microdos" in mention.quote.lower() and not subject.lower().startswith("microdos"):
        subject = "Microdosing " + (_display(subject, False) if substances else "psychedelics")
    outcome = _join([_display(c.name, False) for c in conditions])
    kind = mention.kind
    if kind == ClaimKind.EFFICACY_NULL:
        return f"{subject} is no better than placebo" + (f" for {outcome}" if outcome else "")
    if kind == ClaimKind.RISK:
        return f"{subject} carries risks" + (f", including {outcome}" if outcome else "")
    if kind == ClaimKind.MECHANISM:
        return f"{subject} affects {outcome}" if outcome else f"{subject} acts on the brain"
    if kind == ClaimKind.DOSING:
        return f"{subject} has a recommended dose" + (f" for {outcome}" if outcome else "")
    return f"{subject} helps with {outcome}" if outcome else f"{subject} has benefits"
