"""Certainty of a claim's wording: established, probable, possible or anecdotal.

Cues come from lexicons of hedges, boosters and attributions. Only cues in scope count (see
scope.py); a negated booster ("has not been shown") is no booster; the weakest level wins.
"""

import re
from dataclasses import dataclass

from claims.extraction import lexicons as lx
from claims.extraction.patterns import Overlapping
from claims.extraction.scope import Scope

# Weakest first: the order in which levels win.
LEVELS = ("anecdotal", "possible", "probable", "established")

# One scan for all four families; at one word the weakest level's cue is tried first.
_LEVEL_OF = [
    (level, p)
    for level, patterns in (
        ("anecdotal", lx.ANECDOTAL),
        ("possible", lx.POSSIBLE),
        ("probable", lx.PROBABLE),
        ("established", lx.ESTABLISHED),
    )
    for p in patterns
]
_CUES = Overlapping([p for _, p in _LEVEL_OF])
_STUDY_SUBJECT = re.compile(r"^(?:participants|subjects|respondents|volunteers)\b", re.I)
_SELF_REPORT = re.compile(r"self[-\s]reported", re.IGNORECASE)
_LEXICAL_ANECDOTE = re.compile(r"anecdot|self|testimon|personal|first|user\s|word|narrat", re.I)


# "appear"/"seem" describing what is perceived or when and where something shows up, not the
# writer's certainty: "colours appear brighter", "sensations that seem real", "appeared rapidly",
# "it often appears in cooking". ("It seems that ...", "it appears that ..." do hedge.)
_APPEAR = re.compile(r"(?:appear|seem)(?:s|ed)?$", re.IGNORECASE)
_PERCEIVED_SUBJECT = re.compile(
    r"\b(?:sensations?|images?|objects?|colou?rs?|sounds?|things|time|surroundings|world|"
    r"reality|faces?|shapes?|walls?|visions?|voices|everything)\s+(?:that\s+|which\s+|to\s+"
    r"|can\s+|may\s+|might\s+|often\s+|sometimes\s+)*$",
    re.IGNORECASE,
)
# "make it seem as though ...": what the drug makes one perceive.
_CAUSED = re.compile(r"\b(?:make|makes|made|making)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_PERCEIVED_OR_TIMED = re.compile(
    r"\s+(?:to\s+(?:move|melt|breathe|glow|shift|morph|ripple|warp|slow|speed)|"
    r"(?:in|on|at|rapidly|quickly|suddenly|soon|immediately|gradually|early|late|within|after|"
    r"unreal|real|distorted|brighter|vivid|more\s+vivid|sharper|louder|alive)\b)",
    re.IGNORECASE,
)


def _perceptual(sentence: str, start: int, end: int) -> bool:
    word = sentence[start:end]
    if not _APPEAR.match(word) and not re.match(r"(?:appear|seem)(?:s|ed)?\s+to$", word, re.I):
        return False
    before = sentence[max(0, start - 40) : start]
    after = sentence[start + len(re.match(r"\w+", word).group()) : end + 30]
    return bool(_PERCEIVED_OR_TIMED.match(after) or _CAUSED.search(before)) or (
        _APPEAR.match(word) is not None and bool(_PERCEIVED_SUBJECT.search(before))
    )


# Research under way just before a possibility word: "being investigated for the potential
# treatment of ..." names what is studied, it does not hedge a finding.
_UNDER_WAY = re.compile(
    r"\b(?:being\s+(?:\w+ly\s+)?(?:investigated|studied|explored|tested|evaluated|researched|"
    r"trialled|trialed)|(?:investigating|studying|exploring|testing|evaluating))\s+(?:for|as|in)"
    r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[^,;.]{0,5}$",
    re.IGNORECASE,
)


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


def find_cues(
    sentence: str, scope: Scope, *, context_has_study: bool = False, controlled: bool = False
) -> list[Cue]:
    """Every certainty cue in scope, in sentence order, overlapping ones resolved.

    ``controlled``: the sentence reports a controlled trial's results, whose self-reported
    measures are study findings, not anecdotes."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for s, e, index in _CUES.hits(sentence):
        level = _LEVEL_OF[index][0]
        if not scope.covers(s, e) or any(s < te and ts < e for ts, te in taken):
            continue
        text = sentence[s:e]
        if level == "anecdotal":
            if _STUDY_SUBJECT.match(text):
                continue
            lexical = _LEXICAL_ANECDOTE.match(text)
            if lexical and controlled and _SELF_REPORT.match(text):
                continue  # "self-reported anxiety fell" in a placebo-controlled trial
            if not lexical and _in_study(sentence, s, context_has_study):
                continue
        if level == "possible" and _UNDER_WAY.search(sentence, max(0, s - 60), s):
            continue  # "is being investigated as a potential treatment": research, no hedge
        if level == "probable" and _perceptual(sentence, s, e):
            continue  # "sensations that seem real", "improvements appeared rapidly"
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


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
