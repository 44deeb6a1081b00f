"""Certainty of a claim's wording: established, probable, possible or anecdotal.

Cues come from lexicons of hedges, boosters and attributions. Only cues in scope count (see
scope.py); a negated booster ("has not been shown") is no booster; the weakest level wins.
"""

import re
from dataclasses import dataclass

from claims.extraction import lexicons as lx
from claims.extraction.scope import Scope

# Weakest first: the order in which levels win.
LEVELS = ("anecdotal", "possible", "probable", "established")

_FAMILIES = (
    ("anecdotal", lx.compile_family(lx.ANECDOTAL)),
    ("possible", lx.compile_family(lx.POSSIBLE)),
    ("probable", lx.compile_family(lx.PROBABLE)),
    ("established", lx.compile_family(lx.ESTABLISHED)),
)
_STUDY_SUBJECT = re.compile(r"^(?:participants|subjects|respondents|volunteers)\b", re.I)
_HEDGED_REPORT = re.compile(r"\b(?:may|might|could)\s+(?:\w+\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Cue:
    level: str
    start: int  # relative to the sentence
    end: int
    text: str


def _in_study(sentence: str, cue_start: int, context_has_study: bool) -> bool:
    """Whether an attribution reports a study's findings rather than anecdotes."""
    before = sentence[:cue_start]
    return bool(lx.STUDY_REPORTERS.search(before)) or context_has_study


def find_cues(sentence: str, scope: Scope, *, context_has_study: bool = False) -> list[Cue]:
    """Every certainty cue in scope, in sentence order, overlapping ones resolved."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for level, pattern in _FAMILIES:
        for m in pattern.finditer(sentence):
            s, e = m.span()
            if not scope.covers(s, e) or any(s < te and ts < e for ts, te in taken):
                continue
            text = m.group(0)
            if level == "anecdotal":
                if _STUDY_SUBJECT.match(text):
                    continue
                lexical = re.match(
                    r"anecdot|self|testimon|personal|first|user\s|word|narrat", text, re.I
                )
                if not lexical and _in_study(sentence, s, context_has_study):
                    continue
            if level == "established":
                before = sentence[max(0, s - 40) : s]
                if lx.NEGATORS.search(before) and not re.search(r"[,;]", before[-25:]):
                    continue  # "has not been shown", "no study has found"
            cues.append(Cue(level, s, e, text))
            taken.append((s, e))
    cues.sort(key=lambda c: c.start)
    return cues


def certainty_of(cues: list[Cue]) -> str:
    levels = {c.level for c in cues}
    for level in LEVELS:
        if level in levels:
            return level
    return "established"


def hedge_cues(cues: list[Cue], certainty: str) -> list[Cue]:
    """The cues that set the level: the hedges and attributions, or the boosters if none."""
    weak = [c for c in cues if c.level != "established"]
    chosen = weak if certainty != "established" else [c for c in cues if c.level == certainty]
    return chosen
