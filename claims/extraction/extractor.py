"""The extractor: one SentenceAnalysis per sentence, every label with the spans that caused it.

``explain`` maps a label to (start, end) offsets in the document text: "claim" (the effect words),
"not_claim" (what ruled it out), "substance:<slug>" and "condition:<slug>" (the words matched, or
the words referring back), "certainty" (the hedge/booster/attribution cues), "evidence_cited",
"cites_named_study" and "claim_kind"; "context" (words of the sentence before or after that
weighed most in deciding that it is a claim). An outcome the sentence leaves implicit, taken
from the claim just before, from the title or from the condition the text names most, points at
the words that named it there.
"""

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from claims.extraction import lexicons as lx
from claims.extraction.certainty import Cue, certainty_of, find_cues, hedge_cues
from claims.extraction.evidence import (
    RANK,
    find_evidence,
    named_study_spans,
    points_to_study,
    strongest,
)
from claims.extraction.features import (
    Features,
    condition_features,
    context_features,
    local_features,
    null_finding,
    sentence_features,
    with_rule,
)
from claims.extraction.model import Model, load
from claims.extraction.scope import Scope, analyse_scope
from claims.extraction.sentences import Sentence, split_sentences
from claims.extraction.vocabulary import CLASS_TERMS, Match, Vocabulary

_OWN_STUDY = lx.compile_family(lx.OWN_STUDY_CUES)
_COMPARISON = re.compile(
    r",\s*(?:which\s+is\s+|and\s+)?(?:consistent|in\s+line|in\s+keeping|in\s+agreement|"
    r"similar|comparable|as\s+(?:in|reported|seen|found))\b[^;]*$",
    re.IGNORECASE,
)
_OTHER_WORK = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:previous|prior|earlier|past|other|existing|several|many|numerous)"
    r"\s+(?:[\w-]+\s+){0,2}(?:stud(?:y|ies)|trials?|research|reports|work|investigations|"
    r"reviews?|literature)\b",
    re.IGNORECASE,
)
# A result stated with the drug as its subject ("High-dose psilocybin produced large decreases").
_RESULT_VERB = re.compile(
    r"\b(?:produced|reduced|increased|decreased|improved|lowered|elicited|led\s+to|"
    r"resulted\s+in)\b",
    re.IGNORECASE,
)
# Background on the people a study enrols, in the present tense ("Cancer patients often develop
# symptoms of depression"): no result of the drug.
_BACKGROUND_POPULATION = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:patients|people|adults|individuals|children|veterans|survivors)\s+"
    r"(?:with\s+[^,;.]{1,40}?\s+)?(?:often\s+|commonly\s+|frequently\s+|typically\s+|"
    r"usually\s+|may\s+|can\s+)?(?:develop|suffer|experience|have|face|live|struggle)\b",
    re.IGNORECASE,
)
_TURN = re.compile(r",\s*(?:but|yet|however|whereas)\b|;\s*(?:but|however)?", re.IGNORECASE)
_COMPARED_TO = re.compile(
    r"\b(?:(?:chemically|structurally|pharmacologically)\s+)?(?:similar|related|comparable)\s+to\b"
    r"|\b(?:unlike|compared\s+(?:to|with)|rather\s+than|instead\s+of)\b",
    re.IGNORECASE,
)
_NULL_FINDING = lx.compile_family(lx.EFFICACY_NULL)
_STUDY_SUBJECT = re.compile(r"\b(?:trials?|stud(?:y|ies)|evidence|data)\b", re.IGNORECASE)
_OTHER_TREATMENT = re.compile(
    r"\b(?:current|existing|conventional|traditional|standard|available|established|"
    r"evidence-based|first-line|commonly\s+used|usual)\s+(?:[\w-]+\s+){0,2}(?:treatments?|"
    r"(?:psycho|pharmaco)?therap(?:y|ies)|medications?|medicines|antidepressants?|drugs|options|"
    r"care|analgesia|interventions|approaches)\b",
    re.IGNORECASE,
)
# Words for some treatment that may still mean the passage's drug ("these drugs", "the therapy").
_GENERIC_WORDS = (
    r"treatments?|(?:psycho)?therap(?:y|ies)|interventions?|medications?|medicines?|"
    r"pharmacotherap(?:y|ies)|drugs|substances|supplements?|supplementation"
)
# "antidepressant", "stimulant", "sedative", "antipsychotic" name other drugs, unless they describe
# an effect ("sustained antidepressant effects" of the passage's drug).
_CLASS_OF_EFFECT = (
    r"s?(?!\s+(?:effects?|actions?|responses?|properties|activity|efficacy|potential))"
)
_OTHER_SUBJECT = re.compile(
    r"\b(?:"
    + _GENERIC_WORDS
    + "|"
    + "|".join(
        f"{w}{_CLASS_OF_EFFECT}"
        for w in ("antidepressant", "antipsychotic", "stimulant", "sedative")
    )
    + r"|smoking|tobacco|nicotine|alcohol|opioids?|benzodiazepines?|ssris?|"
    r"lithium|melatonin|caffeine|meditation|mindfulness|yoga|acupuncture|exercise|"
    r"synthetic\s+(?:cannabinoids?|cathinones?|opioids?|drugs?|stimulants?)|"
    # Drug names by their endings ("diazepam", "fluoxetine", "risperidone").
    r"\w+(?:azepam|azolam|oxetine|pramine|triptyline|idone|apine|olol|pril|sartan|statin|"
    r"profen|coxib))\b",
    re.IGNORECASE,
)
_RESULT_SUBJECT = lx.compile_family(lx.RESULT_SUBJECTS)
_RESULT_STATISTIC = lx.compile_family(lx.RESULT_STATISTICS)

Span = tuple[int, int]

_STRONG_RISK = re.compile(
    r"\b(?:at\s+risk\s+(?:for|of)\s+adverse|at\s+(?:an?\s+)?(?:increased|higher|greater|elevated)\s+risk|adverse\s+(?:effects|events|reactions)|"
    r"side\s+effects|interactions?|toxicity|bad\s+trips?|tolerance|overdos\w+|flashbacks?|"
    r"safety\s+signals?|deaths?|suicides?|vomiting|nausea|diarrh\w+|headaches?|dizziness|"
    r"seizures?)\b",
    re.I,
)
_ASIDE = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
# Reference numbers glued to an acronym ("for PTSD12,13"): the sentence cites other work.
_GLUED_LIST = re.compile(r"(?<=[A-Za-z]{3})\d{1,3}(?:,\d{1,3})+(?=[\s.,;:)]|$)")
# A structured abstract's methods section ("Methods", "Design, setting, and participants").
_METHODS_HEADING = re.compile(
    r"\s*(?:(?:materials|patients|subjects|participants|study|research)\s+and\s+)?(?:methods?|"
    r"methodology|study\s+design|design|materials|participants|subjects|experimental\s+design)"
    r"\b[^.]{0,40}$",
    re.IGNORECASE,
)
# A section that states what was known before the text's own study ("Background", "1.
# Introduction", an inline "Rationale: ..."): its sentences are not that study's results. Any
# other section label ends it ("Methods:", "Results").
_BACKGROUND_SECTION = re.compile(
    r"\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:background|introduction|rationale)\b(?:\s*:|[^.:]{0,30}$)",
    re.IGNORECASE,
)
_SECTION_LABEL = re.compile(r"\W*[A-Z][A-Za-z,]*(?:\s+[A-Za-z,]+){0,3}\s*:\s")
# A design described in the passive, with no citation: the text's own study ("A double-blind,
# randomized pilot study was conducted to ...", "Teenagers ... received CBD or placebo").
_DESCRIBED_DESIGN = re.compile(
    r"^(?:in\s+)?(?:an?|this|the)\s+[^.;]{0,100}?\b(?:study|trial|survey|experiment)\s+(?:was|were)"
    r"\s+(?:conducted|performed|carried\s+out|undertaken|run|done)\b|\b(?:were|was)\s+(?:randomly\s+)?"
    r"(?:randomi[sz]ed|assigned|allocated)\s+(?:to|into|in)\b|\breceived\b[^.;]{0,100}\bplacebo\b|"
    r"\b(?:were|was)\s+(?:enrolled|recruited|included)\s+in\b|\b(?:participated|took\s+part)\s+in\s+"
    r"an?\b|\b(?:were|was)\s+(?:qualitatively\s+)?"
    r"analy[sz]ed\s+(?:by|using|with)\b",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"\bet\s+al\b|\([^()]{0,60}\b(?:19|20)\d\d[a-z]?\s*\)|\[\d+(?:[,\u2013-]\s?\d+)*\]|"
    r"\b(?:previous|prior|earlier|another|one|other)\s+(?:[\w-]+\s+){0,2}(?:stud(?:y|ies)|trials?)\b",
    re.IGNORECASE,
)
# A study described as planned, not reported: it has no results yet.
_PLANNED = re.compile(
    r"\b(?:will\s+(?:\w+\s+)?(?:be\s+(?:tested|assessed|recruited|randomi[sz]ed|enrolled)|test|"
    r"assess|recruit|investigate|examine|compare|enrol|enroll)|(?:is|are)\s+the\s+(?:purpose|"
    r"aim|goal|objective)s?\s+of|(?:has|have)\s+not\s+yet\s+been|(?:purpose|aim|goal|objective)s?\s+"
    r"of\s+(?:this|the)\s+(?:[\w-]+\s+){0,3}?(?:study|trial)\s+(?:is|are)\s+to|"
    # A trial register's page ("Trial Status: active", "This phase II trial tests how well ...
    # works"): the trial is described, its results are not reported.
    r"trial\s+status|(?:trial|study)\s+(?:tests|studies|compares|evaluates|investigates|examines|"
    r"assesses|explores)\s+(?:[\w-]+\s+){0,8}?(?:how\s+well|whether|if)|phase\s+(?:[0-4]|i{1,3}|"
    r"iv)(?:[ab]|/i{1,3}|/[0-4])?\s+(?:[\w-]+\s+){0,3}?(?:trial|study)\s+(?:tests|studies|compares|"
    r"evaluates|investigates|examines|assesses|explores))\b",
    re.IGNORECASE,
)
_RESPONDENT_REPORT = re.compile(
    r"(?:\d+(?:\.\d+)?\s*%|\bpercent\b|\b(?:most|many|some|half|majority|none|few)\b|"
    r"\b(?:participants|respondents)\b)[^.;]{0,60}?\b(?P<verb>reported|indicated|said|described|"
    r"endorsed|rated|reporting)\b",
    re.IGNORECASE,
)
_CONTEXT_SENTENCES = 4
GENERAL = "psychedelics-general"  # how far back a pronoun or "the study" may reach
_SEP = re.compile(r"[,;:\u2014\u2013]|\s-\s")


@dataclass(frozen=True)
class SentenceAnalysis:
    sentence: str
    start: int
    end: int
    is_claim: bool
    substances: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    claim_kind: str | None = None
    certainty: str | None = None
    hedge_cues: list[str] = field(default_factory=list)
    evidence_cited: str = "none"
    cites_named_study: bool = False
    explain: dict[str, list[Span]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["explain"] = {k: [list(s) for s in v] for k, v in self.explain.items()}
        return data


@dataclass
class _LeadIn:
    """A line ending in ":" and what it says of the list items under it ("Research suggests that
    yoga may:" - "Help people quit smoking."): its cue findings, certainty and evidence."""

    index: int  # of the last sentence of the list so far (the lead-in, then each item)
    findings: list[str]
    certainty: str
    certainty_words: list[Span]  # offsets in the text
    evidence: str
    evidence_words: list[Span]


@dataclass
class _Context:
    """What earlier sentences said, for pronouns and pointers to a study described nearby."""

    substances: list[tuple[int, int, list[str]]] = field(default_factory=list)  # idx, block
    text: str = ""
    vocabulary: Vocabulary | None = None
    _topic: list[str] | None = None
    _condition_topic: dict | None = None
    own_design: str | None = None  # the design of the study the text reports, if it reports one
    own_from: int = 0  # the index of the sentence that first declares it (results come after)
    own_words: Span | None = None  # the words declaring its design (offsets in the text)
    study: tuple[int, int, str, bool, list[str]] | None = None  # idx, block, evidence, named
    last_claim: tuple[int, int, list[str], int, int] | None = None  # idx, block, conditions, span
    lead_in: "_LeadIn | None" = None  # the line ending in ":" that the list items continue
    abbreviations: tuple[re.Pattern, dict[str, str]] | None = None  # defined in the text
    # The vocabulary's matches in the whole text, found once (sentences take their share).
    substance_matches: list[Match] = field(default_factory=list)
    condition_matches: list[Match] = field(default_factory=list)
    model: Model = field(default_factory=load)
    trace: list | None = None  # training: each sentence's features are appended here
    sentences: list[Sentence] = field(default_factory=list)
    _local: dict[int, tuple[Scope, Features]] = field(default_factory=dict)
    previous: Features | None = None  # the features of the sentence before

    def local(self, index: int) -> tuple[Scope, Features]:
        """A sentence's scope and ``local_features``, worked out once: the sentence before
        reads them too."""
        if index not in self._local:
            sent = self.sentences[index]
            scope = analyse_scope(sent.text)
            self._local[index] = (scope, local_features(sent.text, sent.kind, scope.text))
            self._local.pop(index - 2, None)  # read by the sentence before only
        return self._local[index]

    @property
    def condition_topic(self) -> dict[str, tuple[str, list[Span]]]:
        """The conditions the whole text is about, each with how it was found ("title": named
        in the first line; "main": named most often) and where (offsets in the text)."""
        if self._condition_topic is None:
            self._condition_topic = _condition_topic(self.text, self.condition_matches)
        return self._condition_topic

    @property
    def topic(self) -> list[str]:
        """What the whole text is about (worked out the first time a sentence needs it)."""
        if self._topic is None:
            self._topic = _topic(self.substance_matches, self.text)
        return self._topic

    def recent_substances(self, index: int, block: int, reach: int) -> list[str]:
        for i, b, slugs in reversed(self.substances):
            if index - i <= reach and block - b <= max(1, reach - _CONTEXT_SENTENCES):
                return slugs
        return []

    def recent_study(self, index: int, block: int):
        if (
            self.study
            and index - self.study[0] <= _CONTEXT_SENTENCES
            and block - self.study[1] <= 1
        ):
            return self.study
        return None


def _unique(items):
    return list(dict.fromkeys(items))


def _slugs(matches: list[Match]) -> list[str]:
    return _unique(m.slug for m in matches)


def extract(
    text: str,
    vocabulary: Vocabulary,
    *,
    include_non_claims: bool = False,
    model: Model | None = None,
    trace: list | None = None,
) -> list[SentenceAnalysis]:
    """Analyse every sentence of ``text``; offsets and spans refer to ``text``.

    ``model``: the learned decisions (default: the committed model file); ``trace``: a list that
    receives each sentence's features (for training)."""
    return [
        analysis
        for analysis in analyse_sentences(text, vocabulary, model=model, trace=trace)
        if analysis.is_claim or include_non_claims
    ]


def analyse_sentences(
    text: str,
    vocabulary: Vocabulary,
    *,
    model: Model | None = None,
    trace: list | None = None,
) -> Iterator[SentenceAnalysis]:
    """Each sentence's analysis (claim or not) in text order, made as the caller asks for it: a
    caller can stop early (a time budget) or report progress. The work done before the first
    sentence (finding the vocabulary in the whole text) is a small share of the whole."""
    sentences = split_sentences(text)
    own_designs = _own_designs(sentences)
    context = _Context(
        text=text,
        vocabulary=vocabulary,
        substance_matches=vocabulary.find_substances(text),
        condition_matches=vocabulary.find_conditions(text),
        model=model or load(),
        trace=trace,
        sentences=sentences,
    )
    context.abbreviations = _abbreviations(text, vocabulary)
    for index, sentence in enumerate(sentences):
        context.own_design, context.own_from, context.own_words = own_designs[index]
        yield _analyse(text, sentence, index, vocabulary, context)


# "psilocybin-assisted therapy (P-AT)": an abbreviation in brackets right after a substance's
# name, starting with the same letter, names that substance wherever the text uses it. So does a
# development code right after the substance or its formulation ("psilocybin (COMP360)", "a
# vaporized 5-MeO-DMT formulation (GH001)"), whatever its letters; a scale's ("Short Form-36
# (SF-36)") or a potency's ("IC50") follows no such word.
_BRACKETS = re.compile(r"\(([^()]{1,40})\)")
_ABBREVIATION = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)+\b|\b[A-Z]{2,6}\b")
_CODE = re.compile(r"[A-Z]{2,5}-?\d{2,4}")
_CODE_HOST = re.compile(
    r"\b(?:formulations?|compounds?|drugs?|products?|candidates?|preparations?|capsules?|"
    r"tablets?|sprays?|extracts?|analogu?es?|derivatives?)\s*$",
    re.IGNORECASE,
)


def _abbreviations(text: str, vocabulary: Vocabulary):
    found: dict[str, str] = {}
    for bracket in _BRACKETS.finditer(text):
        before = vocabulary.find_substances(text, max(0, bracket.start() - 80), bracket.start())
        if not before:
            continue
        code = _CODE.fullmatch(bracket.group(1).strip())
        if code and (
            not (host := text[before[-1].end : bracket.start()]).strip() or _CODE_HOST.search(host)
        ):
            if not vocabulary.find_substances(code.group()):
                found.setdefault(code.group(), before[-1].slug)
            continue
        for token in _ABBREVIATION.finditer(bracket.group(1)):
            short = token.group()
            if short in found or vocabulary.find_substances(short):
                continue  # "MDMA-AT" already names MDMA
            for m in reversed(before):
                if text[m.start : m.start + 1].lower() == short[0].lower() or _initials_of(
                    text, m.start, bracket.start(), short
                ):
                    found[short] = m.slug  # "psilocybin therapy (PT)", "medical cannabis (MC)"
                    break
    if not found:
        return None
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, found)) + r")(?![\w-])")
    return pattern, found


def _initials_of(text: str, name_start: int, bracket_start: int, short: str) -> bool:
    """Whether ``short`` ("MC") is the initials of the words just before the bracket ("medical
    cannabis"), the first of them no later than the substance's name."""
    letters = short.replace("-", "")
    words = list(_INITIAL_WORD.finditer(text, max(0, name_start - 40), bracket_start))
    n = len(letters)
    if not 1 < n <= len(words) or words[-n].start() > name_start:
        return False
    return "".join(w.group()[0] for w in words[-n:]).lower() == letters.lower()


_INITIAL_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")


def _with_abbreviations(text, sent, matches, abbreviations):
    pattern, slugs = abbreviations
    extra = [
        Match(slugs[m.group()], m.start(), m.end())
        for m in pattern.finditer(text, sent.start, sent.end)
        if not any(s.start <= m.start() < s.end for s in matches)
    ]
    return sorted(matches + extra, key=lambda m: m.start) if extra else matches


# How a condition reads to the kind decision: a harm ("increased side effects"), a good to gain
# ("improved mood") or a disorder to relieve ("reduced depression").
_OUTCOME = {"safety-general": "HARM"} | dict.fromkeys(
    (
        "wellbeing-mood",
        "creativity",
        "focus-productivity",
        "cognition",
        "neuroplasticity",
        "neuroprotection",
        "sleep",
    ),
    "GOOD",
)


def _within(matches: list[Match], start: int, end: int) -> list[Match]:
    """The matches (sorted by start) that lie in text[start:end]."""
    out = []
    for i in range(bisect_left(matches, start, key=lambda m: m.start), len(matches)):
        m = matches[i]
        if m.start >= end:
            break
        if m.end <= end:
            out.append(m)
    return out


# A title line, then a first sentence naming the title's first word early on.
_ENTRY = re.compile(
    r"\s*(([^\W\d_][\w-]{2,}|\d[\w-]+)[^\n.:]{0,80})\n\s*\n?[^\n]{0,40}?\b\2\b", re.IGNORECASE
)


def _topic(matches: list[Match], text: str) -> list[str]:
    """The substance the text is about: the one named most often, when it clearly leads; none
    when the text is an entry about something else, its title repeated by its first sentence
    ("Methoxetamine" / "Methoxetamine, abbreviated as MXE, is a ...": MXE, not the ketamine it is
    compared with)."""
    if (entry := _ENTRY.match(text)) and not any(m.start < entry.end(1) for m in matches):
        return []
    counts: dict[str, int] = {}
    for m in matches:
        counts[m.slug] = counts.get(m.slug, 0) + 1
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    slug, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 2 and n >= 2 * runner_up:
        return [slug]
    return []


def _condition_topic(text: str, matches: list[Match]) -> dict[str, tuple[str, list[Span]]]:
    title_end = text.find("\n")
    title_end = len(text) if title_end < 0 else title_end
    out: dict[str, tuple[str, list[Span]]] = {}
    counts: dict[str, list[Span]] = {}
    for m in matches:
        if m.slug in IMPLIED:
            continue
        if m.start < title_end <= 300:
            out.setdefault(m.slug, ("title", []))[1].append((m.start, m.end))
        counts.setdefault(m.slug, []).append((m.start, m.end))
    ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
    if ranked and len(ranked[0][1]) >= 3:
        slug, spans = ranked[0]
        out.setdefault(slug, ("main", spans[:1]))
    return out


def _own_designs(sentences: list[Sentence]) -> list[tuple[str | None, int, Span | None]]:
    """For each sentence, the design of the study its part of the text reports as its own, and
    the index of the sentence that first declares it. A text may hold several papers' abstracts,
    each under its title: a heading that names a design ("... in male rats", "...: a prospective
    cohort study") starts a new part."""
    starts = [0] + [
        i
        for i, sent in enumerate(sentences)
        if i
        and sent.kind == "heading"
        and RANK[_design(sent.text)] >= RANK["preclinical"]
        and not _PLANNED.search(sent.text)
    ]
    out: list[tuple[str | None, int, Span | None]] = []
    for start, end in zip(starts, [*starts[1:], len(sentences)], strict=True):
        design, first, words = _own_design(sentences[start:end])
        out += [(design, start + first, words)] * (end - start)
    background = False
    for i, sent in enumerate(sentences):
        named = _BACKGROUND_SECTION.match(sent.text)
        if named or _SECTION_LABEL.match(sent.text) or sent.kind != "text" and len(sent.text) < 60:
            background = bool(named)  # a label starts a section; only these are background
        if background:
            out[i] = (None, out[i][1], out[i][2])
    return out


def _design(text: str) -> str:
    return strongest(find_evidence(text, analyse_scope(text)))


def _own_design(sentences: list[Sentence]) -> tuple[str | None, int, Span | None]:
    """The design of the study a text reports as its own ("we report ... an open-label trial"),
    where the text first declares it (a title counts) and the words that name the design."""
    best, first, words = None, len(sentences), None
    methods = False  # in a "Methods" section: its design is the text's own
    for i, sent in enumerate(sentences):
        if sent.kind == "heading":
            methods = bool(_METHODS_HEADING.match(sent.text))
        title = i == 0 and sent.kind == "heading"  # "Ketamine for pain: a randomised trial"
        described = _DESCRIBED_DESIGN.search(sent.text) and not _CITATION.search(sent.text)
        if not title and not methods and not described and not _OWN_STUDY.search(sent.text):
            continue
        if _PLANNED.search(sent.text):
            continue  # "this is the purpose of the present trial": a trial not yet run
        cues = find_evidence(sent.text, analyse_scope(sent.text))
        value = strongest(cues)
        if RANK[value] >= RANK["preclinical"] and (best is None or RANK[value] > RANK[best]):
            best = value
            first = min(first, i)
            cue = next(c for c in cues if c.value == value)
            words = (sent.start + cue.start, sent.start + cue.end)
    return best, first, words


def _analyse(
    text: str, sent: Sentence, index: int, vocabulary: Vocabulary, context: _Context
) -> SentenceAnalysis:
    s0 = sent.start
    body = sent.text
    scope, local = context.local(index)
    explain: dict[str, list[Span]] = {}

    def doc(span: Span) -> Span:
        return (span[0] + s0, span[1] + s0)

    # Substances: named (or by an abbreviation the text defined), or referred back to.
    sub_matches = _within(context.substance_matches, sent.start, sent.end)
    if context.abbreviations is not None:
        sub_matches = _with_abbreviations(text, sent, sub_matches, context.abbreviations)
    substances = _slugs(sub_matches)
    for m in sub_matches:
        explain.setdefault(f"substance:{m.slug}", []).append((m.start, m.end))
    in_scope = [m for m in sub_matches if scope.covers(m.start - s0, m.end - s0)]
    pointer = points_to_study(body)
    study = context.recent_study(index, sent.block) if pointer else None
    # A result of the study the text reports ("Treatment was well tolerated", "users were more
    # likely to report..."): its participants' reports are findings, its design is the evidence.
    # A trailing comparison with other work (", consistent with other trials.1-8") does not
    # make the sentence a citation of that work; work cited up front ("Previous studies
    # suggest") does.
    own_part = body
    named_spans = named_study_spans(body)
    if context.own_design is not None:
        compared = _COMPARISON.search(body)
        own_part = body[: compared.start()] if compared else body
    # After the text declares its own study, citing no other work: that study's result when it
    # has a result's shape; otherwise the learned head weighs it (``after-own``).
    own_text = (
        context.own_design is not None
        and index > context.own_from
        and not (named_spans if own_part is body else named_study_spans(own_part))
        and not lx.REFERENCE_MARKER.search(own_part)
        and not lx.GLUED_REFERENCE.search(own_part)
        and not _GLUED_LIST.search(own_part)
        and not _OTHER_WORK.match(own_part)
    )
    own_result = own_text and bool(
        _RESULT_SUBJECT.search(scope.text)
        or _RESULT_VERB.search(scope.main)
        or _RESULT_STATISTIC.search(own_part)
        or _NULL_FINDING.search(scope.main)
    )
    controlled = bool(
        (study and RANK[study[2]] >= RANK["clinical-trial"])
        or (own_result and RANK[context.own_design] >= RANK["clinical-trial"])
    )
    cues = find_cues(
        body, scope, context_has_study=bool(study) or own_result, controlled=controlled
    )
    referred: list[str] = []
    if not in_scope:
        referred = _referred_substances(body, scope, sent, index, context, cues, pointer)
        if referred and _OTHER_TREATMENT.search(body, 0, max(referred[0][0], 1)):
            # "Despite current treatments ..., many do not benefit from these treatments": the
            # words refer to other treatments than the drug of the passage.
            referred = None
        other = _named_other(scope.text) if referred else None
        if other is not None and (referred[0] == (0, 0) or referred[0][1] <= other):
            # The sentence names its own subject, and no word before it refers back ("Chronic
            # use of synthetic cannabinoids has been associated with ... death").
            referred = None
        if referred and not substances and referred[0][1] > referred[0][0]:
            for slug in referred[1]:
                explain.setdefault(f"substance:{slug}", []).append(doc(referred[0]))
        referred = referred[1] if referred else []
        compared = _COMPARED_TO.search(body)
        # "While psilocybin is illegal, it may ...": the pronoun is the concession's drug; not so
        # for drugs named only as a comparison ("It is similar to hallucinogens").
        only_compared = compared and all(m.start - s0 >= compared.start() for m in sub_matches)
        if referred and substances and not only_compared:
            referred = substances
    if (
        not in_scope
        and not referred
        and own_result
        and context.topic
        and not _BACKGROUND_POPULATION.match(scope.text.lstrip())
        and not _OTHER_TREATMENT.search(body)  # "Current treatments require weeks to work."
    ):
        referred = list(context.topic)  # "Treatment was generally well tolerated."
    if (
        not in_scope
        and not referred
        and _NULL_FINDING.search(scope.main)
        and (
            _STUDY_SUBJECT.search(scope.main)
            or (context.own_design is not None and index > context.own_from)
        )
    ):
        # "Licensing trials did not establish efficacy": a negative finding about the drug of
        # the passage.
        referred = context.recent_substances(index, sent.block, reach=2) or list(context.topic)

    has_subject = bool(in_scope or referred)
    if not in_scope and lx.TERM_DEFINITION.match(body):
        has_subject = False  # "Neuroplasticity is the ability of the brain to..."

    # Evidence, with pointers to a study described nearby (computed for every sentence: a
    # later "the study" may point here).
    evidence_cues = find_evidence(body, scope)
    own_evidence = strongest(evidence_cues)
    evidence = own_evidence
    named = bool(named_spans)
    if study and (RANK[study[2]] > RANK[evidence] or (study[3] and not named)):
        evidence = max(evidence, study[2], key=RANK.__getitem__)
        named = named or study[3]
        if not in_scope and not referred and study[4]:
            referred = study[4]
        has_subject = has_subject or bool(study[4])
        explain.setdefault("evidence_cited", []).append(doc(lx.STUDY_POINTER.search(body).span()))
    explain.setdefault("evidence_cited", []).extend(
        doc((c.start, c.end)) for c in evidence_cues if c.value == evidence
    )
    if (
        own_result
        and RANK[context.own_design] > RANK[evidence]
        and (not study or RANK[study[2]] <= RANK["unspecified-research"])
    ):
        evidence = context.own_design  # a result of the study the text reports
        if context.own_words:
            explain.setdefault("evidence_cited", []).append(context.own_words)
    if named_spans:
        explain["cites_named_study"] = [doc(s) for s in named_spans]
    # A list item continues its lead-in ("Research suggests that yoga may:"): the lead-in's
    # hedge and evidence govern it unless the item has its own.
    lead = context.lead_in
    if lead is not None and not (sent.kind == "item" and index == lead.index + 1):
        lead = context.lead_in = None
    if lead is not None and evidence == "none":
        evidence = lead.evidence
        explain["evidence_cited"] = list(lead.evidence_words)

    # The learned decisions see the words and what the cue detectors found.
    masks = [(m.start - s0, m.end - s0, "SUBST") for m in sub_matches]
    cond_matches = _within(context.condition_matches, sent.start, sent.end)
    masks += [(m.start - s0, m.end - s0, _OUTCOME.get(m.slug, "COND")) for m in cond_matches]
    found: dict[str, list[Span]] = {}
    for c in cues:
        found.setdefault(f"cue:{c.level}", []).append((c.start, c.end))
    for c in evidence_cues:
        found.setdefault(f"ev:{c.value}", []).append((c.start, c.end))
    for name, spans in (
        ("named", named_spans),
        ("sub:in_scope", [(m.start - s0, m.end - s0) for m in in_scope]),
        ("sub:named", [(m.start - s0, m.end - s0) for m in sub_matches if m not in in_scope]),
        ("cond:named", [(m.start - s0, m.end - s0) for m in cond_matches]),
    ):
        if spans:
            found[name] = list(spans)
    if lead is not None:
        found["lead"] = []
        for name in lead.findings:
            found[f"lead:{name}"] = []
    if own_text and not own_result:
        # A later sentence of a text that reports its own study, with no result shape: often
        # its result ("LSD also blunted LTP"), sometimes background. The learned head weighs it
        # against the sentence's own evidence words; its words are the ones naming the design.
        words = context.own_words
        found[f"after-own:{context.own_design}"] = [(words[0] - s0, words[1] - s0)] if words else []
    for flag, on in (
        ("referred", bool(referred) and not in_scope),
        ("no-subject", not has_subject),
        ("own-result", own_result),
        ("study-nearby", bool(study)),
        ("definition", bool(lx.TERM_DEFINITION.match(body))),
    ):
        if on:
            found[flag] = []
    feats = sentence_features(body, local, masks, found)
    # Whether it is a claim depends on its neighbours too (a title, a methods paragraph, a list
    # under a lead-in); what it claims is in its own words.
    sentences = context.sentences
    following = context.local(index + 1)[1] if index + 1 < len(sentences) else None
    shifts = (
        sentences[index - 1].start - s0 if index else 0,
        sentences[index + 1].start - s0 if following is not None else 0,
    )
    around = context_features(context.previous, following, index, len(sentences), shifts)
    # What the next sentence may see of this one: its findings, not its words.
    context.previous = {n: feats[n] for n in (*local, *found, "agent", "no-agent") if n in feats}
    model = context.model
    is_claim = False
    head = model.head("claim")
    if head is not None:
        read = feats | around
        label, _p = head.predict(read)
        is_claim = label == "yes"
        explain["claim" if is_claim else "not_claim"] = [doc(s) for _, s in head.why(feats, label)]
        if is_claim:  # a neighbour's words among the reasons that weighed most (a lead-in)
            explain["context"] = [doc(s) for name, s in head.why(read, label) if name in around]
    if context.trace is not None:
        context.trace.append(
            {"index": index, "sentence": sent, "features": feats, "around": around}
        )

    # A substance named only in a clause about something else ("It is chemically similar to
    # hallucinogens") yields to the one referred to.
    named_in_scope = _slugs(in_scope)
    final_substances = (named_in_scope or referred or substances) if is_claim else substances
    if is_claim and study and study[4] and set(final_substances) <= {GENERAL}:
        final_substances = study[4]  # "this research found ... after weeks of microdosing"
    if (
        len(final_substances) > 1
        and GENERAL in final_substances
        and not _class_named(body, s0, sub_matches)
    ):
        # Psychedelics in general only when no specific substance is named, or when the class
        # is what the sentence is about ("Hallucinogens such as LSD and psilocybin cause...").
        final_substances = [slug for slug in final_substances if slug != GENERAL]
    if len(final_substances) > 1:
        final_substances = _without_origins(body, s0, sub_matches, final_substances)
    if (
        final_substances == [GENERAL]
        and sub_matches
        and (
            all(_EXPERIENCE_OF_CLASS.match(body, m.start - s0) for m in sub_matches)
            or _CLASS_OF_THE_DRUG.search(body)
        )
        and context.topic != [GENERAL]
    ):
        final_substances = list(context.topic)  # "the acute psychedelic experience" in a study
    if is_claim and not final_substances and context.topic and not _OTHER_SUBJECT.search(body):
        # "Common doses cause effects such as ..." in a text about one drug: the drug is its
        # subject, unless the sentence is about other treatments or substances.
        final_substances = list(context.topic)

    if final_substances:
        context.substances.append((index, sent.block, final_substances))
    if RANK[own_evidence] >= RANK["unspecified-research"] or named_spans:
        context.study = (index, sent.block, own_evidence, bool(named_spans), final_substances)

    kind = None
    conditions = _slugs(cond_matches)
    if context.trace is not None:
        context.trace[-1]["conditions"] = _condition_candidates(
            s0, scope, cond_matches, index, sent, context
        )
    if is_claim:
        kind = _decide(model.head("kind"), feats, "claim_kind", explain, doc) or "benefit"
        if null := null_finding(feats):
            kind, explain["claim_kind"] = "efficacy-null", [doc(null)]
        candidates = _condition_candidates(s0, scope, cond_matches, index, sent, context)
        conditions = []
        head = model.head("condition")
        for slug, (base, spans) in candidates.items():
            if head and head.predict(condition_features(base, slug, kind, feats))[0] == "yes":
                conditions.append(slug)
                explain[f"condition:{slug}"] = [doc(s) for s in spans]
        if conditions and any(f"condition:{c}" in explain for c in conditions):
            context.last_claim = (index, sent.block, conditions, sent.start, sent.end)

    # Certainty from the cues in scope. A negative finding after "but" is what the sentence
    # asserts; the hedged reports it answers ("Anecdotes suggest X may help, but trials found no
    # benefit") do not set its certainty.
    null = feats.get("fam:null")
    if kind == "efficacy-null" and null:
        turn = [m.end() for m in _TURN.finditer(scope.text, 0, null[0][0])]
        if turn:
            cues = [c for c in cues if c.start >= turn[-1]]
    asides = [m.span() for m in _ASIDE.finditer(body)] if "(" in body else []
    if asides:
        # "(possibly through ...)": a hedge inside a bracketed aside qualifies the aside only.
        cues = [c for c in cues if not any(a <= c.start and c.end <= b for a, b in asides)]
    if (
        context.own_design == "survey-observational"
        and index > context.own_from
        and not study
        and not named_spans
        and not lx.REFERENCE_MARKER.search(body)
    ):
        # "Fifty percent reported that X reduced craving" in a survey: respondents' own reports
        # outside a controlled study are anecdotal, whatever verb introduces them.
        report = _RESPONDENT_REPORT.search(scope.text)
        if report:
            s, e = report.span("verb")
            cues = sorted([*cues, Cue("anecdotal", s, e, body[s:e])], key=lambda c: c.start)
    certainty = certainty_of(cues)
    setting = hedge_cues(cues, certainty)
    if lead is not None and not cues:
        certainty = lead.certainty  # its words are the lead-in's, not the item's
    if context.trace is not None:
        context.trace[-1]["rules"] = {"certainty": certainty, "evidence_cited": evidence}
    explain["certainty"] = [doc((c.start, c.end)) for c in setting]
    if lead is not None and not cues:
        explain["certainty"] = list(lead.certainty_words)
    ruled = with_rule(feats, certainty)
    learned = _decide(model.head("certainty"), ruled, "certainty", explain, doc)
    if learned and learned != certainty:
        certainty, setting = learned, [c for c in cues if c.level == learned]
    evidence = (
        _decide(model.head("evidence"), with_rule(feats, evidence), "evidence_cited", explain, doc)
        or evidence
    )

    if lead is not None:
        lead.index = index
    elif sent.kind != "heading" and body.rstrip().endswith(":"):
        context.lead_in = _LeadIn(
            index,
            [name for name in feats if name.startswith(("fam:", "cue:", "ev:"))],
            certainty,
            explain["certainty"],
            evidence,
            explain.get("evidence_cited", []),
        )
    return SentenceAnalysis(
        sentence=body,
        start=sent.start,
        end=sent.end,
        is_claim=is_claim,
        substances=final_substances,
        conditions=conditions,
        claim_kind=kind,
        certainty=certainty,
        hedge_cues=_unique(c.text for c in setting),
        evidence_cited=evidence,
        cites_named_study=named,
        explain={k: v for k, v in explain.items() if v},
    )


def _decide(head, feats, label: str, explain: dict, doc) -> str | None:
    """A learned head's decision, its deciding words added to ``explain[label]``."""
    if head is None:
        return None
    value, _p = head.predict(feats)
    spans = [doc(s) for _, s in head.why(feats, value)]
    explain[label] = _unique([*explain.get(label, []), *spans])
    return value


# Conditions always considered: a risk is about safety, a benefit about mental health, even when
# no word names the outcome.
IMPLIED = ("safety-general", "mental-health-general")


def _condition_candidates(s0, scope, cond_matches, index, sent, context):
    """slug -> (features, spans) for each condition the claim could be about: those named in the
    sentence, those of the claim just before (an outcome left implicit), and the implied ones.
    A condition named in a clause about something else (a concession, a comparison) is flagged;
    where else it is named (first, main clause, a background modifier) is no feature: the words
    crossed with the slug decide as well by grouped folds."""
    out: dict[str, tuple[dict, list[Span]]] = {}
    for m in cond_matches:
        s, e = m.start - s0, m.end - s0
        feats, spans = out.setdefault(m.slug, ({"m": []}, []))
        spans.append((s, e))
        if not scope.about_something_else(s, e):
            feats["m:scope"] = [(s, e)]
    previous = context.last_claim
    if previous and index - previous[0] <= 2 and sent.block - previous[1] <= 1:
        named_before = _within(context.condition_matches, previous[3], previous[4])
        for slug in previous[2]:
            feats, spans = out.setdefault(slug, ({}, []))
            feats["prev"] = []
            if not spans:  # the words of the claim before that named it
                spans.extend((m.start - s0, m.end - s0) for m in named_before if m.slug == slug)
    for slug, (how, where) in context.condition_topic.items():
        feats, spans = out.setdefault(slug, ({}, []))
        feats[f"topic:{how}"] = []
        if not cond_matches:
            feats[f"topic:{how}:alone"] = []
        if not spans:
            spans.extend((a - s0, b - s0) for a, b in where)  # the words naming it elsewhere
    for slug in IMPLIED:
        out.setdefault(slug, ({}, []))
    if not cond_matches:
        for feats, _spans in out.values():
            feats["none-named"] = []
    return out


_CLASS_NOUN = re.compile(
    r"(?:psychedelics|hallucinogens|entheogens|(?:psychedelic|hallucinogenic)\s+(?:drugs|"
    r"substances|compounds|medicines)|classic\s+hallucinogens?)\b",
    re.IGNORECASE,
)
_OTHER_CLASS = re.compile(r"\b(?:and|or)\s+other\s+$", re.IGNORECASE)
_EXPERIENCE_OF_CLASS = re.compile(
    r"(?:psychedelic|hallucinogenic)\s+(?:experiences?|sessions?|states?|effects?|properties|"
    r"psychoactivity|activity|actions?)\b",
    re.IGNORECASE,
)
# The class word used of the drug the text is about: "This psychedelic drug can cause ...",
# "It is a psychedelic with ...", "users take the drug for its hallucinogenic effects".
_CLASS_OF_THE_DRUG = re.compile(
    r"\b(?:this|the|its)\s+(?:psychedelic|hallucinogenic)(?:\s+\((?:psychedelic|hallucinogenic)\))?"
    r"\s+(?:drug|substance|compound|effects|properties)\b|\b(?:it|this)\s+is\s+a\s+(?:psychedelic|"
    r"hallucinogen)\b(?!s)",
    re.IGNORECASE,
)
_EFFECT_NOUN = re.compile(r"\b(?:experiences?|trips?|effects|results|outcomes)\b", re.IGNORECASE)


# "a component of the Cannabis sativa plant", "compound of cannabis": where a substance comes from.
_PART_OF = re.compile(
    r"\b(?:components?|compounds?|constituents?|ingredients?|alkaloids?|derivatives?|parts?)\s+"
    r"(?:found\s+)?(?:of|in|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _without_origins(body: str, s0: int, matches: list[Match], slugs: list[str]) -> list[str]:
    """A substance named only as what another comes from or belongs to ("cannabidiol (CBD), a
    component of the Cannabis sativa plant", "another cannabinoid is cannabidiol") is the other's
    origin, not a subject of the claim."""
    only_origin: dict[str, bool] = {}
    for m in matches:
        s, e = m.start - s0, m.end - s0
        origin = bool(_PART_OF.search(body, 0, s) or CLASS_TERMS.fullmatch(body, s, e))
        only_origin[m.slug] = only_origin.get(m.slug, True) and origin
    kept = [slug for slug in slugs if not only_origin.get(slug)]
    return kept or slugs


def _class_named(body: str, s0: int, matches: list[Match]) -> bool:
    """Whether the class (psychedelics, hallucinogens) is named as the subject: before the first
    specific substance ("hallucinogens such as LSD"), or after it as "and other psychedelics"."""
    specific = [m.start - s0 for m in matches if m.slug != GENERAL]
    first = min(specific, default=len(body))
    for m in matches:
        if m.slug != GENERAL:
            continue
        if _OTHER_CLASS.search(body, 0, m.start - s0):
            return True
        if m.start - s0 < first and _CLASS_NOUN.match(body, m.start - s0):
            return True
    return False


_GENERIC_SUBJECT = re.compile(_GENERIC_WORDS + r"|stimulants?|sedatives?", re.IGNORECASE)


def _named_other(text: str) -> int | None:
    """Where the text names a treatment or substance the vocabulary lacks as its subject
    ("synthetic cannabinoids", "opioids", "tobacco"): in its first part (not "... side effects
    of antipsychotic medication"), not a mere word for one ("treatment", "drugs"), not an
    outcome ("smoking cessation")."""
    for m in _OTHER_SUBJECT.finditer(text, 0, max(40, len(text) * 2 // 5)):
        if not _GENERIC_SUBJECT.fullmatch(m.group()) and not text.startswith(" cessation", m.end()):
            return m.start()
    return None


def _referred_substances(body, scope, sent, index, context, cues, pointer):
    """(span of the referring words, substances) when the sentence refers back to a substance."""
    opening = lx.OPENING_ANAPHORA.match(scope.text.lstrip())
    anaphor = lx.ANAPHORA.search(scope.text)
    attributed = any(c.level == "anecdotal" for c in cues)
    if anaphor:
        span = anaphor.span()
    elif opening:
        lead = len(scope.text) - len(scope.text.lstrip())
        span = (lead + opening.start(), lead + opening.end())
    else:
        span = (0, 0)
    slugs: list[str] = []
    if anaphor or opening or pointer or attributed or sent.kind == "item":
        reach = 8 if sent.kind == "item" else _CONTEXT_SENTENCES
        slugs = context.recent_substances(index, sent.block, reach=reach)
    if not slugs and _STRONG_RISK.search(scope.main):
        # "Patients may be at risk for adverse reactions": a risk in a passage about a substance.
        slugs = context.recent_substances(index, sent.block, reach=2)
    if not slugs and opening and _EFFECT_NOUN.search(opening.group()) and context.topic:
        slugs = list(context.topic)  # "Experiences are often unpredictable" in a text on LSD
    if GENERAL in slugs:
        slugs = [GENERAL]  # "These drugs" after "Hallucinogens such as LSD...": the class
    return (span, slugs) if slugs else None


__all__ = ["SentenceAnalysis", "extract"]


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
