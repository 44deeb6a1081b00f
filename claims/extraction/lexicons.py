"""Cue lexicons: the words that set certainty, evidence, claim kind and claim-ness.

Lists are general English of science communication and hedging (Hyland's hedges and boosters,
the attribution verbs of reported speech, evidence-design vocabulary of the EBM hierarchy), not the
wording of any one article. Each entry is a regular expression fragment matched case-insensitively
on word boundaries; ``compile_family`` turns a list into one compiled pattern.
"""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.extraction.patterns import Alternation

# Shared pieces ------------------------------------------------------------------------------------
W = r"[\w'\u2019-]+"  # one word
HAVE = r"(?:(?:have|has|had)\s+(?:also\s+|been\s+|consistently\s+|repeatedly\s+)*)?"


def compile_family(patterns: list[str]) -> "Alternation":
    """One matcher for a list of cues: case-insensitive, whole words, earlier entries first.

    Its match objects refer to the lower-cased text: use their spans, not their groups."""
    from claims.extraction.patterns import Alternation

    return Alternation(patterns)


# Certainty ----------------------------------------------------------------------------------------
# Each family maps to one certainty level; the weakest level found in scope wins.

# "possible": modal and lexical hedges of possibility.
POSSIBLE = [
    r"may(?!\s+\d)",
    r"might",
    r"could",
    r"possib(?:le|ly|ility|ilities)",
    # The noun of a risk ("abuse potential", "low potential for abuse") is no hedge.
    # (the word first, then the look-behinds: a leading literal lets the engine skip fast)
    r"potential(?<!abuse\spotential)(?<!misuse\spotential)(?<!addiction\spotential)"
    r"(?<!low\spotential)(?<!high\spotential)(?<!lower\spotential)(?<!higher\spotential)"
    r"(?:ly|s)?(?!\s+for\s+(?:abuse|misuse|harm|addiction|dependen)|\s+to\s+be\s+(?:misused|"
    r"abused))",
    r"perhaps",
    r"maybe",
    r"conceivabl[ey]",
    r"promis(?:e|es|ing)",
    r"hypothe(?:sis|sized|sised|size|sise|ses|tical|tically)",
    r"speculat(?:e|ed|ive|ively|ion)",
    r"theoreti(?:cal|cally)",
    r"(?:is|are|was|were|been|widely|generally|commonly|often)\s+(?:also\s+|not\s+)?"
    r"(?:thought|believed|considered|presumed|assumed|expected|hoped|proposed|postulated)"
    r"(?:\s+to)?",
    r"it\s+is\s+(?:thought|believed|hoped|assumed|hypothesi[sz]ed|proposed)",
    r"(?:proponents|advocates|supporters|enthusiasts)\s+(?:argue|believe|suggest|contend|claim)",
    # Beliefs and expectations attributed to people: what they expect, not what was found.
    r"(?:participants|respondents|users|people|microdosers|patients|many|most|some|they)\s+"
    r"(?:\w+\s+)?(?:believed|believe|believes|expected|expect|anticipated|hoped|assumed)",
    r"ostensibly",
    r"purported(?:ly)?",
    r"supposed(?:ly)?",
    r"allegedly",
    r"(?:not|un)\s*(?:yet\s+)?(?:clear|known|certain)\s+(?:whether|if)",
    r"unclear\s+(?:whether|if)",
    r"tentatively",
]

# "probable": evidential hedges that point to a conclusion.
PROBABLE = [
    r"suggest(?:s|ed|ing)?",
    r"indicat(?:e|es|ed|ing)",
    r"appear(?:s|ed)?(?:\s+to)?",
    r"seem(?:s|ed)?(?:\s+to)?",
    r"(?<!more\s)(?<!less\s)(?:most\s+)?likely",  # "more likely to report" compares groups
    r"unlikely",
    r"probabl[ey]",
    r"point(?:s|ed|ing)?\s+to",
    r"impl(?:y|ies|ied)",
    r"tend(?:s|ed)?\s+to",
    r"apparent(?:ly)?",
    r"presumabl[ey]",
    r"evidence\s+(?:suggests|indicates|points)",
    r"suggestive(?:\s+of)?",
    # ("consistent with", "in line with" state agreement with other work, not a hedge.)
]

# "established": boosters and reported findings.
ESTABLISHED = [
    r"(?:studies|research|trials|evidence|data|experiments|findings|results|scientists|"
    r"researchers)\s+(?:have\s+|has\s+)?(?:consistently\s+|clearly\s+|also\s+)?"
    r"(?:show|shows|shown|showed|demonstrate|demonstrates|demonstrated|confirm|confirms|"
    r"confirmed|prove|proves|proved|reveal|reveals|revealed|establish|establishes|established)",
    rf"{HAVE}(?:been\s+)?(?:shown|proven|demonstrated|established|confirmed|documented)",
    r"(?:found(?!\s+(?:in|on|at|throughout|naturally))|find|finds|showed|shows|demonstrate[sd]?|revealed|reveals|confirmed|observed|"
    r"reported\s+that|concluded)",
    r"(?:is|are|was|were)\s+(?:well[-\s])?known\s+to",
    r"known\s+to",
    r"well[-\s](?:known|established|documented)",
    r"clear(?:ly)?",
    r"undoubtedly",
    r"definitely",
    r"certainly",
    r"proven",
    r"conclusive(?:ly)?",
    r"in\s+fact",
    r"of\s+course",
    r"without\s+(?:a\s+)?doubt",
    r"there\s+is\s+(?:strong|good|robust|clear|solid)\s+evidence",
    r"(?:has|have)\s+been\s+(?:associated|linked|tied|related|correlated)\s+(?:with|to)",
]

# "anecdotal": attribution to users', people's or practitioners' reports.
_REPORTERS = (
    r"users?|people|persons?|individuals?|microdosers?|many|some|others|consumers?|customers?|"
    r"practitioners|anecdotes|testimonials|those\s+who\s+\w+|fans|adherents|"
    r"self-experimenters|psychonauts|patients|clients|participants|respondents|redditors|"
    r"(?:some|many|most|several)\s+(?:of\s+)?(?:them|those|people|users|individuals)"
)
_REPORT_VERBS = (
    r"report(?:s|ed|ing)?|claim(?:s|ed|ing)?|say(?:s)?|said|describe[sd]?|not(?:e|es|ed)|"
    r"articulat(?:e|es|ed)|swear(?:s)?|attest(?:s|ed)?|credit(?:s|ed)?|tout(?:s|ed)?|"
    r"found|insist(?:s|ed)?|recount(?:s|ed)?|share[sd]?|mention(?:s|ed)?|anecdotally"
)
ANECDOTAL = [
    rf"(?:{_REPORTERS})(?:\s+{W}){{0,7}}?\s+(?:often\s+|also\s+|commonly\s+|frequently\s+|"
    rf"have\s+|has\s+|had\s+)*(?:{_REPORT_VERBS})",
    r"anecdot(?:al|ally|e|es)(?!\s+(?:benefits?|effects?|improvements?|gains?|advantages?|"
    r"outcomes?|results?|uses?))(?:\s+(?:reports?|evidence|accounts?|experiences?|claims?))?",
    r"self[-\s]reported",
    r"(?:commonly|widely|frequently|often|most|many|anecdotally|generally|another|"
    r"most\s+\w+)\s+reported",
    r"(?:personal|first-hand|firsthand|user)\s+(?:accounts?|reports?|experiences?|stories|"
    r"testimon(?:y|ials))",
    r"testimon(?:y|ials?)",
    r"(?:common\s+)?narratives?",
    r"word\s+of\s+mouth",
    r"according\s+to\s+(?:users|people|anecdot\w+|some|many)",
    r"(?:online\s+)?forums?",
    r"reports\s+of(?!\s+(?:lethal|fatal|deaths?|serious|severe|adverse|overdoses?|poisonings?|"
    r"toxicity|hospitali[sz]ations?))",
]
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

# Evidence cited -----------------------------------------------------------------------------------
# value -> patterns; the strongest value found wins.
EVIDENCE = {
    "systematic-review": [
        r"systematic\s+reviews?",
        r"meta-?\s?analy(?:sis|ses|tic)",
        r"meta-?regression",
        r"pooled\s+analys[ie]s",
        r"umbrella\s+review",
        r"cochrane(?:\s+review)?",
        r"review\s+of\s+(?:\d+|several|multiple|many|randomi[sz]ed)\s+(?:\w+\s+){0,2}"
        r"(?:studies|trials)",
    ],
    "rct": [
        r"randomi[sz]ed(?:[-\s]controlled)?",
        r"randomly\s+assigned",
        r"placebo[-\s]controlled",
        r"double[-\s]blind(?:ed)?",
        r"triple[-\s]blind(?:ed)?",
        r"single[-\s]blind(?:ed)?",
        r"self[-\s]blind(?:ed|ing)",
        r"blinded",
        r"controlled\s+(?:clinical\s+)?trials?",
        r"rcts?",
        r"(?:compared\s+(?:to|with)|versus|vs\.?|than|relative\s+to)\s+(?:a\s+|the\s+)?placebo",
        r"placebo\s+(?:group|arm|condition)",
    ],
    "clinical-trial": [
        r"clinical\s+(?:trials?|stud(?:y|ies)|research|findings|experiments?|evidence)",
        r"trials?",
        r"open[-\s]label",
        r"pilot\s+(?:stud(?:y|ies)|work|research|data)",
        r"experimental\s+stud(?:y|ies)\s+(?:in|with|of|on)\s+(?:healthy\s+)?(?:humans|people|"
        r"volunteers|patients|participants)",
        r"human\s+experimental\s+stud(?:y|ies)",
        r"phase\s+(?:[1-4]|i{1,3}v?|iv)(?:/(?:[1-4]|i{1,3}))?",
        r"uncontrolled\s+stud(?:y|ies)",
        r"(?:therapeutic\s+)?experiments?",
        r"(?:healthy\s+)?volunteers",
        r"(?:laboratory|lab)\s+stud(?:y|ies)",
        r"single[-\s]arm",
        r"non-?randomi[sz]ed",
        r"uncontrolled",
        r"open\s+(?:trials?|stud(?:y|ies))",
        r"dose[-\s](?:finding|response)\s+stud(?:y|ies)",
    ],
    "survey-observational": [
        r"surveys?",
        r"survey(?:ed)",
        r"questionnaires?",
        r"observational",
        r"cohorts?",
        r"case[-\s]control",
        r"cross[-\s]sectional",
        r"naturalistic",
        r"longitudinal",
        r"prospective",
        r"retrospective",
        r"epidemiolog(?:y|ical)",
        r"population[-\s]based",
        r"registry",
        r"case\s+(?:stud(?:y|ies)|reports?|series|presented|described\s+here)",
        r"(?:interview|focus\s+group)s?",
        r"self-?report(?:ed)?\s+(?:data|measures|outcomes)",
    ],
    "preclinical": [
        r"(?:in|of)\s+(?:\w+\s+){0,3}(?:mice|rats|rodents|animals|primates|monkeys|zebrafish|"
        r"pigs|dogs|fruit\s+flies|worms)",
        r"mice",
        r"rats",
        r"animals",
        r"rodents?",
        r"animal\s+(?:stud(?:y|ies)|models?|research|experiments?|data)",
        r"pre-?clinical",
        r"in\s+vitro",
        r"cell\s+cultures?",
        r"cultured\s+(?:neurons|cells)",
        r"petri\s+dish(?:es)?",
        r"(?:cortical\s+)?neurons\s+in\s+(?:a\s+)?(?:dish|culture)",
    ],
    "unspecified-research": [
        r"stud(?:y|ies)",
        r"research(?:ers)?",
        r"scientists?",
        r"investigators?",
        r"evidence",
        r"findings|finding\s+(?:that|was|is|suggests|shows)",
        r"data",
        r"literature",
        # "known side effects" = "known to": an appeal to what research has found.
        r"known\s+(?:side[-\s]effects|risks|adverse\s+(?:effects|events)|harms|dangers)",
        r"experts?\s+(?:have\s+)?(?:found|shown)",
        r"(?:has|have|had)\s+been\s+(?:shown|found|demonstrated|proven|observed|documented|"
        r"associated|linked|related|correlated|tied|reported\s+to)",
        r"(?:has|have)\s+(?:consistently\s+|repeatedly\s+|also\s+)?(?:demonstrated|shown|proven)",
        r"(?:has|have|had)\s+(?:also\s+)?been\s+(?:suggested|proposed|hypothesi[sz]ed|posited)\s+"
        r"(?:to|that|as)",
        r"(?:is|are|was|were)\s+(?:well[-\s])?known\s+to",
        r"known\s+to",
        r"published",
        r"journal",
        r"paper",
        r"analys[ie]s",
        r"neuroimaging",
    ],
    "expert-opinion": [
        r"experts?",
        r"(?:researchers|scientists|clinicians|doctors|physicians|psychiatrists|"
        r"practitioners|therapists|professionals|specialists|neuroscientists)\s+"
        r"(?:\w+\s+){0,2}(?:believe|recogni[sz]e[sd]?|argue[sd]?|say|said|caution(?:ed)?|"
        r"warn(?:ed)?|think|emphasi[sz]e[sd]?|note[sd]?|recommend(?:ed)?|reported|"
        r"acknowledge[sd]?|agree[sd]?|speculate[sd]?|propose[sd]?|suspect(?:ed)?|hope)",
        r"according\s+to\s+(?:dr\.?|professor|prof\.?|experts?|psychiatrists?|doctors?)",
        r"(?:dr\.?|professor|prof\.)\s+[A-Z]\w+\s+(?:says|said|believes|argues|explains)",
        r"(?:expert|professional|clinical)\s+(?:opinion|consensus)",
        r"according\s+to\s+(?:dr\.?\s+|professor\s+)?(?!(?:the|a|an|some|many|users|people|"
        r"studies|research|data)\b)[a-z]+",
        r"practitioners",
    ],
    "anecdotal": [
        r"anecdot(?:al|ally|e|es)",
        rf"(?:users?|people|individuals?|microdosers?|many|some|consumers?|patients|"
        rf"customers?)(?:\s+{W}){{0,7}}?\s+(?:often\s+|also\s+|have\s+|has\s+)*"
        rf"(?:report(?:s|ed)?|claim(?:s|ed)?|say|describe[sd]?|noted|swear|found|articulated"
        rf"|attest)",
        r"testimon(?:y|ials?)",
        r"self[-\s]reported",
        r"(?:commonly|widely|frequently|often|most)\s+reported",
        r"(?:reported|user)\s+(?:benefits?|effects?|improvements?|experiences?)",
        r"(?:personal|first-hand|user)\s+(?:accounts?|reports?|experiences?|stories)",
        r"reports\s+of(?!\s+(?:lethal|fatal|deaths?|serious|severe|adverse|overdoses?|poisonings?|"
        r"toxicity|hospitali[sz]ations?))",
        r"(?:common\s+)?narratives?",
        r"forums?",
        r"credited",
    ],
}
# Research that is only under way, wished for or absent is not evidence cited.
EVIDENCE_VOID = [
    r"(?:more|further|additional|larger|rigorous|long-term|well-designed)\s+(?:\w+\s+){0,2}"
    r"(?:research|studies|trials|investigation|evidence|data)\s+(?:is|are|will\s+be)?\s*"
    r"(?:needed|required|necessary|warranted)",
    r"(?:need|needs)\s+(?:for\s+)?(?:more|further|additional)\s+(?:research|studies|trials)",
    r"(?:more|further)\s+(?:studies|research)\s+(?:need|needs)\s+to\s+be",
    r"trials?\s+(?:are|is)\s+(?:ongoing|underway|under\s+way|planned|recruiting)",
    r"(?:currently|now|still)\s+(?:being\s+)?(?:investigat|stud|explor|examin|test|evaluat)\w*",
    r"(?:investigating|exploring|studying|examining|testing)\s+whether",
    r"research\s+(?:is|remains)\s+(?:still\s+)?(?:in\s+its\s+infancy|ongoing|limited|"
    r"evolving|developing|in\s+(?:its\s+)?early\s+(?:stages|phases))",
    r"(?:is|are)\s+still\s+being\s+studied",
    r"(?:before|until)\s+conclusive\s+evidence",
    r"remains?\s+to\s+be\s+(?:seen|determined|established|tested|studied)",
    r"(?:research|studies|trials|investigations?|evidence|data)\s+(?:is|are|will\s+be)\s+"
    r"(?:still\s+|urgently\s+|clearly\s+|therefore\s+)?(?:needed|required|necessary|warranted)",
    r"(?:are|is)\s+(?:currently\s+|now\s+|still\s+)?being\s+(?:conducted|carried\s+out|run|"
    r"planned)",
    r"(?:area|field|line)s?\s+of\s+(?:\w+\s+)?research",
    r"research\s+(?:is\s+|are\s+)?(?:examining|exploring|investigating|studying|testing)",
]

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
# A text reporting its own study ("Here, we report...", "In this open-label trial..."): the design
# stated there carries to the results it reports without naming the drug or the design again.
OWN_STUDY_CUES = [
    r"(?:we|our)\s+(?:\w+\s+)?(?:report|present|describe|conducted|ran|tested|investigated|"
    r"examined|assessed|evaluated|studied|surveyed|recruited|enrolled|randomi[sz]ed|collected|"
    r"used|measured|compared|searched|pooled|screened|study|trial|experiment|survey|sample|data)",
    r"(?:this|the\s+present|the\s+current)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|experiment|"
    r"survey)",
    r"^(?:this|it)\s+(?:was|is)\s+(?:a|an)\s+[^.;]{0,80}?\b(?:study|trial|survey|experiment)",
    r"the\s+(?:study|trial|experiment|survey)\s+(?:was|were)\s+(?:completed|conducted|"
    r"carried\s+out|run|performed)",
]
# Subjects of a study's results stated without the drug's name ("Treatment was well tolerated",
# "Results remained positive", "Analyses revealed", "Patients reported").
RESULT_SUBJECTS = [
    r"treatment|results?|findings|participants|patients|subjects|respondents|analys[ie]s",
    r"outcomes?|effect\s+sizes?|tolerability|infusions|sessions|responders?|response",
    r"reductions?|improvements?|remission|scores?|ratings?|symptoms|differences?",
    r"microdose\s+group|(?:drug|active|treatment)\s+group|users|microdosers|effects",
    r"adverse\s+events|side\s+effects",
]
# A definition of a term that is not a substance ("Neuroplasticity is the ability to...").
TERM_DEFINITION = re.compile(
    r"^[\w\s'\u2019-]{1,40}?\s(?:is|are)\s(?:the|a|an)\s(?:\w+\s)?(?:ability|measure|process|"
    r"term|name|state|capacity|class|group|type|form|set|network|protein|chemical|hormone|"
    r"neurotransmitter|messenger|region|part|condition|disorder|illness)s?\b",
    re.IGNORECASE,
)

# Claim kind ---------------------------------------------------------------------------------------
EFFICACY_NULL = [
    r"no\s+(?:more\s+)?(?:better|more\s+effective|different)\s+than\s+(?:a\s+)?placebo",
    r"(?:not|no)\s+(?:significantly\s+)?(?:better|superior|more\s+effective)\s+than",
    r"no\s+(?:[\w-]+\s+){0,2}(?:significant|meaningful|measurable|detectable|reliable|clear|"
    r"lasting|consistent)\s+(?:[\w-]+\s+){0,2}(?:effects?|differences?|benefits?|improvements?|"
    r"changes?|reductions?|advantages?)",
    r"(?:did|does|do)\s*(?:not|n't)\s+(?:significantly\s+|always\s+)?(?:improve|reduce|differ|change|"
    r"outperform|enhance|help|work|alleviate|relieve|treat|benefit|boost|lower)",
    r"(?:did|does|do)\s*(?:not|n't)\s+find|found\s+no|showed\s+no|no\s+(?:significant\s+)?"
    r"differences?\s+between",
    r"(?:failed|fails|fail)\s+to\s+(?:\w+\s+){0,2}(?:improve|reduce|show|find|outperform|"
    r"demonstrate|beat|separate|produce|alleviate|replicate)",
    r"(?:is|are|was|were)\s*(?:not|n't)\s+(?:an?\s+)?(?:cure|panacea|magic\s+bullet|"
    r"miracle|silver\s+bullet|effective|efficacious|superior|better)",
    r"no\s+(?:evidence|proof|data)\s+(?:that|of|to\s+support|for)",
    r"(?:little|scant|insufficient|limited)\s+(?:\w+\s+)?evidence\s+(?:that|of|to\s+support|for)",
    r"(?:not|never)\s+(?:been\s+)?(?:proven|shown|demonstrated|established)\s+(?:to|that)",
    r"(?:has|have)\s*(?:not|n't)\s+(?:yet\s+)?been\s+(?:proven|shown|demonstrated|established)",
    r"ineffective",
    r"placebo\s+effects?\s+(?:alone|explain|explains|account|accounts|may\s+explain)",
    r"(?:explained|accounted\s+for|driven)\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:placebo|expectancy|"
    r"expectations?)",
    r"(?:did|does|do)\s*(?:not|n't)\s+(?:significantly\s+)?differ\s+from\s+(?:the\s+)?placebo",
    r"(?:similar|comparable|equivalent)\s+to\s+(?:those\s+(?:in|of|on)\s+)?(?:the\s+)?placebo",
    r"(?:expectancy|expectation)\s+effects?",
    r"null\s+(?:results?|findings?)",
    r"(?:no\s+longer|not)\s+(?:statistically\s+)?significant",
    r"unproven",
    r"(?:did|does|do)\s*(?:not|n't)\s+(?:establish|demonstrate|show|prove|confirm)\s+(?:\w+\s+)?"
    r"(?:efficacy|effectiveness|benefit|superiority)",
    r"(?:trials?|studies)\s+(?:were|was)\s+negative",
    r"placebo\s+respon(?:se|ses|ders?)",
]
RISK = [
    r"risks?",
    # Intoxication is an acute effect users are warned of ("causes the 'high'").
    r"intoxicat(?:ing|ion|ed)",
    r"(?:causes?|caused|produces?|produced)\s+(?:the|a)\s+[\"'\u201c\u2018]?high\b",
    r"should\s+(?:not|never)\s+(?:use|take|try|combine|mix)",
    r"should\s+avoid",
    r"seizures?",
    r"convulsions?",
    r"fatal(?:ities)?",
    r"deaths?",
    r"poisoning",
    r"(?:heart\s+attacks?|strokes?|arrhythmias?)",
    r"(?:bladder|kidney|liver|heart|valve|brain|organ)\s+(?:\w+\s+)?(?:damage|problems|injury|pain|"
    r"toxicity|disease)",
    r"damage",
    r"dissociation",
    r"dizziness",
    r"vomiting",
    r"risky",
    r"side[-\s]effects?",
    r"adverse",
    r"harm(?:s|ful)?",
    r"danger(?:s|ous|ously)?",
    r"interact\w*\s+(?:dangerously|badly|negatively|adversely|harmfully)\s+with",
    r"misuse|abuse\s+potential|potential\s+for\s+(?:misuse|abuse|harm|addiction|dependence)",
    r"(?:be|being|been|is|are|was|were|get|gets)\s+(?:misused|abused)",
    r"unsafe",
    r"safe(?:ly|r|ty)?",
    r"well[-\s]tolerated",
    r"tolera(?:ted|ble|bility|nce)",
    r"toxic(?:ity)?",
    r"neurotoxic(?:ity)?",
    r"contraindicat(?:ed|ion|ions)",
    r"interactions?",
    r"interact\s+with\s+(?:\w+\s+){0,2}(?:medications?|drugs|ssris|antidepressants|lithium|"
    r"maois?)",
    r"(?:should|must)\s+(?:\w+\s+)?avoid",
    r"caution",
    r"dependen(?:ce|cy)",
    r"addictive",
    r"(?<!substance\s)(?<!drug\s)abuse",
    r"overdos(?:e|es|ing)",
    r"bad\s+trips?",
    r"(?:trigger|induce|precipitate|cause|worsen|exacerbat)\w*\s+(?:\w+\s+){0,3}"
    r"(?:psychosis|psychotic|mania|manic|episodes?|symptoms|anxiety|panic)",
    r"(?:lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+in|caus(?:e|es|ed|ing))\s+"
    r"(?:\w+\s+){0,3}(?:depression|pain|ulcers?|insomnia|memory\s+loss|suicid\w+|seizures?|"
    r"psychosis|anxiety|panic|paranoia|delusions?)",
    r"ulcers?|memory\s+loss|trouble\s+breathing",
    r"qt\s+prolongation|prolong\w*\s+(?:the\s+)?qt|cardiac\s+arrest",
    r"exacerbat\w+",
    r"worsen\w*",
    r"(?:increas\w+|heighten\w+|elevated|more)\s+(?:\w+\s+)?(?:anxiety|paranoia|panic|"
    r"agitation|confusion|restlessness|insomnia|irritability)",
    r"(?:higher|greater|increased|elevated|worse|worsening)\s+(?:\w+\s+)?(?:depression|depressive|"
    r"anxiety|suicid\w+|psychotic)\s+(?:scores?|symptoms|levels|rates|ratings)",
    r"impair(?:s|ed|ment|ing)?",
    r"not\s+(?:be\s+)?suitable",
    r"unsuitable",
    r"complications?",
    r"hallucinations?",
    r"panic(?:\s+attacks?)?",
    r"paranoia",
    r"nausea",
    r"headaches?",
    r"valvulopathy",
    r"fibrosis",
    r"flashbacks?",
    r"hppd",
    r"serotonin\s+syndrome",
    r"(?:blood\s+pressure|heart\s+rate)\s+(?:increases?|elevations?|rises?)",
    r"(?:increase[sd]?|rais(?:e|es|ed|ing)|elevat(?:e|es|ed|ing))\s+(?:\w+\s+){0,2}"
    r"(?:blood\s+pressure|heart\s+rate)",
    r"concerns?",
    r"vulnerab\w+",
    r"discomfort",
    r"unpleasant",
    r"emotional\s+(?:sensitivity|pain|distress)",
    r"purity",
    r"contamina\w+",
    r"withdrawal",
    # Acute perceptual and dissociative effects, as drug-information texts list them: harms.
    r"distort(?:s|ed|ing|ions?)?",
    r"(?:(?:can|could|may|might)\s+(?:temporarily\s+)?|temporarily\s+)alter(?:s|ed|ing)?\s+"
    r"(?:a\s+(?:person|user)['\u2019]s|their|one['\u2019]s|your)\s+(?:\w+,?\s+){0,5}?(?:perceptions?|thoughts|thinking|mood|sense|consciousness)",
    r"alter(?:s|ed|ing)?\s+(?:[\w,]+\s+){0,3}?(?:perceptions?|consciousness)",
    r"(?:signs?|symptoms?)\s+of\s+(?:addiction|dependence)",
    r"(?:non-ordinary|altered)\s+states?\s+of\s+(?:\w+\s+)?consciousness",
    r"(?:sensations|images|sounds|things|voices)\s+that\s+(?:seem|appear|feel)\s+real",
    r"(?:do|does)\s+not\s+(?:really\s+)?exist",
    r"(?:swing|swings|swung)\s+wildly|mood\s+swings",
    r"unreal|bizarre|unpredictable",
    r"frighten\w*|terrif\w+|terror|nightmar\w+|despair|insanity|fears?\s+of",
    r"out\s+of\s+control|disconnected\s+from|detach\w*\s+from|depersonali[sz]\w+|"
    r"dereali[sz]\w+|disorient\w*|confusion",
    r"los(?:e|es|ing)\s+(?:\w+\s+){0,2}sense\s+of",
    r"psychotic(?:-like)?\s+(?:episodes?|symptoms|reactions?|states?)",
    r"drug-induced\s+psychosis",
    r"respiratory\s+depression|breathing\s+(?:problems|difficulties)",
    r"irritability|impulsiv\w+|aggressi(?:on|ve)|(?:sleep|memory|attention|concentration)\s+"
    r"problems|(?:decreased|loss\s+of)\s+appetite|muscle\s+cramp\w*|(?:teeth|jaw)\s+clenching|"
    r"blurred\s+vision|chills|sweating|dehydration|hyperthermia",
    r"dissociative\s+(?:symptoms|effects|experiences|states?)",
    r"heart\s+rate\s+abnormalities|irregular\s+heart\s?beats?",
]
MECHANISM = [
    r"receptors?",
    r"5-?ht\s?(?:1a|2a|2b|2c)",
    r"serotonin(?:ergic)?",
    r"dopamin(?:e|ergic)",
    r"glutamat(?:e|ergic)",
    r"noradrenalin(?:e)?|norepinephrine",
    r"acetylcholine",
    r"histamine",
    r"gaba(?:ergic)?",
    r"nmda",
    r"ampa",
    r"neurotransmi(?:tter|tters|ssion)",
    r"agonis(?:t|ts|m)",
    r"antagonis(?:t|ts|m)",
    r"binds?\s+to",
    r"acts?\s+(?:on|as|by)",
    r"default[-\s]mode\s+network",
    r"dmn",
    r"(?:brain|neural|neuronal|functional)\s+(?:activity|connectivity|networks?|circuits?|"
    r"regions?|chemistry|function|signal(?:l)?ing|pathways?|entropy|oscillations)",
    r"connectivity",
    r"neural\s+circuits?",
    r"neuroplasticity|plasticity|neurogenesis|synaptogenesis|neuritogenesis",
    r"synap(?:se|ses|tic)",
    r"dendrit\w+",
    r"spines?",
    r"neurons?",
    r"bdnf|neurotrophic",
    r"blood\s+flow",
    r"cytokines?",
    r"inflammat\w+|anti-inflammatory",
    r"markers?",
    r"mechanisms?(?:\s+of\s+action)?",
    r"pathways?",
    r"mediat(?:e|ed|es|ing)",
    r"modulat(?:e|es|ed|ing|ion)",
    r"perception",
    r"metaboli(?:sm|zed|sed|te)",
    r"amygdala|prefrontal|cortex|hippocamp\w+|thalamus",
    r"stress\s+response",
    r"gene\s+expression",
    r"mtor|trkb",
    r"(?:re-?uptake|transporter)\s+inhibit(?:or|ors|ion)",
    r"(?:monoamine|serotonin|dopamine|neurotransmitter)\s+releas(?:er|ers|ing\s+agents?)",
]
# Words of a favourable effect on a condition: benefit rather than mechanism when they lead.
BENEFIT = [
    r"improv\w+",
    r"enhanc\w+",
    r"boost\w*",
    r"alleviat\w+",
    r"reliev\w+|relief",
    r"reduc\w+\s+(?:\w+\s+){0,2}(?:symptoms?|depression|anxiety|distress|cravings?|pain|"
    r"stress|rumination|suicidal\w*|drinking|use|smoking|ptsd)",
    r"(?:antidepressant|anxiolytic|anti-anxiety|therapeutic)\s+(?:effects?|properties|"
    r"benefits?|potential|value|uses?)",
    r"treat(?:s|ed|ing|ment)?",
    r"therap(?:y|ies|eutic)",
    r"benefi(?:t|ts|cial|ted)",
    r"help(?:s|ed|ing|ful)?",
    r"effective(?:ness)?|efficacy|efficacious",
    r"remission",
    r"respon(?:se|ders?)\s+rates?",
    r"heal(?:s|ed|ing)?",
    r"cure[sd]?",
    r"protect\w*",
    r"prevent\w*",
    r"recover\w*",
    r"better",
    r"positive\s+(?:effects?|outcomes?|results?|changes?)",
    r"gains?",
    r"enjoy\w*|pleasant|pleasur\w+",
    r"(?:reduc|decreas|declin|lower|drop)\w*\s+(?:in|of)\b",
]

# Claim detection ----------------------------------------------------------------------------------
# An effect, mechanism, benefit, risk or dosing predicate: without one there is no claim.
EFFECT = [
    r"(?:found|find|finds|provided?|provides|lend|lends|lent|offer(?:s|ed)?)\s+(?:\w+\s+)?"
    r"support\s+for",
    r"(?:shown|shows|showed|show)\s+(?:\w+\s+)?promise",
    r"improv\w+",
    r"enhanc\w+",
    r"increas\w+",
    r"decreas\w+",
    r"reduc\w+",
    r"lower(?:s|ed|ing)?",
    r"rais(?:e|es|ed|ing)",
    r"boost\w*",
    r"promot\w+",
    r"alleviat\w+",
    r"reliev\w+|relief",
    r"eas(?:e|es|ed|ing)",
    r"help(?:s|ed|ing|ful)?",
    r"aid(?:s|ed|ing)?",
    r"assist(?:s|ed)?",
    r"treat(?:s|ed|ing|ments?)",
    r"therapeutic",
    r"benefi(?:t|ts|cial|ted)",
    r"effect(?:s|ive|ively|iveness)?",
    r"efficacy|efficacious",
    r"work(?:s|ed)?\s+(?:by|through|on|for|to|as|in)",
    r"acts?\s+(?:on|as|by|upon)",
    r"bind(?:s|ing)?",
    r"activat\w+",
    r"stimulat\w+",
    r"modulat\w+",
    r"influenc\w+",
    r"affect(?:s|ed|ing)?",
    r"alter(?:s|ed|ing|ations?)?",
    r"chang(?:e|es|ed|ing)",
    r"shift(?:s|ed)?",
    r"caus(?:e|es|ed|ing)",
    r"induc\w+",
    r"trigger\w*",
    r"lead(?:s|ing)?\s+(?:\w+\s+)?(?:to|into)|led\s+(?:\w+\s+)?(?:to|into)",
    r"experienced(?!\s+(?:researchers|clinicians|therapists|practitioners|guides))",
    r"result(?:s|ed|ing)?\s+in",
    r"produc(?:e|es|ing)|produced(?!\s+(?:by|in|from|naturally))",
    r"(?:associated|linked|correlated|tied)\s+(?:with|to)",
    r"(?:link|links|linked|associate[sd]?|tie[sd]?)\s+(?:[\w-]+\s+){1,4}?(?:with|to)",
    r"contribut\w+",
    r"supports|supported|supporting|(?:may|might|could|can|to|will)\s+support",
    r"foster\w*",
    r"facilitat\w+",
    r"protect\w*",
    r"prevent\w*",
    r"delay\w*",
    r"restor\w+",
    r"regulat(?:e|es|ed|ing)",
    r"interact(?:s|ed|ing)?\s+with",
    r"engag(?:e|es)",
    r"target(?:s|ed|ing)?",
    r"block(?:s|ed|ing)?",
    r"dampen\w*",
    r"diminish\w*",
    r"disrupt\w*",
    r"reset\w*",
    r"rewir\w+",
    r"unlock\w*",
    r"amplif\w+",
    r"strengthen\w*",
    r"rebuil\w+|regrow\w*|repair\w*",
    r"(?:fell|fall(?:s|ing)?|dropp\w+|declin(?:e|ed|es|ing)|rose|peak\w*)",
    r"distort\w*",
    r"var(?:y|ies|ied)\s+(?:with|by|depending|according|widely|greatly|between)",
    r"(?:remain(?:s|ed)?|stay(?:s|ed)?)\s+(?:\w+\s+)?(?:positive|significant|stable|"
    r"sustained|elevated|improved|lower|higher|reduced)",
    r"cultivat\w+",
    r"outcomes?",
    r"improvements?",
    r"symptoms?",
    r"remission",
    r"respon(?:se|ses|ded|d)\b|responders?|response\s+rates?",
    # Abstinence is a substance-use outcome ("were confirmed as smoking abstinent").
    r"abstinen(?:t|ce)",
    r"(?:remain(?:ed|ing)?|stay(?:ed|ing)?|were|was|being)\s+sober",
    r"outperform\w*",
    r"superior",
    r"better",
    r"safe(?:ly|r|ty)?",
    r"well[-\s]tolerated",
    r"toleran(?:ce|t)",
    r"risks?",
    r"side[-\s]effects?",
    r"adverse",
    r"harm\w*",
    r"danger\w*",
    r"toxic\w*",
    r"(?:not|non)[-\s]?addictive|addictive",
    r"dependen(?:ce|cy)",
    r"interactions?",
    r"exacerbat\w+",
    r"worsen\w*",
    r"impair\w*",
    r"suitable",
    r"contraindicat\w+",
    r"mechanisms?",
    r"properties",
    r"potential",
    r"promising",
    r"cure[sd]?",
    r"heal\w*",
    r"experienc(?:e|es|ed)\s+(?:\w+\s+){0,3}(?:improv|reduc|increas|decreas|relief|less|"
    r"fewer|more|better|greater|heighten|enhanc)\w*",
    r"(?:more|less|fewer|greater|heightened|higher|lower)\s+(?:\w+\s+)?(?:focus|energy|"
    r"anxiety|creativity|productive|productivity|clarity|mood|stress|symptoms|engaged|"
    r"motivation|optimism|emotional|open|connected|present|resilient|resilience|depressive)",
    r"feel(?:s|ing)?\s+more",
    r"report(?:s|ed|ing)?\s+(?:having|experiencing|feeling|seeing|hearing)",
    r"(?:make|makes|made|making)\s+(?:\w+\s+){1,3}(?:appear|seem|look|sound|feel)",
    r"allows?",
    r"enabl\w+",
    # (what a drug offers, not what a clinic offers: "clinics offer ibogaine treatment")
    r"offer(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:relief|benefits?|hope|improvements?|protection|"
    r"alternatives?|promise|advantages?|insights?|effects?|potential|support|healing|respite|"
    r"opportunit\w+|ways?|new|a|an)",
    r"provid(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}(?:relief|benefits?|improvements?|support|"
    r"effects?|approach|alternative|boost|protection|treatment)",
    r"(?:antidepressant|anxiolytic|anti-anxiety)",
    r"transform\w*",
    r"agonis\w+|antagonis\w+|affinity",
    r"sharpen\w*",
    r"heighten\w*",
    r"intensif\w+",
    r"elevat(?:e|es|ed|ing)",
    r"lift(?:s|ed|ing)?",
    r"calm(?:s|ed|ing)?",
    r"sooth\w+",
    r"stabili[sz]\w+",
    r"energi[sz]\w+",
    r"numb(?:s|ed|ing|ness)?",
    r"dull(?:s|ed|ing)?",
    r"weaken\w*",
    r"suppress\w*",
    r"inhibit\w*",
    r"curb\w*",
    r"fight(?:s|ing)?",
    r"combat\w*",
    r"counteract\w*",
    r"revers(?:e|es|ed|ing)",
    r"(?:make|makes|made)\s+(?:\w+\s+){0,2}(?:feel|more|less)",
    r"(?:no|little)\s+(?:effect|difference|benefit)",
    r"placebo",
]

# What is not a claim even with an effect word in it (checked on the in-scope text only).
# Vetoes: the whole sentence is not a claim.
NOT_CLAIM = {
    "meta": [
        r"(?:this|the\s+present|our|in\s+this)\s+(?:article|post|blog(?:\s+post)?|page|guide|"
        r"review|section|paper|chapter|report)\s+(?:has\s+|will\s+)?(?:explore|explores|explored|"
        r"delve|delves|examine|examines|discuss|discusses|discussed|cover|covers|look|looks|aim|"
        r"aims|review|reviews|describe|describes|summari[sz]es?|outlines?|provides?|focus|"
        r"focuses|highlight\w*)",
        r"the\s+(?:purpose|aim|goal|objective)\s+of\s+(?:this|the|our)\s+(?:article|post|"
        r"approach|study|paper|review|guide|blog)",
        r"(?:we|we'll|we\u2019ll|let's|let\u2019s|let\s+us)\s+(?:will\s+|here\s+|now\s+|"
        r"briefly\s+|first\s+)*(?:explore|review|"
        r"discuss|look|examine|delve|take|consider|dive)",
        r"(?:read\s+on|keep\s+reading|click\s+here|learn\s+more|sign\s+up|subscribe)",
        r"we\s+(?:have\s+)?(?:compiled|gathered|collected|prepared|written|put\s+together|"
        r"summari[sz]ed)\s+(?:the\s+|this\s+|some\s+)?(?:\w+\s+)?(?:information|evidence|"
        r"research|findings|facts|data|resources)",
        r"(?:our|these|the)\s+(?:findings|results|conclusions|analyses|recommendations)\s+"
        r"(?:are|is|were|was)\s+(?:\w+\s+)?based\s+on",
    ],
    "not-understood": [
        r"(?:is|are|remains?)\s+(?:still\s+)?(?:not\s+(?:yet\s+)?(?:fully\s+|well\s+|"
        r"completely\s+)?understood|unknown|poorly\s+understood|(?:largely\s+)?unstudied|unclear)",
        r"worth\s+(?:exploring|investigating|studying|researching|pursuing)",
        r"(?:deepen|improve|advance|further)\s+(?:our\s+|the\s+)?understanding|"
        r"better\s+(?:understand|elucidate)|elucidate|shed\s+light",
        r"(?:are|is)\s+(?:currently\s+|now\s+|still\s+|also\s+|increasingly\s+|widely\s+|"
        r"actively\s+)*being\s+(?:\w+ly\s+)?(?:studied|investigated|explored|tested|assessed|"
        r"examined|evaluated|researched|trialled|trialed)",
        # Research activity: who funds, runs or builds up research, and research under way.
        r"(?:conducts?|conducting|supports?|supporting|funds?|funding|sponsors?|sponsoring|"
        r"leads?|leading)\s+(?:and\s+\w+\s+)?(?:\w+\s+)?(?:research|studies|trials|projects|"
        r"work)\s+(?:on|into|in|about|of)",
        r"(?:research|science|studies|scientists|researchers)\s+(?:is|are)\s+(?:\w+\s+)?"
        r"(?:developing|building|forming|painting|gaining)\s+(?:a|an)\s+(?:\w+\s+){0,2}"
        r"(?:picture|understanding|view|sense|image)",
        r"\b(?:trials?|studies|research|investigations?)\b[^.;:]*?\b(?:are|is)\s+"
        r"(?:currently\s+|still\s+|now\s+)?(?:ongoing|underway|under\s+way|planned|"
        r"recruiting|in\s+progress)",
        r"(?<!\band\s)(?<!\bor\s)(?:exploration|examination|investigation|investigations)\s+"
        r"(?:of|into)",
        r"research\s+(?:on|into)\s+the\s+(?:impact|effects?)\s+of",
        r"for\s+(?:\w+\s+){0,2}(?:various|many|several|different|a\s+variety\s+of)\s+reasons",
        r"(?:more|further|additional|larger|rigorous|long-term|well-designed)\s+(?:\w+\s+){0,2}"
        r"(?:research|studies|trials|investigation|evidence|data)\s+(?:is|are|will\s+be)\s*"
        r"(?:needed|required|necessary|warranted)",
        r"(?:is|are)\s+(?:currently\s+|now\s+|still\s+)?(?:in|undergoing|entering)\s+"
        r"(?:[\w-]+\s+){0,2}(?:clinical\s+)?trials\b",
        r"(?:research|studies|trials|investigations?|evidence|data|work)\s+(?:is|are|will\s+be)\s+"
        r"(?:still\s+|urgently\s+|clearly\s+|therefore\s+)?(?:needed|required|necessary|"
        r"warranted)",
        r"(?:need|needs)\s+(?:for\s+)?(?:more|further|additional|comprehensive|rigorous|larger|"
        r"large-scale|well-designed|controlled)[\s,]+(?:[\w-]+,?\s+){0,3}(?:research|studies|"
        r"trials)",
        r"(?:more|further)\s+(?:studies|research)\s+(?:need|needs)\s+to\s+be",
    ],
    # Evidence gaps and regulators' guidance: what is not known or what an agency advises.
    "evidence-gap": [
        r"(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?(?:\w+ly\s+)?(?:scientifically\s+|"
        r"properly\s+|rigorously\s+|clinically\s+)?(?:validated|verified|substantiated)",
        r"(?:very\s+)?(?:little|no|scant|sparse)\s+(?:\w+\s+)?research\s+(?:on|into|about|"
        r"exists)",
        r"(?:owing|due)\s+to\s+(?:a|an|the)\s+(?:lack|absence|paucity)\s+of\s+(?:\w+\s+)?"
        r"evidence",
        r"(?:issued|published|released)\s+(?:\w+\s+){0,2}(?:guidance|guidelines?)",
        r"recommend(?:s|ed|ing)?\s+that\s+[^.;]{0,40}?\bnot\s+be\s+(?:used|offered|prescribed|"
        r"funded)",
        r"(?:declined|refused|failed|voted\s+against)\s+(?:\w+\s+)?to\s+(?:approve|license|licence|"
        r"authori[sz]e|recommend)",
        # Caveats on what a study's results say.
        r"(?:cannot|can\s*not|should\s+not|may\s+not)\s+be\s+generali[sz]ed",
        r"(?:should|must)\s+be\s+interpreted\s+with\s+caution",
        r"generali[sz]ability\s+(?:is|was|may\s+be|remains)\s+limited",
        r"(?:expectancy|placebo|confounding|bias|selection)\s+(?:[\w-]+\s+){0,2}(?:cannot|could\s+not|"
        r"can't|can\s+not)\s+be\s+(?:excluded|ruled\s+out)",
        # How little has been studied, and calls for more ("Very few studies have reported ...").
        r"(?:very\s+)?few\s+(?:[\w-]+\s+)?(?:studies|trials)\s+(?:have|has)\s+(?:\w+\s+)?(?:reported|"
        r"examined|investigated|evaluated|assessed|studied|tested|looked)",
        r"should\s+be\s+further\s+(?:investigated|studied|explored|examined|evaluated)",
        r"framework\s+for\s+future\s+(?:research|studies|trials)",
    ],
    "disclaimer": [
        r"(?:for\s+)?(?:informational|educational)\s+purposes",
        r"not\s+(?:intended\s+)?(?:as\s+)?(?:a\s+)?substitute\s+for",
        r"(?:does\s+not|do\s+not|doesn't)\s+constitute",
        r"medical\s+advice",
        r"cannot\s+guarantee",
        r"terms\s+of\s+(?:service|use)",
        r"privacy\s+policy",
        r"affiliate",
        r"all\s+rights\s+reserved",
        r"copyright",
    ],
    "legal-history": [
        r"(?:il)?legal(?:ity|ly)?\s+(?:status|in|to|ramifications|consequences|penalties)",
        r"illegal",
        r"decriminali[sz]\w+",
        r"(?:was|were)\s+(?:initially|originally|first|once|formerly)\s+(?:popular|used|developed|"
        r"marketed|sold|known)",
        r"schedule\s+(?:i|1|one)\b",
        r"classified\s+as",
        r"controlled\s+substances?",
        r"(?:was|were)\s+(?:first\s+)?(?:synthesi[sz]ed|discovered|isolated|patented|invented|"
        r"popularized|popularised|coined)",
        r"(?:have|has)\s+been\s+(?:used|utili[sz]ed)\s+(?:\w+\s+){0,2}(?:for\s+(?:centuries|"
        r"millennia|thousands\s+of\s+years)|(?:by|in)\s+(?:indigenous|ancient|traditional))",
        r"(?:penalt|arrest|prosecut|imprison)\w+",
        r"(?:have|has)\s+been\s+(?:used|utili[sz]ed)\s+[^.;]{0,60}?\bfor\s+(?:the\s+)?(?:past|last)\s+"
        r"(?:\d+|\w+)\s+(?:years|decades|centuries)",
        r"under\s+(?:[\w-]+\s+)?legislation",
        r"can\s+now\s+be\s+(?:legally\s+)?(?:prescribed|sold|bought|purchased)",
        # Availability: who offers or sells a drug says nothing of what it does.
        r"(?:clinics?|centers?|centres?|retreats?|providers?|companies|shops?|websites?|vendors?)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:offer|offers|offered|sell|sells|sold|advertise|advertises|"
        r"market|markets)\b",
        r"(?:fda|ema|mhra|tga)[-\s](?:approved|cleared|authori[sz]ed)",
        r"(?:received|granted|given|awarded|earned)\s+(?:\w+\s+){0,2}(?:designation|approval|"
        r"licen[cs]e|authori[sz]ation)",
        r"(?<!not\s)(?<!never\s)(?:approved|licensed|authori[sz]ed)\s+(?:for|by|as)\b",
        r"(?:is|are|was|were|been)\s+(?:currently\s+|now\s+|also\s+|only\s+)?"
        r"(?:approved|licensed|authori[sz]ed|indicated)\s+(?:as|for|by|in)\b",
    ],
    # Naming (what people call a drug or an experience) and the drug scene as a public concern.
    "naming": [
        # A definition by likeness ("synthetic cannabinoids mimic the effects of THC").
        r"(?:mimic|mimics|mimicked|mimicking|imitate[sd]?|imitating)\s+(?:the\s+)?(?:\w+\s+)?effects\s+of",
        # How much a drug is used, not what it does ("use of X may also increase").
        r"(?:use|popularity|consumption)\s+of\s+[^.;]{1,60}?\s+(?:may|might|will|could|is\s+likely\s+to|"
        r"has|have)\s+(?:\w+\s+)?(?:been\s+)?(?:increase[ds]?|rise|risen|grow|grown|rising|growing)\b",
        # Other treatments' standing ("Trauma-focused psychotherapies are the gold standard").
        r"(?:is|are)\s+(?:\w+\s+)?(?:considered\s+(?:to\s+be\s+)?)?(?:the\s+)?gold[-\s]standard",
        r"approved\s+first[-\s]line\s+(?:therapeutics?|treatments?|therap(?:y|ies)|medications?)",
        # A definition whose only predicate is a use ("X therapy is the use of X in treating
        # ..."), unless it states a dose property.
        r"^[^,;]{0,80}?\b(?:is|are|refers\s+to)\s+the\s+(?:use|administration|application)\s+"
        r"of\b(?![^.;]*?\b(?:doses?|dosages?|amounts?|quantities)\b)",
        r"(?:is|are)\s+(?:increasingly|widely|commonly|often|now|also|frequently)\s+used\s+"
        r"(?:both\s+)?(?:recreationally|as|for|by|in)\b",
        r"refer(?:s|red|ring)?\s+to\s+[^.;]{1,80}?(?<!such)\s+as\b",
        r"(?:introduction|emergence|arrival|availability|spread)\s+of\s+[^.;]{1,60}?\s+"
        r"(?:is|are|was|were|has\s+been|remains?)\s+(?:of\s+)?(?:\w+\s+)?concern",
    ],
    "methods": [
        # A study's objective and how it was run.
        r"^(?:objectives?\W+|aims?\W+)?to\s+(?:evaluate|assess|determine|test|examine|"
        r"investigate|compare|explore|establish|estimate|conduct|review|identify|describe|"
        r"characteri[sz]e|summari[sz]e)\b",
        # Who took part ("Participants were 15 healthy smokers") and how they took part.
        r"^(?:the\s+)?(?:participants|subjects|volunteers|respondents)\s+(?:were|included|"
        r"comprised)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"[a-z]+teen|[a-z]+ty)\b",
        r"^all\s+\d+\s+(?:[\w-]+\s+){0,3}?(?:completed|received|underwent)\b",
        r"completed\s+(?:our|the|this|an?)\s+(?:[\w-]+\s+){0,2}(?:survey|questionnaire|"
        r"interview)s?\b",
        r"returned\s+for\s+(?:an?\s+)?(?:[\w(\u2265\u2264)=-]+\s+){0,4}?follow-?up",
        r"(?:were|was)\s+(?:studied|examined|investigated|evaluated|tested)\s+in\s+(?:\d+|a\s+"
        r"(?:sample|group|cohort)|[\w-]+\s+(?:patients|participants|adults|volunteers))",
        r"(?:implemented|took|employed|introduced|put\s+in\s+place)\s+(?:\w+\s+)?(?:measures|"
        r"steps|precautions|safeguards)",
        r"(?:collected|gathered)\s+(?:[\w-]+\s+){0,6}data",
        r"using\s+an?\s+[^.;]{0,60}?\bdesign\b",
        r"(?:minimi[sz]ed|controlled\s+for|guarded\s+against)\s+(?:\w+\s+)?(?:expectancy|"
        r"bias|biases|confound\w*)",
        r"(?:were|was)\s+(?:randomly\s+)?(?:assigned|randomi[sz]ed|recruited|enrolled|screened|"
        r"excluded|included|asked|instructed|collected|obtained|approved|registered|"
        r"administered|given|measured|assessed|calculated|defined|conducted|performed|"
        r"analy[sz]ed|used\s+to)",
        r"we\s+(?:recruited|enrolled|conducted|searched|measured|assessed|analy[sz]ed|used|"
        r"included|excluded|performed|administered|designed|aimed|hypothesi[sz]ed|report|"
        r"describe|present|investigated|examined|tested|compared|collected|identified|tracked|"
        r"followed|monitored|surveyed|interviewed|asked|invited)",
        r"(?:inclusion|exclusion|eligibility)\s+criteria",
        # Who took part and what they received: the design, not a result.
        r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|[\w-]+ty-\w+)"
        r"\s+(?:\([^)]*\)\s+)?(?:[\w(),-]+\s+){0,12}?(?:received|underwent|were\s+given|"
        r"were\s+treated\s+with|took\s+part|participated|completed)\b",
        r"(?:was|were)\s+completed\s+by\s+\d+",
        r"conducted\s+(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:study|trial|survey|review|experiment|"
        r"analysis|investigation)",
        r"(?:neither|both|each|either)\s+(?:\w+\s+)?(?:group|groups|arm|arms|participants?)\s+"
        r"(?:\w+\s+)?(?:knows?|knew|was\s+aware|were\s+aware)",
        r"(?:this|the|such|a)\s+(?:control|design|procedure|blinding|randomi[sz]ation|"
        r"placebo\s+control)\s+(?:ensures?|guarantees?|makes\s+sure|allows?\s+us)",
        r"(?:treatment|study|trial|session|dosing)\s+(?:procedures?|protocols?|sessions?)\s+"
        r"(?:\w+\s+)?(?:involve[sd]?|include[sd]?|consist(?:s|ed)?\s+of|comprise[sd]?)",
        r"(?:studies|trials|experiments)\s+(?:that|which)\s+(?:compare|randomi[sz]e|assign)",
        r"expressed\s+(?:their\s+|a\s+|his\s+|her\s+)?(?:\w+\s+)?(?:willingness|desire|"
        r"wish|interest|intention|readiness)",
        r"informed\s+consent",
        r"ethics\s+(?:committee|board|approval)",
        r"statistical\s+analys[ie]s",
        r"(?:primary|secondary)\s+(?:outcome|end\s*point)\s+(?:was|were|measure)",
        r"this\s+(?:study|trial|review)\s+(?:aims|aimed|investigates|investigated|examines|"
        r"examined|explores|explored|assesses|assessed|evaluates|evaluated)",
        r"(?:the\s+)?aim\s+of\s+(?:this|the|our)\s+(?:study|trial|review)",
        r"(?:study|trial|review)\s+(?:published\s+in\s+\S+\s+)?(?:examined|analy[sz]ed|"
        r"investigated|assessed|evaluated|explored)\s+(?:the|whether|how|multiple|\w+\s+studies)",
    ],
}
# Advice is a veto unless it gives a risk as its reason, warns off, or states an amount.
ADVICE = [
    r"^(?:always\s+|please\s+)?(?:consult|talk|speak|seek|ask|check|keep|start|begin|"
    r"consider|remember|make\s+sure|ensure|follow|use|try|avoid|do\s+not|don't|never)\b",
    r"^(?:following|keeping|tracking|recording|consulting|journaling|maintaining|seeking|"
    r"obtaining|practicing|practising)\b",
    r"(?:consult|talk\s+to|speak\s+(?:to|with)|check\s+with)\s+(?:a|your|an|the)\s+"
    r"(?:\w+\s+)?(?:doctor|physician|healthcare|health\s+care|provider|professional|"
    r"clinician|pharmacist|psychiatrist|therapist)",
    r"(?:it\s+is|it's|it\u2019s)\s+(?:\w+\s+)?(?:important|crucial|essential|advisable|"
    r"recommended|wise|best|vital)\s+(?:to|that)",
    r"(?:it\s+is|it's|it\u2019s)\s+(?:\w+\s+)?(?:important|crucial|essential|imperative|vital|"
    r"necessary)\s+(?:for|the|to|that)\b",
    r"(?:is|are)\s+(?:highly\s+|strongly\s+)?(?:recommended|advised|advisable|encouraged)",
    r"should\s+(?:only\s+|always\s+|never\s+|not\s+|also\s+)?(?:be\s+)?(?:attempted|"
    r"approached|consult|consulted|talk|speak|seek|start|begin|keep|use|used|done|"
    r"consider|considered|prioriti[sz]e|aim|taken\s+under)",
    r"must\s+(?:prioriti[sz]e|be\s+approached)",
    r"under\s+(?:the\s+)?(?:guidance|supervision)\s+of",
    r"medical\s+supervision",
]
ADVICE_WITH_CLAIM = re.compile(
    r"(?:due\s+to|because\s+of|owing\s+to|given)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){0,2}"
    r"(?:risks?|potential|possible|dangers?|interactions?|exacerbation|side|adverse|harm)"
    r"|should\s+(?:\w+\s+)?(?:avoid|not\s+(?:take|use|combine|microdose|try))"
    r"|\d\s*(?:mg|\u00b5g|\u03bcg|mcg|g|grams?|micrograms?)\b"
    r"|every\s+(?:\w+\s+){0,2}days?",
    re.IGNORECASE,
)
# Sentences about research itself ("Ongoing research can help elucidate...") unless they report
# what it found.
RESEARCH_SUBJECT = re.compile(
    r"^(?:(?:however|moreover|furthermore|additionally|also|in\s+addition|overall|"
    r"in\s+summary|in\s+conclusion|importantly|notably|yet|still|currently|today|recently|"
    r"in\s+recent\s+(?:years|decades)|to\s+date|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?"
    r"(?:years|decades?)),?\s+)?(?:(?:the|this|that|these|such|ongoing|continued|further|future|"
    r"more|scientific|clinical|recent|current|new|many|numerous|some|research|public)\s+){0,3}"
    r"(?:research(?:\s+(?:initiatives|efforts|community))?|investigations?|inquiry|studies|"
    r"trials|"
    r"scientists|researchers|scientific\s+community|funding|future|"
    r"conversation|ethical\s+considerations|community|health\s+professionals|"
    r"experts|clinicians|interest)\b",
    re.IGNORECASE,
)
FINDING_VERB = re.compile(
    r"\b(?:show\w*|suggest\w*|indicat\w+|find|finds|found|reveal\w*|demonstrat\w+|"
    r"confirm\w*|reported|reports?\s+that|prove\w*|(?:been|is|are)\s+(?:linked|associated)|"
    r"point\w*\s+to|observ\w+|"
    r"recogni[sz]\w+|believ\w+|note[sd]?|according\s+to|suspect\w*|reporting|argu\w+|"
    r"contend\w*|propos\w+|hypothesi[sz]\w+|"
    r"(?:are|is)\s+(?:now\s+)?report\w*)\b",
    re.IGNORECASE,
)
# Masks: words that do not make a claim, blanked before looking for an effect predicate.
MASKS = [
    r"(?:are|is)\s+(?:currently\s+|now\s+|still\s+|actively\s+|also\s+)?(?:investigating|"
    r"exploring|studying|examining|testing|evaluating|assessing)\s+(?:whether|if|how|the)\b"
    r"[^,;.]*",
    r"trials?\s+(?:are|is)\s+(?:ongoing|underway|under\s+way|planned|recruiting)",
    r"(?:scientific\s+)?(?:interest|curiosity)\s+in\b[^,;.]*",
    r"controlled\s+substances?(?:\s+act)?",
    r"approv(?:ed|al)\s+(?:by\s+)?(?:the\s+)?(?:fda|ema|mhra|tga)\b[^,;.]*",
    r"(?:fda|ema|mhra|tga)\s+(?:\w+\s+)?approv\w+[^,;.]*",
    r"breakthrough\s+therapy\s+designation",
]
# "has gained popularity as a potential treatment": popularity is no claim; a claim needs a cue
# of its own elsewhere ("due to anecdotal reports suggesting...", "a promising approach that...").
ATTENTION = re.compile(
    r"\b(?:gained|gaining|garnered|garnering|drawn|drew|draws|attracted|attracting|growing|"
    r"received|receiving|rising)\s+(?:\w+\s+){0,2}(?:attention|interest|popularity|traction)"
    r"(?:\s+in\s+recent\s+years)?(?:\s+in\s+(?:the\s+)?(?:potential|possibility|use|"
    r"promise|role|value)\s+of\b[^;.]*?(?=,\s+(?:including|such|especially)\b|[;.]|$))?"
    r"(?:\s+(?:in|within)\s+[\w\s]+?)?"
    r"(?:\s+(?:as|for)\s+(?:a|an|its|their)\b[^,;.]*?(?=\s+(?:due\s+to|since|because)\b|"
    r"[,;.]|$))?",
    re.IGNORECASE,
)
# Purpose clauses ("taken to improve mood") do not assert an effect; their words are ignored.
PURPOSE_SPAN = re.compile(
    r"\b(?:(?:in\s+order\s+to|so\s+as\s+to|with\s+the\s+(?:goal|aim|intention|hope|purpose)\s+of"
    r"|aim(?:s|ed|ing)?\s+to|in\s+(?:the\s+)?hopes?\s+of|seeking\s+to|hoping\s+to"
    r"|(?:for|with)\s+the\s+purpose\s+of|intended\s+to|designed\s+to|meant\s+to"
    r"|the\s+(?:goal|aim|purpose|objective)\s+(?:of\s+[\w\s]{0,40}?)?is\s+to"
    r"|(?:(?:take|takes|taking|took|taken|used|using|consume[sd]?|consuming|ingest\w*"
    r"|utili[sz]e[sd]?|administer\w*)\s+|(?:use|uses)\s+(?!to\b))"
    r"(?:(?!(?:has|have|had|is|are|was|were|been|can|could|may|might|will|would|does|do|did|"
    r"appears?|seems?|\d+|one|two|three|four|five|six|seven|eight|nine|ten|up|close|due|"
    r"leads?|lead|leading|resulting|contribut\w+|linked|related|suffered|suffering|developed)\b)"
    r"[\w'\u2019-]+\s+){0,12}?to)\b"
    r"[^;.]*?(?=,\s+(?!and\b|or\b)|[;.]|$)"
    r"|for\s+(?:\w+\s+){0,3}(?:purposes|reasons))",
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
    r"|\bthe\s+(?:drug|substance|compound|drink|brew|tea|medication|medicine|treatment)"
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
