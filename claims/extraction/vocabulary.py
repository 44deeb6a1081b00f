"""Substance and condition vocabularies compiled into fast matchers.

The vocabulary is data (curators add aliases in the admin), so everything here is built from
entries: slug, name and aliases. On top of those, a small lexicon of morphological variants and
near-synonyms (``EXTRA_TERMS``) makes matching general; it only applies to slugs the vocabulary has.
Build a Vocabulary once per request or command: compiling costs a few milliseconds.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claims.extraction.patterns import Alternation

__all__ = ["Match", "Term", "Vocabulary"]


@dataclass(frozen=True, slots=True)
class Term:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    slug: str
    start: int
    end: int


# Variants and near-synonyms, as regular expressions, for slugs of the seed vocabulary.
EXTRA_TERMS: dict[str, dict[str, list[str]]] = {
    "substances": {
        "psychedelics-general": [
            r"micro[-\s]?dos(?:e|es|ed|ing|ers?)",
            r"psychedelic(?:s|-assisted)?",
            r"hallucinogen(?:s|ic)?",
            r"entheogen(?:s|ic)?",
        ],
        "psilocybin": [
            r"psilocybin(?:-\w+)?",
            r"psilocin",
            r"psilocybe(?:\s+cubensis)?",
            r"p\.\s?cubensis",  # a binomial with its genus abbreviated
        ],
        "lions-mane": [r"h\.\s?erinaceus"],
        "lsd": [r"lysergic\s+acid(?:\s+diethylamide)?", r"lsd(?:-25)?"],
        "mdma": [r"mdma(?:-assisted)?"],
        # "Cannabinoids" names the plant's compounds as a class: cannabis (CBD when named, see
        # CLASS_TERMS).
        "cannabis": [
            r"cannabinoids?",
            # THC as a medicine: dronabinol (Marinol), nabilone, nabiximols (Sativex).
            r"dronabinol|marinol|nabilone|nabiximols|sativex",
            # "Δ9-THC", "delta-9-tetrahydrocannabinol", "Δ8-THC".
            r"(?:\u0394|\u03b4|delta)[-\s]?[89][-\s]?(?:thc|tetrahydrocannabinol)",
        ],
        "niacin": [r"niacinamide", r"vitamin\s+b-?3"],
        "dmt": [r"5-meo-dmt", r"n,n-dmt"],
        "ketamine": [r"(?:special|vitamin)\s+k"],
    },
    "conditions": {
        "depression": [
            r"depress(?:ion|ions|ive|ed)",
            r"anti-?depressants?",
            r"anti-?depressive",
            # Rating scales name their outcome: HAM-D, MADRS, BDI.
            r"ham-?d(?:-?\d+)?",
            r"madrs",
            r"bdi(?:-ii)?",
            r"mood\s+disorders?",
            r"melancholy",
            r"sadness",
            r"depressive\s+(?:symptoms|episodes|disorder)",
        ],
        "anxiety": [
            r"anxiet(?:y|ies)",
            r"anxiolytic",
            r"anti-anxiety",
            r"anxiety-related",
            r"panic(?:\s+attacks?|\s+disorders?)?",
            r"lsas|stai|gad-7",  # rating scales
        ],
        "ptsd": [
            r"post[-\s]?traumatic(?:\s+stress)?(?:\s+disorder)?",
            r"traumatic\s+stress",
            r"pcl-5|caps-5",  # rating scales
        ],
        "addiction": [
            r"addictions?",
            r"addicted",
            r"crav(?:e|es|ed|ing)",
            r"(?:anti-?)?addictive(?:ness)?",
            r"habit[-\s]forming",
            r"(?:cannabis|cocaine|stimulant|methamphetamine|gambling)\s+use\s+disorders?",
            r"cravings?",
            r"substance\s+(?:use|abuse|misuse)",
            r"drug\s+(?:use|abuse|misuse)\s+disorders?",
            r"relapse",
            r"opioid\s+(?:use(?:\s+disorders?)?|addiction|dependence|misuse|abuse|withdrawal)",
            r"withdrawal\s+symptoms",
            r"self-administration",
            r"drug\s+(?:misuse|abuse|addiction|dependence)",
            # A drug's abuse liability is an addiction outcome ("has abuse potential").
            r"abuse\s+(?:potential|liability)",
            r"potential\s+(?:for\s+(?:abuse|misuse|addiction)|to\s+be\s+(?:misused|abused))",
        ],
        "alcohol-use-disorder": [
            r"alcohol\s+use\s+disorders?",
            r"aud",
            r"alcohol(?:ism|-dependent)?\s+(?:use|dependence|misuse|abuse)",
            r"drinking",
            # "alcohol dependent individuals": people with the disorder (the match stays on
            # "alcohol", so the dependence adds no separate addiction outcome).
            r"alcohol(?=[-\s](?:dependent|addicted)\s+(?:[\w-]+\s+)?(?:individuals|people|"
            r"patients|adults|participants|subjects|drinkers|men|women|veterans|persons))",
            # "alcohol and tobacco addiction": the first of two coordinated substances of abuse.
            r"alcohol(?=\s+(?:\([^)]*\)\s+)?(?:and|or)\s+(?:\w+\s+)?(?:\([^)]*\)\s+)?"
            r"(?:addictions?|dependence|use\s+disorders?|misuse|abuse))",
        ],
        "smoking-cessation": [r"smok(?:ing|ers?)", r"tobacco", r"nicotine"],
        "cognitive-decline": [r"alzheimer(?:'s|\u2019s)?(?:\s+disease)?", r"cognitive\s+decline"],
        "wellbeing-mood": [
            r"(?:emotional|mental|psychological|overall)\s+(?:well[-\s]?being|wellness|health\s+"
            r"and\s+well[-\s]?being)",
            r"well[-\s]being",
            r"emotions?",
            r"emotional\s+(?:regulation|stability|balance|resilience|health)",
            r"(?:negative|positive)\s+(?:thoughts?|emotions?|affect|thinking|self-talk)",
            r"(?<!post-traumatic\s)(?<!post\straumatic\s)(?<!traumatic\s)stress(?:ful)?",
            r"optimism",
            r"quality\s+of\s+life",
            r"life\s+satisfaction",
            r"mindset",
            r"self-esteem",
            r"irritability",
            r"social\s+(?:skills|connection|connectedness)",
            r"empathy",
            r"gratitude",
            r"rumination",
            r"moods?",
            r"flourishing",
            r"euphori(?:a|c)",
            r"emotional\s+(?:benefits?|states?)",
        ],
        "cognition": [
            r"cognition",
            r"cognitive\s+(?:functions?|functioning|performance|flexibility|abilities|"
            r"enhancement|processes|clarity|skills|changes)",
            r"executive\s+functions?",
            r"mental\s+(?:clarity|performance|functioning|acuity)",
            r"clarity",
            r"memory",
            r"learning",
            r"decision[-\s]making",
            r"recall",
            r"neuropsychological\s+(?:functioning|functions?|performance)",
            r"reasoning",
            r"think(?:ing)?\s+more\s+clearly",
            r"(?:ability|capacity)\s+to\s+(?:think|reason|concentrate|remember)",
        ],
        "creativity": [
            r"creativ(?:e|ity)",
            r"ingenuity",
            r"novel\s+(?:ideas|associations|solutions)",
            r"divergent\s+thinking",
            r"innovati(?:on|ve\s+thinking)",
        ],
        "focus-productivity": [
            r"focus(?:ed)?",
            r"productiv(?:e|ity)",
            r"concentrat(?:e|ion)",
            r"attention(?:al)?",
            r"alertness",
            r"motivat(?:ion|ed)",
            r"(?:task|work)\s+(?:efficiency|performance)",
            r"efficiency",
            r"flow\s+states?",
            r"distractib\w+",
        ],
        "neuroplasticity": [
            r"neuro-?plasticity",
            r"(?:neural|neuronal|synaptic|structural|brain)\s+plasticity",
            r"plasticity",
            r"neurogenesis",
            r"synaptogenesis",
            r"neuritogenesis",
            r"dendritic\s+(?:growth|development|spines?|complexity|arbori[sz]ation)",
            r"(?:new|neuronal|neural|synaptic)\s+connections",
            r"bdnf",
            r"brain-derived\s+neurotrophic\s+factor",
            r"neurotrophic\s+factors?",
            r"neuro-?plastic",
            r"psychoplastogen(?:s|ic)?",
            r"neuro-?regenerat(?:ion|ive)",
        ],
        "neuroprotection": [r"neuroprotect(?:ion|ive)", r"brain\s+health"],
        "inflammation": [
            r"(?:anti-|pro-|neuro)?inflammat(?:ion|ory)",
            r"cytokines?",
        ],
        "sleep": [r"sleep(?:ing)?", r"insomnia"],
        "mental-health-general": [
            r"mental\s+health(?:\s+(?:conditions?|issues|problems|disorders|challenges))?",
            r"mental\s+(?:illness|illnesses|disorders?)",
            r"(?:neuro)?psychiatric\s+(?:disorders?|conditions?|illness(?:es)?|symptoms|problems|"
            r"comorbidit(?:y|ies)|outcomes)",
            r"psychiatry",
        ],
        "psychosis": [
            r"psycho(?:sis|ses|tic)",
            r"schizophreni(?:a|c)",
            r"antipsychotic",
            r"psychotomimetic",
            r"paranoi(?:a|d)",
            r"delusions?(?:al)?",
        ],
        "bipolar-disorder": [r"bipolar(?:\s+disorder)?", r"mania", r"manic"],
        "suicidality": [r"suicid(?:e|al|ality)(?:\s+ideation)?"],
        "cardiovascular": [
            r"cardio-?vascular",
            r"heart\s+(?:rate|disease|valves?|problems|conditions)",
            r"cardiac",
            r"blood\s+pressure",
            r"valvular",
            r"valvulopathy",
            r"hypertension",
            r"hypotension",
            r"heartbeat",
            r"arrhythmias?",
            r"(?:long\s+qt|qtc?\s+(?:interval|prolongation))",
            r"qtc",
            r"bradycardia|tachycardia",
            r"electrocardiogra(?:ms?|phic|phy)|ecgs?",
            r"ha?emodynamic|cardiorespiratory",
            r"vital\s+signs",
            r"heart\s+attacks?",
            r"cvd",
            r"circulatory",
            r"cardiotoxic(?:ity)?",
            r"strokes?",
        ],
        "safety-general": [
            r"side[-\s]effects?",
            r"adverse\s+(?:effects?|events?|reactions?|outcomes?)",
            r"safety",
            r"toxicity",
            r"tolerability",
            r"contraindications?",
            r"risks?",
        ],
        "end-of-life-distress": [
            r"(?:terminal|life-threatening|advanced)\s+(?:cancer|illness(?:es)?|disease)",
            r"terminally\s+ill",
            r"palliative",
            r"cancer\s+patients",
            r"death\s+anxiety",
            r"existential\s+(?:distress|anxiety)",
            r"(?:terminal|life-threatening)\s+(?:diagnos[ie]s|prognos[ie]s)",
        ],
        "burnout": [r"burn(?:ed|t)?[-\s]?out", r"fatigue"],
        "ocd": [r"obsessive[-\s]compulsive(?:\s+disorder)?"],
        "eating-disorders": [r"eating\s+disorders?", r"anorexi(?:a|c)", r"bulimi(?:a|c)"],
        "chronic-pain": [
            r"chronic\s+pain",
            r"cluster\s+headaches?",
            r"migraines?",
            r"headaches?",
            r"analgesi(?:a|cs?)",
            r"opioid[-\s]sparing",
        ],
        "treatment-resistant-depression": [
            r"(?:treatment|therapy|medication)[-\s](?:resistant|refractory)\s+(?:major\s+)?"
            r"depressi(?:on|ve\s+disorder)",
            r"(?:refractory|difficult[-\s]to[-\s]treat)\s+(?:major\s+)?depressi(?:on|ve\s+disorder)",
            r"treatment[-\s]resistant\s+(?:cohort|patients|sample|group|population)",
        ],
    },
}

# Terms that name a substance by the class of compounds it yields: in a sentence that also names a
# member ("another cannabinoid is cannabidiol"), the member is the subject.
CLASS_TERMS = re.compile(r"cannabinoids?", re.IGNORECASE)

# Left or right contexts in which a hit means something else ("amino acid", "gained attention").
_BLOCK_LEFT = {
    # Chemical names: "folic acid", "docosahexaenoic acid" (an -ic word before it).
    "acid": r"(?:[\w-]+ic|amino|fatty|stomach|omega-3|bile|levels?\s+of|excess)\s+$",
    "mushroom": r"(?:lion's\s+mane|lion\u2019s\s+mane|reishi|chaga|cordyceps|medicinal|"
    r"functional|edible|culinary|shiitake|button|oyster|turkey\s+tail|adaptogenic|"
    r"non-psychoactive|maitake|poisonous)\s+$",
    "attention": r"(?:gain\w*|draw\w*|drew|attract\w*|media|public|mainstream|pay\w*|paid|"
    r"particular|special|scientific|renewed|increasing|growing|considerable|widespread|"
    r"significant|more|much|medical|clinical|research|worldwide|international|national)"
    r"\s+$",
    "focus": r"(?:main|primary|major|research|particular|special|central|key|the|a|whose|"
    r"its|their|our|this)\s+$",
    "learning": r"(?:machine|deep)\s+$",
    "heart": r"(?:at\s+the)\s+$",
    "pain": r"(?:emotional|psychological|social)\s+$",
    "energy": r"(?:nuclear|solar)\s+$",
    # The body's own cannabinoids are not the drug ("the body's natural cannabinoids").
    # ... nor are synthetic cannabinoids (K2, Spice), sold as something else than cannabis.
    "cannabinoid": r"(?:natural|endogenous|body['\u2019]s(?:\s+own)?|own|synthetic)\s+$",
    "depression": r"(?:respiratory|cns|central\s+nervous\s+system|economic|great|tropical|"
    r"cardiac|cardiovascular|myocardial|bone\s+marrow|immune)\s+$",
}
_BLOCK_RIGHT = {
    # The body's acid: "acid in the blood", "acid reflux", "acid-base balance".
    "acid": r"^(?:\s+(?:in\s+the\s+(?:blood|stomach|body)|reflux|levels?|rain)\b|-base\b)",
    # "psychedelic trials", "psychedelic research": the research, not the substance.
    "psychedelic": r"^\s+(?:trials?|research(?:ers)?|stud(?:y|ies)|science|renaissance|"
    r"community|field|literature)\b",
    "focus": r"^\s+(?:of|on\s+(?:the|this|these|its)\s+(?:research|article|study|topic))\b",
    "heart": r"^\s+of\b",
    "cognitive": r"^[-\s]+behaviou?ral",
    # The body's receptors ("cannabinoid receptor agonists"): pharmacology, not the drug.
    "cannabinoid": r"^\s+(?:system|receptors?|agonists?|antagonists?)\b",
    # "energy" alone is weak evidence of focus or productivity.
    "energy": r"^(?!\s+(?:and|or)\s+(?:focus|concentration|productivity|motivation))",
    "smoking": r"^\s+(?:it|them|the\s+(?:drug|substance|resin|bark|leaves|powder))\b",
    "focuses": r"^\s+on",
}


def _literal_pattern(phrase: str) -> str:
    """A phrase as a regex: flexible spaces/hyphens, optional plural or possessive ending."""
    words = re.split(r"[\s\-]+", phrase.strip().lower())
    body = r"[\s\-]?".join(re.sub(r"['\u2019]", "['\u2019]", re.escape(w)) for w in words if w)
    if not body:
        return ""
    if words[-1][-1:].isalpha():
        body += r"(?:s|es|'s|\u2019s)?"
    return body


@dataclass
class _Matcher:
    alternation: Alternation
    slugs_by_pattern: list[tuple[str, ...]]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        out: list[Match] = []
        end = len(text) if end is None else end
        piece = text[start:end]  # matching a slice keeps the cost to the sentence's length
        for m, index in self.alternation.finditer_indexed(piece):
            hit = piece[m.start() : m.end()].lower()
            key = hit.split()[-1].rstrip("s'\u2019") if hit else hit
            ms, me = m.start() + start, m.end() + start
            left = _BLOCK_LEFT.get(key) or _BLOCK_LEFT.get(hit)
            if left and re.search(left, text[max(0, ms - 30) : ms], re.I):
                continue
            right = _BLOCK_RIGHT.get(hit) or _BLOCK_RIGHT.get(key)
            if right and re.match(right, text[me : me + 40], re.I):
                continue
            for slug in self.slugs_by_pattern[index]:
                out.append(Match(slug, ms, me))
        return out


def _build_matcher(entries: list[tuple[str, list[str]]]) -> _Matcher:
    """One matcher for every (regex, slugs) entry, longest pattern first."""
    by_pattern: dict[str, list[str]] = {}
    for slug, patterns in entries:
        for p in patterns:
            if p and slug not in by_pattern.setdefault(p, []):
                by_pattern[p].append(slug)
    ordered = sorted(by_pattern.items(), key=lambda kv: -len(kv[0]))
    alternation = Alternation([p for p, _ in ordered])
    return _Matcher(alternation, [tuple(slugs) for _, slugs in ordered])


@dataclass
class Vocabulary:
    """Substances and conditions with their aliases, compiled for matching."""

    substances: list[Term]
    conditions: list[Term]
    _substance_matcher: _Matcher = field(init=False, repr=False)
    _condition_matcher: _Matcher = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._substance_matcher = _build_matcher(self._entries(self.substances, "substances"))
        self._condition_matcher = _build_matcher(self._entries(self.conditions, "conditions"))
        self.parents = {t.slug: t.parent for t in self.conditions if t.parent}

    @staticmethod
    def _entries(terms: Iterable[Term], kind: str) -> list[tuple[str, list[str]]]:
        extras = EXTRA_TERMS[kind]
        out = []
        for t in terms:
            literals = [t.slug.replace("-", " "), t.name, *t.aliases]
            patterns = [_literal_pattern(x) for x in literals]
            out.append((t.slug, [p for p in patterns if p] + extras.get(t.slug, [])))
        return out

    @classmethod
    def from_seed(cls) -> "Vocabulary":
        from claims.vocabulary_seed import CONDITIONS, SUBSTANCES

        return cls(
            substances=[Term(slug, name, tuple(aliases)) for slug, name, aliases in SUBSTANCES],
            conditions=[
                Term(slug, name, tuple(aliases), parent)
                for slug, name, aliases, parent in CONDITIONS
            ],
        )

    @classmethod
    def from_database(cls) -> "Vocabulary":
        """The vocabularies as curators left them. Two queries; compiling the matchers (tens of
        milliseconds) happens once per distinct vocabulary in a process, so an edited entry is
        matched at once and an unchanged one costs nothing more."""
        from claims.models import Condition, Substance

        substances = tuple(
            Term(s.slug, s.name, tuple(s.aliases or ())) for s in Substance.objects.all()
        )
        conditions = tuple(
            Term(c.slug, c.name, tuple(c.aliases or ()), c.parent.slug if c.parent else None)
            for c in Condition.objects.select_related("parent")
        )
        return _compiled(substances, conditions)

    @classmethod
    def from_database_or_seed(cls) -> "Vocabulary":
        """The database vocabularies, or the seed when the tables do not exist (yet)."""
        from django.conf import settings
        from django.db import DatabaseError

        database = settings.DATABASES.get("default", {})
        name = str(database.get("NAME") or "")
        if (
            "sqlite" in database.get("ENGINE", "")
            and name
            and not name.startswith((":memory:", "file:"))
        ):
            from pathlib import Path

            if not Path(name).exists():  # connecting would create an empty database file
                return cls.from_seed()
        try:
            vocabulary = cls.from_database()
        except (DatabaseError, ImportError, LookupError):
            return cls.from_seed()
        return vocabulary if vocabulary.substances else cls.from_seed()

    def find_substances(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        return self._substance_matcher.find(text, start, end)

    def find_conditions(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        return self._condition_matcher.find(text, start, end)


@functools.lru_cache(maxsize=8)
def _compiled(substances: tuple[Term, ...], conditions: tuple[Term, ...]) -> Vocabulary:
    """A compiled Vocabulary, shared by every caller with the same terms (it is never changed
    after it is built)."""
    return Vocabulary(substances=list(substances), conditions=list(conditions))
