"""Evidence a sentence cites for its claim, and whether it names a specific study.

The strongest design named wins (systematic review > RCT > trial > survey > preclinical >
unspecified research > expert opinion > anecdote). Research that is only wished for or under way
("more research is needed", "trials are ongoing") is not evidence; a reference marker ("[12]",
"(Passie, 2008)") is unspecified research.
"""

import re
from dataclasses import dataclass

from claims.extraction import lexicons as lx
from claims.extraction.patterns import Overlapping
from claims.extraction.scope import Scope

ORDER = (
    "none",
    "anecdotal",
    "expert-opinion",
    "unspecified-research",
    "preclinical",
    "survey-observational",
    "clinical-trial",
    "rct",
    "systematic-review",
)
RANK = {value: i for i, value in enumerate(ORDER)}


def _ordered_patterns() -> list[tuple[str, str]]:
    """(value, pattern), strongest design first, so that at one word the strongest wins; an
    opinion phrase ("researchers believe") goes before the bare research words it starts with,
    a bare "experts" after them ("experts have found" is research)."""
    ev = lx.EVIDENCE
    opinion = ev["expert-opinion"]
    bare_opinion = [p for p in opinion if p in (r"experts?", r"practitioners")]
    phrase_opinion = [p for p in opinion if p not in bare_opinion]
    order = [(v, p) for v in ORDER[::-1][:5] for p in ev[v]]  # review ... preclinical
    order += [("expert-opinion", p) for p in phrase_opinion]
    order += [("unspecified-research", p) for p in ev["unspecified-research"]]
    order += [("expert-opinion", p) for p in bare_opinion]
    order += [("anecdotal", p) for p in ev["anecdotal"]]
    return order


_ORDERED = _ordered_patterns()
_EVIDENCE = Overlapping([p for _, p in _ORDERED])
_VOID = lx.compile_family(lx.EVIDENCE_VOID)
_NOT_EVIDENCE = re.compile(
    r"trial\s+and\s+error|anecdotal\s+evidence|evidence\s+(?:from|of)\s+(?:users|anecdot)",
    re.IGNORECASE,
)


# Every reference marker has a digit or a superscript digit.
_MARKER_TRIGGER = re.compile(r"[\d\u00b9\u00b2\u00b3\u2070-\u2079]")
_BARE_EXPERIMENT = re.compile(r"(?:experiments?|studies|study|trials?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EvidenceCue:
    value: str
    start: int  # relative to the sentence
    end: int


def find_evidence(sentence: str, scope: Scope) -> list[EvidenceCue]:
    markers = []
    if _MARKER_TRIGGER.search(sentence):  # most sentences have no digit: skip the markers
        markers = list(lx.REFERENCE_MARKER.finditer(sentence))
        # "a meta-analysis39 of trials": the glued reference number is blanked, the design read.
        sentence = lx.GLUED_REFERENCE.sub(lambda m: " " * len(m.group()), sentence)
    void = [m.span() for m in _VOID.finditer(sentence)]
    # The research words of the same clause as a void phrase go with it ("researchers are
    # investigating whether", "more research is needed").
    void_clauses = []
    for vs, ve in void:
        cs = max(sentence.rfind(",", 0, vs), sentence.rfind(";", 0, vs), -1) + 1
        void_clauses.append((cs, ve))
    blocked = [m.span() for m in _NOT_EVIDENCE.finditer(sentence)]
    found: list[EvidenceCue] = []
    for s, e, index in _EVIDENCE.hits(sentence):
        value = _ORDERED[index][0]
        if not scope.covers(s, e):
            continue
        if any(vs <= s and e <= ve for vs, ve in void_clauses):
            continue
        if value != "anecdotal" and any(bs <= s and e <= be for bs, be in blocked):
            continue
        found.append(EvidenceCue(value, s, e))
    if any(c.value == "preclinical" for c in found):
        # "Experiments have shown that animals...": animal experiments are preclinical.
        found = [c for c in found if not _BARE_EXPERIMENT.match(sentence, c.start, c.end)]
    for m in markers:
        found.append(EvidenceCue("unspecified-research", m.start(), m.end()))
    return found


def strongest(cues: list[EvidenceCue]) -> str:
    return max((c.value for c in cues), key=RANK.__getitem__, default="none")


# Every named-study pattern needs one of these; most sentences have none, so test this first
# (substring tests: much cheaper than one regex of some seventy alternatives).
_NAMED_TRIGGER_WORDS = (
    "et al", "(", "Universit", "College", "Institut", "School", "Hospital", "Clinic", "Cent",
    "Foundation", "Association", "Society", "Council", "Agency", "Administration", "Lab",
    "Hopkins", "Harvard", "Stanford", "Yale", "Oxford", "Cambridge", "Cochrane", "UCLA", "UCSF",
    "NYU", "McGill", "Maastricht", "Beckley", "Usona", "Compass", "FDA", "NIH", "NIM", "NIDA",
    "NIAAA", "SAMHSA", "CDC", "WHO", "EMA", "NICE", "NHS", "MHRA", "TGA", "MAPS", "VA", "DEA",
    "APA", "Organisation", "Organization", "Department", "published", "appeared", "reported",
    "Journal", "journal", "JAMA", "Lancet", "Nature", "Science", "NEJM", "BMJ", "eLife", "PLOS",
    "Psychopharmacology", "Neuron", "Cell", "Dr", "Prof", "ccording", "Says", "says", "Said",
    "said", "Food and Drug",
)  # fmt: skip
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _may_name_a_study(sentence: str) -> bool:
    return any(word in sentence for word in _NAMED_TRIGGER_WORDS) or bool(_YEAR.search(sentence))


def named_study_spans(sentence: str) -> list[tuple[int, int]]:
    if not _may_name_a_study(sentence):
        return []
    spans = []
    for m in lx.NAMED_STUDY.finditer(sentence):
        tail = sentence[m.end() : m.end() + 12]
        if lx.NOT_NAMED.match(tail.strip()):
            continue
        spans.append(m.span())
    return spans


def named_studies(quote: str) -> list[dict]:
    """What ``quote`` names (studies, authors, institutions, journals, agencies), as JSON-ready
    spans of the quote: ``[{"start": 3, "end": 19, "text": "Johns Hopkins"}]``. Overlapping
    detections are joined; surrounding spaces and punctuation are left out."""
    joined: list[list[int]] = []
    for start, end in sorted(named_study_spans(quote)):
        piece = quote[start:end]
        start += len(piece) - len(piece.lstrip(" ,;:.("))
        end -= len(piece) - len(piece.rstrip(" ,;:."))
        if end <= start:
            continue
        if (
            quote.count("(", start, end) > quote.count(")", start, end)
            and quote[end : end + 1] == ")"
        ):
            end += 1  # "Barrett et al. (2021)": close the bracket the detection left open
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return [{"start": s, "end": e, "text": quote[s:e]} for s, e in joined]


def points_to_study(sentence: str) -> bool:
    return bool(lx.STUDY_POINTER.search(sentence))


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
