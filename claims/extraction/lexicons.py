"""Cue lexicons: the words that set certainty, evidence, claim kind and claim-ness.

Lists are general English of science communication and hedging (Hyland's hedges and boosters,
the attribution verbs of reported speech, evidence-design vocabulary of the EBM hierarchy), not the
wording of any one article. Each entry is a regular expression fragment matched case-insensitively
on word boundaries; ``compile_family`` turns a list into one compiled pattern.
"""

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from claims.extraction.patterns import Alternation


# The cue lists (certainty, evidence, effect, risk, mechanism, benefit, null finding, not-claim
# families) are data: lexicons.yaml, one regular-expression fragment per entry.
_DATA = yaml.load(
    Path(__file__).with_name("lexicons.yaml").read_text(encoding="utf-8"),
    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
)
POSSIBLE, PROBABLE, ESTABLISHED, ANECDOTAL = (
    _DATA[k] for k in ("POSSIBLE", "PROBABLE", "ESTABLISHED", "ANECDOTAL")
)
EVIDENCE: dict[str, list[str]] = _DATA["EVIDENCE"]
EVIDENCE_VOID, OWN_STUDY_CUES, RESULT_SUBJECTS, RESULT_STATISTICS = (
    _DATA["EVIDENCE_VOID"],
    _DATA["OWN_STUDY_CUES"],
    _DATA["RESULT_SUBJECTS"],
    _DATA["RESULT_STATISTICS"],
)
EFFICACY_NULL, RISK, MECHANISM, BENEFIT, EFFECT, ADVICE = (
    _DATA[k] for k in ("EFFICACY_NULL", "RISK", "MECHANISM", "BENEFIT", "EFFECT", "ADVICE")
)
NOT_CLAIM: dict[str, list[str]] = _DATA["NOT_CLAIM"]
DOSE: list[str] = _DATA["DOSE"]


def compile_family(patterns: list[str]) -> "Alternation":
    """One matcher for a list of cues: case-insensitive, whole words, earlier entries first.

    Its match objects refer to the lower-cased text: use their spans, not their groups."""
    from claims.extraction.patterns import Alternation

    return Alternation(patterns)


# Participants in a described study report findings, not anecdotes.
STUDY_REPORTERS = re.compile(
    r"\b(?:participants|subjects|volunteers|respondents|patients|trial|study|studies|surveys?|"
    r"questionnaires?|poll|interviews?|sample|cohort|"
    r"research|researchers|investigators|scientists|clinical|placebo|randomi[sz]ed|cohort)\b",
    re.IGNORECASE,
)

# Negation of a cue --------------------------------------------------------------------------------
NEGATORS = re.compile(
    r"\b(?:not|no|never|n't|neither|nor|without|lack(?:s|ing)?\s+(?:of\s+)?|little|fail(?:s|ed)?"
    r"\s+to|yet\s+to|cannot|can't|isn't|aren't|wasn't|weren't|hasn't|haven't|didn't|doesn't|"
    r"don't)\b[^,;.]{0,25}$",
    re.IGNORECASE,
)


# A reference marker: a footnote, a bracketed number or an author-year citation.
REFERENCE_MARKER = re.compile(
    r"\[\s*\d+(?:\s*[,\u2013-]\s*\d+)*\s*\]"
    r"|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
    r"|\((?:[A-Z][\w'\u2019-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:[A-Z][\w'\u2019-]+)?)?,?\s+"
    r"(?:19|20)\d{2}[a-z]?(?:;\s*)?)+\)"
    r"|(?<=[a-z)])\.\d{1,3}(?:[,\u2013-]\d{1,3})*(?=\s|$)"
    # "(1)" closing a sentence or clause, and numbers glued to a word ("receptor1,2").
    r"|\(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\)(?=\s*[.;,]?\s*$|\s*[.;,])"
    r"|(?<=[a-z]{4})\d{1,3}(?:[,\u2013-]\d{1,3})*(?=[\s.,;:)]|$)"
)
# A reference number glued to the word before it, blanked before matching design words.
GLUED_REFERENCE = re.compile(r"(?<=[a-z]{4})\d{1,3}(?:[,\u2013-]\d{1,3})*(?=[\s.,;:)]|$)")

# Named study --------------------------------------------------------------------------------------
NAMED_STUDY = re.compile(
    r"""
    \b[A-Z][\w'\u2019-]+(?:\s+(?:and|&)\s+[A-Z][\w'\u2019-]+)?\s+et\s+al\b\.?(?:\s*\(?(?:19|20)\d{2})?
  | \((?:[A-Z][\w'\u2019-]+[^()]{0,40}?,?\s+(?:19|20)\d{2}[a-z]?)(?:\s*;[^();]{1,60}?,?\s+
    (?:19|20)\d{2}[a-z]?)*\)
  | \b[A-Z][\w'\u2019-]+\s+\((?:19|20)\d{2}\)
  | \b(?:University|College|Institute|School\s+of\s+Medicine)\s+of\s+[A-Z][\w'\u2019-]+
    (?:\s+[A-Z][\w'\u2019-]+)*
  | \b(?:[A-Z][\w'\u2019-]+\s+){1,4}(?:University|College|Institute|Hospital|Clinic|Center|
    Centre|Foundation|Association|Society|Council|Agency|Administration|Laboratory|Lab)\b
  | \bJohns\s+Hopkins\b | \bImperial\s+College\b | \bMayo\s+Clinic\b | \bHarvard\b | \bStanford\b
  | \bYale\b | \bOxford\b | \bCambridge\b | \bUCLA\b | \bUCSF\b | \bNYU\b | \bMcGill\b
  | \bCochrane\b | \bKing's\s+College\b | \bMaastricht\b | \bBeckley\b | \bUsona\b
  | \bCompass\s+Pathways\b
  | \b(?:FDA|NIH|NIMH|NIDA|NIAAA|SAMHSA|CDC|WHO|EMA|NICE|NHS|MHRA|TGA|MAPS|VA|DEA|APA)\b
  | \b(?:Food\s+and\s+Drug\s+Administration|National\s+Institutes?\s+of\s+\w+
    |World\s+Health\s+Organi[sz]ation|Department\s+of\s+\w+)\b
  | \b(?:published|appeared|reported)\s+in\s+(?:the\s+)?(?:journal\s+)?[A-Z][\w'\u2019&-]+
  | \b(?:the\s+)?journal\s+[A-Z][\w'\u2019&-]+
  | \b(?:JAMA|Lancet|Nature|Science|NEJM|BMJ|eLife|PLOS|Psychopharmacology|
    Journal\s+of\s+[A-Z]\w+|New\s+England\s+Journal|Scientific\s+Reports|Neuron|Cell)\b
  | \b(?:in\s+)?(?i:a|an|the|this)\s+(?:[a-z][\w-]*\s+){0,2}(?:19|20)\d{2}\s+
    (?:[A-Za-z][\w-]*\s+){0,3}
    (?i:study|trial|review|survey|paper|analysis|meta-analysis)
  | \b(?:in|from)\s+(?:19|20)\d{2}\b(?=[^.]{0,60}\b(?:study|trial|review|survey|published|
    researchers|found|showed)\b)
  | \b(?:Dr|Prof|Professor)\.?\s+[A-Z][\w'\u2019-]+
  | \b(?:[Ss]tudy|[Tt]rial)\s+\([A-Z][A-Z-]{1,}[0-9]+[A-Z0-9-]*\)
  | \b(?:[Aa]ccording\s+to|[Ss]ays|[Ss]aid)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b
    """,
    re.VERBOSE,
)
# Institutions that look like names but are not studies ("Fadiman Protocol" is a regimen).
NOT_NAMED = re.compile(r"\b(?:protocol|stack|method)\b", re.IGNORECASE)

# Pointers back to a study described nearby ("these trials", "the study", "participants").
STUDY_POINTER = re.compile(
    r"\b(?:(?:this|these|those|such)\s+(?:[\w-]+\s+)?(?:stud(?:y|ies)|trials?|research|"
    r"experiments?|findings|results|researchers|authors|investigators|data|analys[ie]s|review|"
    r"survey|paper|work)"
    r"|(?:the|its|their)\s+(?:[\w-]+\s+)?(?:stud(?:y|ies)|trials?|experiments?|researchers|"
    r"authors|investigators|review|survey|paper)"
    r"|participants|subjects|volunteers|respondents)\b",
    re.IGNORECASE,
)
# A definition of a term that is not a substance ("Neuroplasticity is the ability to...").
TERM_DEFINITION = re.compile(
    r"^[\w\s'\u2019-]{1,40}?\s(?:is|are)\s(?:the|a|an)\s(?:\w+\s)?(?:ability|measure|process|"
    r"term|name|state|capacity|class|group|type|form|set|network|protein|chemical|hormone|"
    r"neurotransmitter|messenger|region|part|condition|disorder|illness)s?\b",
    re.IGNORECASE,
)


# Scope --------------------------------------------------------------------------------------------
# Clauses whose cues are about something else: a leading concession or condition, a mid-sentence
# concession, and comparisons ("unlike X, which may...", "without the effects that might...").
LEADING_OUT_OF_SCOPE = re.compile(
    r"^(?:while|whilst|although|though|even\s+though|despite|in\s+spite\s+of|whereas|unlike|"
    r"notwithstanding|given\s+that|aside\s+from|apart\s+from|compared\s+(?:to|with)|"
    r"as\s+(?:research|studies|science|interest)|alongside|in\s+addition\s+to|besides)\b"
    # (a concession closed by a dash: "While these are still illegal\u2014..., research found")
    r"[^,;\u2014]*(?:\u2014[^,;\u2014]*\u2014|[,;\u2014])",
    re.IGNORECASE,
)
INNER_OUT_OF_SCOPE = re.compile(
    r"(?:,\s*|\s)(?:while|whilst|although|though|even\s+though|whereas|despite|"
    r"in\s+spite\s+of)\b[^,;]*(?=[,;]|$)"
    r"|(?<!not\s)\b(?:without|unlike|rather\s+than|compared\s+(?:to|with)(?!\s+(?:a\s+|the\s+)?"
    r"placebo)|instead\s+of|"
    r"(?:chemically|structurally|pharmacologically)\s+(?:similar|related)\s+to)\b"
    r"[^,;]*"
    r"(?=[,;]|$)",
    re.IGNORECASE,
)
# A trailing relative or consequence clause after a reported finding states an interpretation.
TRAILING_RELATIVE = re.compile(r",\s*which\b[^;]*$", re.IGNORECASE)
# "by stimulating X" / ", thus enhancing Y": the means and consequences of the main clause.
MEANS_OR_CONSEQUENCE = re.compile(
    r"(?:\bby\s+\w+ing\b|,\s*(?:thus|thereby|thereby\s+|which|so\s+that|leading|resulting|"
    r"allowing|enabling|helping|supporting|making|suggesting|indicating)\b)[^;]*$",
    re.IGNORECASE,
)
LEADING_MEANS = re.compile(r"^by\s+\w+ing\b[^,]*,\s*", re.IGNORECASE)

# Reference to a substance named before: a demonstrative noun phrase anywhere ("both drugs",
# "these substances"), or a pronoun, demonstrative or topic phrase opening the sentence ("It
# fine-tunes...", "This modulation...", "Another possible mechanism is...", "Taking too much...").
ANAPHORA = re.compile(
    r"\b(?:this|these|those|both|such)\s+(?!as\b)(?:\w+\s+)?(?:substances?|drugs?|compounds?|"
    r"medicines?|medications?|molecules?|psychedelics?|treatments?|therapy|therapies|approach|"
    r"practice|technique|method|intervention|brew|drink|tea|plant|mushrooms?|agents?|"
    r"chemicals?|doses|dosing|regimen|protocol|strategy|option)\b"
    r"|\b(?:users|microdosers|consumers)\b"
    r"|\bthe\s+(?:drug|substance|compound|drink|brew|tea|medication|medicine|treatment|"
    r"chemical|molecule|plant|mushroom|root|supplement|herb|extract|remedy)"
    r"(?!\s+(?:effects?|use|users|seeking|policy|policies|laws?|war))\b"
    r"|\b(?:that|suggest\w*|show\w*|found|indicat\w+|whether)\s+(?:it|they)\s"
    # "trials have shown that a single infusion can ...": the dose of the drug just named.
    r"|\b(?:that|whether|after|following)\s+(?:a|one)\s+(?:single\s+)?(?:dose|infusion|session|"
    r"administration|treatment)\b",
    re.IGNORECASE,
)
OPENING_ANAPHORA = re.compile(
    r"^(?:(?:however|additionally|moreover|furthermore|also|and|but|yet|still|so|thus|"
    r"therefore|notably|importantly|overall|finally|in\s+addition|for\s+example|"
    r"for\s+instance|similarly|likewise|indeed|nevertheless|nonetheless|instead|rather|"
    r"specifically|in\s+particular|in\s+general|typically|usually|often|generally),?\s+)?"
    r"(?:(?:some|many|most|one|all|several|none)\s+of\s+)?"
    r"(?:it|they|its|their|(?:this|these)(?:\s+\w+){0,2}?\s+(?:can|could|may|might|is|are|has|"
    r"have|was|were|will|would|suggests?|means?|makes?|allows?|helps?|leads?|included|"
    r"includes?|involved|caused|produced)"
    r"|(?:potential|possible|common|mild|rare|serious|reported|known)\s+(?:side\s+effects|"
    r"risks|adverse\s+effects|benefits|effects)"
    r"|(?:another|one|a\s+(?:second|third|further|related|major|key|common|notable)|"
    r"the\s+(?:main|primary|biggest|most\s+\w+))\s+(?:\w+\s+){0,3}?(?:mechanisms?|"
    r"benefits?|advantages?|disadvantages?|drawbacks?|concerns?|risks?|explanations?|"
    r"effects?|applications?|downsides?|dangers?|reasons?|findings?|uses?)"
    r"|there\s+(?:is|are)\s+(?:also\s+)?(?:\w+\s+){0,3}?(?:risks?|benefits?|side\s+effects|"
    r"concerns?|dangers?|drawbacks?|advantages?)"
    r"|the\s+mechanisms?(?:\s+of\s+action)?"
    r"|(?:the\s+)?(?:positive|negative|beneficial|therapeutic|similar|acute|subjective|"
    r"lasting|these)\s+(?:effects|results|outcomes)"
    r"|(?:the\s+)?(?:experiences?|trips?|effects)(?=\s+(?:are|is|were|was|can|may|might|"
    r"typically|usually|often|vary|varies|last|begin|include|range|differ))"
    r"|(?:the\s+|its\s+|their\s+)?(?:(?:acute|main|common|other|further|additional|physical|"
    r"health|adverse|negative|short-term|long-term|psychological|mental)\s+){0,2}"
    r"(?:effects|side\s+effects|reactions|events)\s+"
    r"(?:typically\s+|usually\s+|often\s+|may\s+|can\s+)?(?:include|are|last|begin|start|"
    r"peak|appear|occur|wear|go|vary|subside|resolve)"
    r"|(?:a|one)\s+(?:single\s+)?(?:dose|session|infusion|administration)\s+(?:of\s+(?:the\s+)?"
    r"(?:drug|brew|medication|substance)\s+)?(?:\w+ly\s+)?(?:produced|led|reduced|improved|"
    r"increased|decreased|caused|induced|was|resulted)"
    r"|the\s+(?:onset|duration|peak|intensity)\s+of\s+(?:the\s+)?effects"
    r"|(?:(?:frequent|heavy|regular|chronic|long-term|repeated|recreational|daily|prolonged)\s+)"
    r"{1,2}use\b"
    r"|(?:taking|using|combining|mixing|stopping|microdosing|the\s+(?:amount|dose|dosage|"
    r"effects?|benefits?|risks?)\b))\b",
    re.IGNORECASE,
)


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
