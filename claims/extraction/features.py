"""What the learned decisions see of a sentence: words and the cue detectors' findings.

A feature is a name with the spans (relative to the sentence) of the words that raised it, so an
explanation can point at them. Substance and condition names are read as AGENT and COND: the
models learn "AGENT reduced COND", not the names of one corpus (a claim about a substance the
vocabulary lacks is still a claim).
"""

import functools
import re

import snowballstemmer

from claims.extraction import lexicons as lx

Span = tuple[int, int]
Features = dict[str, list[Span]]

# What a claim can be about besides the vocabulary's substances: a drug name by its ending, a
# treatment noun or a practice ("Metformin reduced ...", "Exercise training improves ...", "Yoga
# may ease ...").
AGENT = re.compile(
    r"\b(?:[a-z]{3,}(?:ine|ines|ol|mab|pril|sartan|statin|azole|cillin|mycin|cycline|vir|"
    r"oxetine|azepam|zolam|tide|parin|floxacin|dronate|gliptin|formin|profen|caine|oid|oids)|"
    r"(?:[a-z]+-)?(?:therapy|therapies|treatments?|"
    r"supplementation|supplements?|interventions?|drugs?|medications?|medicines?|vaccin\w*|"
    r"exercise|training|diet|surgery|psychotherapy|counsel+ing|programm?es?|injections?|doses?|"
    r"intake|consumption|exposures?|stimulation|meditation|mindfulness|yoga|tai\s+chi|qigong|"
    r"acupuncture|massage|hypnosis|hypnotherapy|biofeedback|neurofeedback))\b",
    re.IGNORECASE,
)
# Stems next to the words ("reduced", "reduces", "reducing" -> "reduc"): an inflection the corpus
# lacks still counts (260 texts, same folds: kind accuracy 0.742 -> 0.758, claim F1 level).
_STEM = functools.lru_cache(maxsize=100_000)(snowballstemmer.stemmer("english").stemWord)
_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)?|[?:%]")
FAMILIES = {
    name: lx.compile_family(patterns)
    for name, patterns in (
        ("effect", lx.EFFECT),
        ("risk", lx.RISK),
        ("mechanism", lx.MECHANISM),
        ("benefit", lx.BENEFIT),
        ("null", lx.EFFICACY_NULL),
        ("dose", lx.DOSE),
        *((f"not-{k}", v) for k, v in lx.NOT_CLAIM.items()),
        ("advice", lx.ADVICE),
    )
}


def _tokens(body: str, masks: list[tuple[int, int, str]]) -> list[tuple[str, int, int]]:
    """Lower-cased words, numbers as 0, each masked span one token."""
    out: list[tuple[str, int, int]] = []
    masks = sorted(masks)
    i = 0
    for m in _TOKEN.finditer(body):
        s, e = m.span()
        while i < len(masks) and masks[i][1] <= s:
            i += 1
        if i < len(masks) and masks[i][0] <= s < masks[i][1]:
            ms, me, name = masks[i]
            if not out or out[-1][1:] != (ms, me):
                out.append((name, ms, me))
            continue
        word = m.group().lower()
        out.append(("0" if word[0].isdigit() else word, s, e))
    return out


def local_features(body: str, kind: str, scope_text: str) -> Features:
    """What a sentence shows by itself: the cue families in scope and its shape. Its neighbours
    see these too (``context_features``)."""
    feats: Features = {}
    for name, family in FAMILIES.items():
        spans = [m.span() for m in family.finditer(scope_text)]
        if spans:
            feats[f"fam:{name}"] = spans
    feats[f"shape:{kind}"] = []
    stripped = body.rstrip(" \"'\u201d\u2019)")
    if stripped.endswith("?"):
        feats["shape:question"] = [(len(stripped) - 1, len(stripped))]
    elif stripped.endswith(":"):
        feats["shape:colon"] = [(len(stripped) - 1, len(stripped))]
    return feats


def sentence_features(
    body: str,
    local: Features,
    masks: list[tuple[int, int, str]],
    extra: Features,
) -> Features:
    """Word unigrams, stems and bigrams of the sentence, its ``local_features``, its length, and
    ``extra`` (the cue detectors' and the context's findings)."""
    feats: Features = {}
    # Substances, named or not, read as one word AGENT; the vocabulary's conditions as COND.
    agents = [(s, e, "AGENT") for s, e, n in masks if n == "SUBST"]
    agents += [
        (*m.span(), "AGENT")
        for m in AGENT.finditer(body)
        if not any(s < m.end() and m.start() < e for s, e, _n in masks)
    ]
    masks = [m for m in masks if m[2] != "SUBST"] + agents
    feats["agent" if agents else "no-agent"] = sorted(a[:2] for a in agents)
    tokens = _tokens(body, masks)
    previous = ("<s>", 0, 0)
    for token in tokens:
        feats.setdefault(f"w:{token[0]}", []).append(token[1:])
        feats.setdefault(f"s:{_STEM(token[0])}", []).append(token[1:])
        feats.setdefault(f"b:{previous[0]} {token[0]}", []).append((previous[1], token[2]))
        previous = token
    feats[f"b:{previous[0]} </s>"] = [(previous[1], previous[2])]
    feats.update(local)
    feats[f"len:{min(len(body.split()) // 5, 8)}"] = []
    for name, spans in extra.items():
        feats.setdefault(name, []).extend(spans)
    return feats


# What the claim detector sees of a sentence's neighbours: the sentence before's findings (cue
# families and levels, evidence, shape, subject, lead-in), the next one's own
# (``local_features``: the findings after it depend on this sentence's decisions), and where in
# the text it stands. A claim's lead-in or a heading before it, a list of effects after it, a
# title or a reference list at the ends (957 texts, same folds: claim F1 0.812 -> 0.820, paired
# 95% CI of the gain [0.003, 0.012]; 0.818 once the detector also learns each sentence alone, see
# ``on_its_own``). Kind and conditions gained less than the noise (+0.004) and lost as much on
# sentences read alone, so they read the sentence only.
NEIGHBOUR = (
    *("fam:", "cue:", "ev:", "shape:", "lead", "sub:", "cond:", "named", "referred"),
    *("agent", "no-agent", "no-subject", "own-result", "study-nearby"),
)


def context_features(
    previous: Features | None,
    following: Features | None,
    index: int,
    count: int,
    shifts: tuple[int, int] = (0, 0),
) -> Features:
    """``previous``: the features of the sentence before (None at the start of the text);
    ``following``: the next sentence's ``local_features`` (None at the end); ``shifts``: where
    each starts relative to this sentence, so that an explanation can point at their words. A
    sentence on its own has no context: it is no title, the first line of a text usually is."""
    if count < 2:
        return {}
    feats: Features = {f"pos:{min(4, 5 * index // count)}": []}
    for tag, neighbour, shift in (("p", previous, shifts[0]), ("n", following, shifts[1])):
        if neighbour is None:
            feats[f"{tag}:edge"] = []
            continue
        for name, spans in neighbour.items():
            if tag == "n" or name.startswith(NEIGHBOUR):
                feats[f"{tag}:{name}"] = [(s + shift, e + shift) for s, e in spans]
    return feats


def condition_features(base: Features, slug: str, kind: str | None, sentence: Features) -> Features:
    """The features of one candidate condition of a claim: how the sentence names it, crossed
    with the slug and the claim's kind so that the model learns e.g. that a risk's outcome is
    safety even when no word names it."""
    feats = dict(base)
    for name in list(base):
        feats[f"{name}|{slug}"] = base[name]
    feats[f"slug:{slug}"] = []
    for name in sentence:
        if name.startswith(("fam:", "w:")):
            feats[f"{name}|{slug}"] = []
    if kind:
        feats[f"kind:{kind}"] = []
        feats[f"kind:{kind}|{slug}"] = []
        for name in list(base):
            feats[f"{name}|{kind}"] = base[name]
    return feats


def null_finding(feats: Features) -> Span | None:
    """A null-finding cue ("did not differ from placebo") with no harm after it: the claim is of
    no effect. A rule: too rare in the corpus to learn (5 of 400 claims)."""
    null, risk = feats.get("fam:null"), feats.get("fam:risk", [])
    if null and not any(s >= null[0][1] for s, _e in risk):
        return null[0]
    return None


def with_rule(feats: Features, value: str) -> Features:
    """The features of a learned head that refines a rule (certainty, evidence): the rule's
    answer is one more feature, so the model learns where the rule goes wrong."""
    return {**feats, f"rule:{value}": []}


VOCABULARY_ONLY = ("sub:", "referred", "no-subject")


def on_its_own(feats: Features) -> Features:
    """A sentence's features (no ``context_features``) as if the vocabulary lacked its
    substances: the claim detector learns from this copy of each sentence too, so that it needs
    neither a vocabulary match nor a context (957 texts, same folds: sentences scored alone,
    claim F1 0.807 -> 0.811; in context 0.820 -> 0.818)."""
    return {k: v for k, v in feats.items() if not k.startswith(VOCABULARY_ONLY)}


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
