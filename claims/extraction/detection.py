"""Is a sentence a claim, and of which kind?

A claim needs a substance or practice (named, or referred back to) and an effect predicate in
scope that is not only a purpose ("taken to improve mood"). Questions, headings, meta-text, research
under way, legal status, history, advice, disclaimers and methods are not claims, unless the same
in-scope text also states a risk.
"""

import re

from claims.extraction import lexicons as lx
from claims.extraction.scope import Scope

_EFFECT = lx.compile_family(lx.EFFECT)
_NOT_CLAIM = {name: lx.compile_family(pats) for name, pats in lx.NOT_CLAIM.items()}
_RISK = lx.compile_family(lx.RISK)
_EFFICACY_NULL = lx.compile_family(lx.EFFICACY_NULL)
_DOSING = lx.compile_family(lx.DOSING)
_STRONG_DOSING = re.compile(
    r"\d\s*(?:mg|\u00b5g|\u03bcg|mcg|ug|g|grams?|milligrams?|micrograms?)\b|1/\d|"
    r"\d\s*(?:%|percent)\s+of|one[-\s](?:tenth|twentieth)|sub[-\s]?(?:perceptual|threshold)|"
    r"every\s+(?:\w+\s+){0,2}days?|days?\s+(?:on|off)|\b(?:once|twice)\s+(?:a|per)\s+week|"
    r"\bprotocols?\b|\bschedule\b|\bdosing\s+regimen",
    re.IGNORECASE,
)
# An amount or schedule stated as a fact makes a dosing claim even without an effect verb.
_STRONG_AMOUNT = re.compile(
    r"\d\s*(?:mg|\u00b5g|\u03bcg|mcg|ug|g|grams?|milligrams?|micrograms?)\b|\b1/\d+|"
    r"\d\s*(?:%|percent)\s+of|\bone[-\s](?:tenth|twentieth)|\bevery\s+(?:\w+\s+){0,2}days?\b|"
    r"\bdays?\s+(?:on|off)\b",
    re.IGNORECASE,
)
_MECHANISM = lx.compile_family(lx.MECHANISM)
_BENEFIT = lx.compile_family(lx.BENEFIT)
_MECHANISM_VERB = re.compile(
    r"\b(?:modulat\w+|influenc\w+|act(?:s)?\s+(?:on|upon|as)|bind\w*|activat\w+|stimulat\w+|"
    r"alter\w*|affect\w*|interact\w*|engag\w+|target\w*|increas\w+|decreas\w+|dampen\w*|"
    r"diminish\w*|mediat\w+|induc\w+|rewir\w+)\b",
    re.IGNORECASE,
)
# Conditions that are mechanisms rather than benefits.
MECHANISM_CONDITIONS = frozenset({"neuroplasticity", "inflammation"})
_ADVICE = lx.compile_family(lx.ADVICE)
_MASKS = lx.compile_family(lx.MASKS)
_RISK_BESIDES_LAW = re.compile(
    r"\b(?:concerns?|purity|contamina\w+|side\s+effects|adverse|toxic\w*|harm\w*)\b", re.I
)
_ANY_CUE = lx.compile_family(lx.POSSIBLE + lx.PROBABLE + lx.ANECDOTAL + lx.ESTABLISHED)
_LIST_INTRO = re.compile(r":\s*$")


def exclusion(scope: Scope, sentence: str, kind: str) -> tuple[str, tuple[int, int]] | None:
    """Why the sentence is not a claim whatever its predicate, with the span that says so."""
    stripped = sentence.rstrip(" \"'\u201d\u2019)")
    if stripped.endswith("?"):
        return "question", (len(stripped) - 1, len(stripped))
    if kind == "heading":
        return "heading", (0, len(sentence))
    if _LIST_INTRO.search(stripped) and len(stripped.split()) < 13:
        return "list-intro", (0, len(sentence))
    text = scope.text
    for name, pattern in _NOT_CLAIM.items():
        m = pattern.search(text)
        if not m:
            continue
        if name == "not-understood" and lx.FINDING_VERB.search(text[: m.start()] + text[m.end() :]):
            continue
        if name == "legal-history" and _RISK_BESIDES_LAW.search(text):
            continue
        return name, m.span()
    attention = lx.ATTENTION.search(text)
    if attention:
        rest = text[: attention.start()] + " " * (attention.end() - attention.start())
        rest += text[attention.end() :]
        if not (_ANY_CUE.search(rest) or re.search(r"\b(?:due\s+to|because)\b", rest, re.I)):
            return "attention", attention.span()
    advice = _ADVICE.search(text)
    if advice and not lx.ADVICE_WITH_CLAIM.search(text):
        risk_before = _RISK.search(text, 0, advice.start())
        if not risk_before:
            return "advice", advice.span()
    body = text.lstrip()
    research = lx.RESEARCH_SUBJECT.match(body)
    if research and not lx.FINDING_VERB.search(body):
        offset = len(text) - len(body)
        return "about-research", (research.start() + offset, research.end() + offset)
    return None


def _mask_purposes(text: str) -> str:
    for m in lx.PURPOSE_SPAN.finditer(text):
        s, e = m.span()
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def masked(scope: Scope) -> str:
    """The in-scope text with purposes, research under way, legal status and history blanked."""
    text = scope.text
    for pattern in (_MASKS, lx.PURPOSE_SPAN):
        for m in pattern.finditer(text):
            s, e = m.span()
            text = text[:s] + " " * (e - s) + text[e:]
    return text


def predicate_spans(scope: Scope) -> list[tuple[int, int]]:
    """Effect words (or a stated amount) in scope and outside purposes and masks."""
    text = masked(scope)
    spans = [m.span() for m in _EFFECT.finditer(text)]
    spans += [m.span() for m in _RISK.finditer(text)]
    spans += [m.span() for m in _STRONG_AMOUNT.finditer(text)]
    return sorted(spans)


def claim_kind(scope: Scope, conditions_in_main: list[tuple[str, int]]) -> tuple[str, list]:
    """The kind and the spans that decided it. ``conditions_in_main``: (slug, offset) pairs."""
    text = scope.text
    main = _mask_purposes(scope.main)
    null = _EFFICACY_NULL.search(text)
    if null and not _RISK.search(text, null.end()):
        return "efficacy-null", [null.span()]
    risks = list(_RISK.finditer(main))
    benefits = list(_BENEFIT.finditer(main))
    mechs = list(_MECHANISM.finditer(main))
    dosing = _STRONG_DOSING.search(main)
    first_benefit_cond = min(
        (
            pos
            for slug, pos in conditions_in_main
            if slug not in MECHANISM_CONDITIONS and slug not in ("safety-general",)
        ),
        default=None,
    )
    first_mech_cond = min(
        (pos for slug, pos in conditions_in_main if slug in MECHANISM_CONDITIONS), default=None
    )
    if risks:
        first_risk = risks[0].start()
        first_benefit = benefits[0].start() if benefits else None
        if first_benefit is None or first_risk < first_benefit:
            return "risk", [r.span() for r in risks]
    if dosing and not benefits:
        return "dosing", [dosing.span()]
    mech_positions = [m.start() for m in mechs]
    if first_mech_cond is not None:
        mech_positions.append(first_mech_cond)
    benefit_positions = [b.start() for b in benefits if not _MECHANISM_VERB.match(b.group(0))]
    if first_benefit_cond is not None:
        benefit_positions.append(first_benefit_cond)
    # The object that comes first decides; verbs like "improve" say nothing on their own.
    m_pos = min(mech_positions, default=None)
    b_obj = [p for p in benefit_positions]
    b_pos = min(b_obj, default=None)
    if m_pos is not None and (b_pos is None or m_pos < b_pos):
        if _only_benefit_verbs_before(main, m_pos) and b_pos is not None:
            return "benefit", [(b_pos, b_pos + 1)]
        span = next((m.span() for m in mechs if m.start() == m_pos), (m_pos, m_pos + 1))
        return "mechanism", [span]
    if b_pos is not None:
        span = next((b.span() for b in benefits if b.start() == b_pos), (b_pos, b_pos + 1))
        return "benefit", [span]
    verb = _MECHANISM_VERB.search(main)
    if verb:
        return "mechanism", [verb.span()]
    return "benefit", []


def _only_benefit_verbs_before(main: str, pos: int) -> bool:
    return False


def efficacy_null_span(text: str) -> tuple[int, int] | None:
    m = _EFFICACY_NULL.search(text)
    return m.span() if m else None


def dosing_span(text: str) -> tuple[int, int] | None:
    m = _DOSING.search(text)
    return m.span() if m else None
