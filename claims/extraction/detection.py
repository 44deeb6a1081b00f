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
# A dose stated in words ("low doses", "about 10% of a recreational dose", "twice a week") and
# the onset and duration of effects ("begin within 20 minutes", "last as long as 12 hours"):
# dosing properties. Matched as a cue family (fast); the size alone is kept apart because "small
# doses of LSD enable..." only qualifies an effect.
_DOSE_SIZE = (
    r"(?:(?:very|extremely)\s+)?(?:low|small|tiny|minute|sub-?perceptual|sub-?threshold)\s+"
    r"(?:doses?|amounts?|quantities|dosages?)"
)
_DOSE_TIMING = [
    r"(?:begin|begins|start|starts|kick\s+in|kicks\s+in|take\s+effect|takes\s+effect|come\s+on|"
    r"comes\s+on|onset|peak|peaks)\s+(?:\w+\s+){0,3}?(?:within|after|in)\s+(?:about\s+|around\s+)?"
    r"\d+(?:\s*(?:to|-|\u2013)\s*\d+)?",
    r"last(?:s|ing)?\s+(?:\w+\s+){0,3}?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve)(?:\s*(?:to|-|\u2013)\s*(?:\d+|\w+))?\s+(?:minutes|hours|days|weeks|months)",
    r"(?:go(?:es)?\s+away|wear(?:s)?\s+off|subside[sd]?|fade[sd]?)\s+(?:\w+\s+){0,2}?(?:within|after|"
    r"in)\s+(?:about\s+)?(?:\d+|one|two|three|four|five|six|ten|twelve|fifteen|twenty|thirty|"
    r"forty|sixty|a\s+few|several|an?)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?)",
    r"(?:duration|onset)\s+of\s+(?:action|(?:the\s+)?effects?)",
    r"(?:two|three|four|once|twice|\d)\s+(?:or\s+\w+\s+)?(?:times?\s+)?(?:a|per|each)\s+"
    r"(?:week|day|month)",
]
_DOSE_WORDS = lx.compile_family([_DOSE_SIZE, *_DOSE_TIMING])
_DOSE_TIMED = lx.compile_family(_DOSE_TIMING)
_SIZE_ONLY = re.compile(_DOSE_SIZE, re.IGNORECASE)
_STRONG_DOSING = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|\u00b5g|\u03bcg|mcg|ug|g|grams?|milligrams?|micrograms?)\b|1/\d|"
    r"\d\s*(?:%|percent)\s+of\s+(?:a|an|the)?\s*(?:\w+\s+){0,2}doses?|"
    r"one[-\s](?:tenth|twentieth)|(?:sub|near|below)[-\s]?(?:perceptual|threshold|hallucinogenic|"
    r"perceptible)|"
    r"every\s+(?:\w+\s+){0,3}days?|days?\s+(?:on|off)|\b(?:once|twice)\s+(?:a|per)\s+week|"
    r"\bprotocols?\b|\bschedule\b|\bdosing\s+regimen|"
    r"\b(?:lowest|highest|effective|typical|recommended|starting|standard|threshold)\s+"
    r"(?:\w+\s+)?dos(?:e|es|age)\b",
    re.IGNORECASE,
)
# How a drug is given, not what it does.
_ADMINISTRATION = re.compile(
    r"\b(?:is|are)\s+(?:usually\s+|typically\s+|only\s+|always\s+)?(?:given|administered|"
    r"delivered|supplied|dispensed|sold)\s+(?:as|in|by|through|via|orally|intravenously|under)\b",
    re.IGNORECASE,
)
_USAGE_WITH_EFFECT = re.compile(
    r"(?<!\bto\s)\b(?:that|helps?|helped|improves?|improved|reduces?|reduced|makes?|made|gives?|gave|"
    r"leads?|led|causes?|caused|feel(?:s|ing)?)\b",
    re.IGNORECASE,
)
# An amount or schedule stated as a fact makes a dosing claim even without an effect verb.
_STRONG_AMOUNT = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|\u00b5g|\u03bcg|mcg|ug|g|grams?|milligrams?|micrograms?)\b|"
    r"\b1/\d+|"
    r"\d\s*(?:%|percent)\s+of\s+(?:a|an|the)?\s*(?:\w+\s+){0,2}doses?|"
    r"\bone[-\s](?:tenth|twentieth)|\bevery\s+(?:\w+\s+){0,3}days?\b|"
    r"\bdays?\s+(?:on|off)\b",
    re.IGNORECASE,
)
# A dose defined by its perceptibility ("sub-hallucinogenic doses", "near-threshold doses"): a
# dosing property stated in a definition (not enough to make popularity a claim).
_PERCEPTIBILITY_DOSE = re.compile(
    r"\b(?:sub|near|below)[-\s]?(?:threshold|hallucinogenic|perceptual|perceptible)\s+"
    r"(?:[\w-]+\s+)?(?:doses?|amounts?)\b",
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
# Conditions named as harms ("may trigger psychosis") rather than as what a benefit improves.
HARM_CONDITIONS = frozenset({"safety-general", "psychosis", "cardiovascular", "bipolar-disorder"})
_ADVICE = lx.compile_family(lx.ADVICE)
_MASKS = lx.compile_family(lx.MASKS)
_RISK_BESIDES_LAW = re.compile(
    r"\b(?:concerns?|purity|contamina\w+|side\s+effects|adverse|toxic\w*|harm\w*)\b", re.I
)
_ANY_CUE = lx.compile_family(lx.POSSIBLE + lx.PROBABLE + lx.ANECDOTAL + lx.ESTABLISHED)
_LIST_INTRO = re.compile(r":\s*$")
# Reports of use, not of an effect: "report taking these drugs outside of medical settings".
_USAGE = re.compile(
    r"\b(?:report(?:s|ed)?|admit(?:s|ted)?|describe[sd]?)\s+(?:\w+ly\s+)?(?:taking|using|"
    r"having\s+(?:taken|used|tried)|trying|consuming|microdosing)\b",
    re.IGNORECASE,
)


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
        if name == "methods" and _EFFICACY_NULL.search(text, 0, m.start()):
            continue  # "Trials did not establish efficacy: ... a flawed trial was included"
        if name == "legal-history" and (
            _RISK_BESIDES_LAW.search(text) or lx.FINDING_VERB.search(text, m.end())
        ):
            continue  # "still illegal, yet trials have found ...": the finding is the claim
        return name, m.span()
    attention = lx.ATTENTION.search(text)
    if attention:
        rest = text[: attention.start()] + " " * (attention.end() - attention.start())
        rest += text[attention.end() :]
        reason = re.search(r"\b(?:due\s+to|because|since|as\s+(?:it|they))\b", rest, re.I)
        quantified = _STRONG_AMOUNT.search(rest) or _DOSE_TIMED.search(rest)
        if not (_ANY_CUE.search(rest) or reason or quantified):
            return "attention", attention.span()
    advice = _ADVICE.search(text)
    if advice and not lx.ADVICE_WITH_CLAIM.search(text):
        risk_before = _RISK.search(text, 0, advice.start())
        if not risk_before:
            return "advice", advice.span()
    given = _ADMINISTRATION.search(text)
    if given and not (_STRONG_AMOUNT.search(text) or _RISK.search(text)):
        return "administration", given.span()  # "It is given as a nasal spray in a clinic"
    usage = _USAGE.search(text)
    if usage and not _USAGE_WITH_EFFECT.search(text, usage.end()):
        return "usage", usage.span()  # "people report taking these drugs for recreation"
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
    spans += [m.span() for m in _PERCEPTIBILITY_DOSE.finditer(text)]
    spans += [m.span() for m in _DOSE_WORDS.finditer(text)]
    if not spans:  # "did not differ from placebo"
        spans = [m.span() for m in _EFFICACY_NULL.finditer(text)]
    return sorted(spans)


# "Another possible mechanism is (that) X": the complement X says what kind of claim it is; a
# drawback or concern frame makes a risk claim whatever follows.
_FRAME = re.compile(
    r"^\W*(?:(?:another|one|a|the|third|second|first|further|related|major|key|main|possible|"
    r"potential|reported|notable|common|of|most|primary|underlying)\s+){1,5}"
    r"(?P<noun>mechanisms?|explanations?|benefits?|advantages?|applications?|drawbacks?|"
    r"disadvantages?|concerns?|risks?|downsides?|dangers?|effects?)"
    r"(?:\s+(?:behind|of|for)\s+[^,]*?)?\s+(?:is|are|may\s+be|could\s+be|include)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_RISK_FRAME = re.compile(r"drawback|disadvantage|concern|risk|downside|danger", re.IGNORECASE)
_BENEFIT_NOUN = re.compile(
    r"\b(?:symptoms?|therapeutic|benefi(?:t|ts|cial)|relief|effective(?:ness)?|efficacy|"
    r"remission|treatments?|cure[sd]?|better|positive\s+(?:effects?|outcomes?|results?)|"
    r"improvements?|gains?|recovery|healing|wellness|response|responders?|abstinen(?:t|ce)|"
    r"sobriety|sober)\b",
    re.IGNORECASE,
)
_DOSE_QUALIFIER = re.compile(
    r"\b(?:at|after|following|receiving|given)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)
_REDUCED = re.compile(
    r"\b(?:reduc|decreas|lower|less|fewer|reliev|alleviat|eas|declin|drop|prevent)\w*"
    r"(?:\s+(?:in|of|the|their|its|symptoms?|levels?|feelings?|rates?))*(?:\s+[\w-]+){0,3}\s+$",
    re.IGNORECASE,
)
_CONSEQUENCE = re.compile(
    r",\s*(?:resulting\s+in|leading\s+to|which\s+(?:leads|led|results|resulted)\s+(?:to|in))\s+"
    r"(?P<what>[^;]*)",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|may|might|will|would|does|do|did)\b",
    re.IGNORECASE,
)
_SAFETY_WORD = re.compile(
    r"side|adverse|safe|tolera|toxic|risk|harm|danger|complication|interaction", re.IGNORECASE
)
_USED_FOR = re.compile(
    r"\b(?:who|which)\s+(?:had\s+)?(?:used|took|taken|received|was\s+given|were\s+given)\s+"
    r"[^,;]{0,80}?\bfor\s+[^,;]{0,80}?(?=\s+(?:suffered|developed|experienced|died|showed|"
    r"presented)\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r",\s*(?:but|yet|whereas|while)\b|;", re.IGNORECASE)
_BUT = re.compile(r"\s(?:but|yet)\s", re.IGNORECASE)
_MEANS = re.compile(r"\bby\s+\w+ing\b[^;]*", re.IGNORECASE)


# "Treatment was well tolerated": a safety profile as the predicate is a risk claim, unless a
# benefit follows in the same list ("tolerability was good, effect sizes large").
_SAFETY_PROFILE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?(?:well[-\s]tolerated|safe|"
    r"tolerable)|tolerability\s+(?:was|is|were|remained)|(?:good|excellent|favou?rable|"
    r"acceptable)\s+(?:safety|tolerability)(?:\s+profile)?)\b",
    re.IGNORECASE,
)
# "Reductions were predicted by the quality of the experience": what drives an effect.
_PREDICTOR = re.compile(
    r"\b(?:was|were|is|are)\s+(?:\w+\s+)?(?:predicted|mediated|moderated)\s+by\b", re.IGNORECASE
)
# Weak null cues ("limited evidence of") decide only in the main clause, not after a "but".
_WEAK_NULL = re.compile(r"^(?:little|scant|insufficient|limited)\b", re.IGNORECASE)


def claim_kind(scope: Scope, conditions_in_main: list[tuple[str, int]]) -> tuple[str, list]:
    """The kind and the spans that decided it. ``conditions_in_main``: (slug, offset) pairs.

    The main clause decides: its first risk, mechanism or benefit object sets the kind (verbs
    like "improve" say nothing on their own); a stated amount with nothing else is dosing.
    """
    text = scope.text
    main = _mask_purposes(scope.main)
    for m in _USED_FOR.finditer(main):
        # "A man who used X for withdrawal symptoms suffered ...": what X was taken for is no
        # outcome of the claim.
        main = main[: m.start()] + " " * (m.end() - m.start()) + main[m.end() :]
    cut = _CLAUSE_BREAK.search(main) or _BUT.search(main)
    for null in _EFFICACY_NULL.finditer(text):
        weak = _WEAK_NULL.match(text[null.start() : null.end()])
        if weak and cut and null.start() > cut.start():
            continue  # "... revealed an increase, but limited evidence of lasting effects"
        if not _RISK.search(text, null.end()):
            return "efficacy-null", [null.span()]
        break
    consequence = _CONSEQUENCE.search(text)
    what = consequence.group("what") if consequence else ""
    if consequence and _BENEFIT_NOUN.search(what) and not _RISK.search(what):
        # "..., resulting in healing": a benefit in the consequence makes a benefit claim.
        return "benefit", [consequence.span("what")]
    if cut and main[: cut.start()].strip():
        main = main[: cut.start()] + " " * (len(main) - cut.start())
    predictor = _PREDICTOR.search(main)
    if predictor:
        return "mechanism", [predictor.span()]
    safety = _SAFETY_PROFILE.search(main)
    if safety:
        benefit = _BENEFIT_NOUN.search(main, safety.end())
        if benefit:
            return "benefit", [benefit.span()]
        return "risk", [safety.span()]
    frame = _FRAME.match(main)
    if frame:
        if _RISK_FRAME.match(frame.group("noun")):
            return "risk", [frame.span("noun")]
        main = " " * frame.end() + main[frame.end() :]
    kind = _kind_of(main, conditions_in_main)
    if kind is None:
        # "It is thought to work by increasing serotonin": the means is all there is.
        means = _MEANS.search(scope.text)
        if means:
            kind = _kind_of(" " * means.start() + scope.text[means.start() :], conditions_in_main)
    if kind is None:
        # Nothing in the main clause: a harm in its consequence still makes a risk claim
        # ("can cause QT prolongation, which may lead to fatal arrhythmias").
        risk = _RISK.search(text)
        if risk:
            return "risk", [risk.span()]
        mechanism = _MECHANISM.search(text)  # "..., which binds to 5-HT2A receptors"
        if mechanism:
            return "mechanism", [mechanism.span()]
    return kind or ("benefit", [])


def _kind_of(main: str, conditions: list[tuple[str, int]]):
    # A harm that is reduced ("a reduction in irritability", "less anxiety") is a benefit's object.
    # A safety profile stays a risk claim ("fewer side effects").
    risks = [
        m.span()
        for m in _RISK.finditer(main)
        if _SAFETY_WORD.match(main, m.start()) or not _REDUCED.search(main, 0, m.start())
    ]
    mechs = [m.span() for m in _MECHANISM.finditer(main)]
    mechs += [
        (p, p + 1) for slug, p in conditions if slug in MECHANISM_CONDITIONS and main[p].strip()
    ]
    objects = [m.span() for m in _BENEFIT_NOUN.finditer(main)]
    named = [
        (p, p + 1)
        for slug, p in conditions
        if slug not in MECHANISM_CONDITIONS and slug not in HARM_CONDITIONS and main[p].strip()
    ]
    if named and risks and not objects and not _BENEFIT.search(main):
        # "cause emotions to swing wildly": an outcome named with no favourable word is what the
        # harm acts on, not a benefit.
        named = []
    objects += named
    firsts = []
    # (position, tie-break): a word that is both a risk and a condition ("addictive") is a risk.
    if risks:
        firsts.append((min(risks)[0], 0, "risk", sorted(risks)))
    dosing = min(
        (m for m in (_STRONG_DOSING.search(main), _DOSE_WORDS.search(main)) if m),
        key=lambda m: m.start(),
        default=None,
    )
    # "Psilocybin at a single dose of 25 mg reduced depression": the dose only qualifies.
    qualifier = dosing and _DOSE_QUALIFIER.search(main, max(0, dosing.start() - 40), dosing.start())
    # "small doses of LSD enable...": a dose size without an amount only qualifies an effect.
    size_only = dosing and _SIZE_ONLY.match(dosing.group()) and (risks or mechs or objects)
    # "LSD microdosing three times per week was found to increase sleep": a schedule in the
    # subject, before the first verb, qualifies the effect that follows.
    in_subject = (
        dosing
        and (risks or mechs or objects)
        and not _FINITE_VERB.search(main, 0, dosing.start())
        and any(span[0] > dosing.end() for span in risks + mechs + objects)
        and _FINITE_VERB.search(main, dosing.end())
    )
    if (
        dosing
        and not size_only
        and not in_subject
        and not (qualifier and (risks or mechs or objects))
    ):
        firsts.append((dosing.start(), 1, "dosing", [dosing.span()]))
    if mechs:
        firsts.append((min(mechs)[0], 2, "mechanism", [min(mechs)]))
    if objects:
        firsts.append((min(objects)[0], 3, "benefit", [min(objects)]))
    if firsts:
        _, _, kind, spans = min(firsts)
        return kind, spans
    benefit_verb = _BENEFIT.search(main)
    if benefit_verb:
        return "benefit", [benefit_verb.span()]
    verb = _MECHANISM_VERB.search(main)
    if verb:
        return "mechanism", [verb.span()]
    return None


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
