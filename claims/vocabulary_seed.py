"""The starting substance and condition vocabularies of DESIGN.md.

Loaded into the database by a data migration; after that the vocabularies are data that curators
extend in the admin. Aliases are matched case-insensitively on word boundaries by the extractor.
"""

# slug, display name, aliases
SUBSTANCES: list[tuple[str, str, list[str]]] = [
    (
        "psilocybin",
        "Psilocybin",
        [
            "psilocybin mushrooms",
            "psilocybin mushroom",
            "magic mushrooms",
            "magic mushroom",
            "mushrooms",
            "shrooms",
            "psilocin",
            "psilocybe",
            "psilocybin-containing mushrooms",
        ],
    ),
    ("lsd", "LSD", ["lysergic acid diethylamide", "lsd-25", "acid"]),
    ("mdma", "MDMA", ["ecstasy", "molly", "3,4-methylenedioxymethamphetamine", "midomafetamine"]),
    ("ketamine", "Ketamine", ["ketamine hydrochloride"]),
    ("esketamine", "Esketamine", ["spravato", "s-ketamine"]),
    ("dmt", "DMT", ["n,n-dimethyltryptamine", "dimethyltryptamine", "5-meo-dmt"]),
    (
        "ayahuasca",
        "Ayahuasca",
        ["yagé", "yage", "hoasca", "banisteriopsis caapi", "b. caapi", "caapi"],
    ),
    ("mescaline", "Mescaline", ["peyote", "san pedro cactus", "san pedro"]),
    ("ibogaine", "Ibogaine", ["iboga"]),
    ("cannabis", "Cannabis", ["marijuana", "marihuana", "thc", "tetrahydrocannabinol", "weed"]),
    ("cbd", "CBD", ["cannabidiol"]),
    (
        "lions-mane",
        "Lion's mane",
        [
            "lion's mane",
            "lion’s mane",
            "lions mane",
            "hericium erinaceus",
            "lion's mane mushroom",
        ],
    ),
    ("niacin", "Niacin", ["vitamin b3", "nicotinic acid"]),
    (
        "psychedelics-general",
        "Psychedelics (general)",
        [
            "psychedelics",
            "psychedelic",
            "microdosing",
            "microdose",
            "microdoses",
            "micro-dosing",
            "hallucinogens",
            "hallucinogen",
            "psychedelic substances",
            "psychedelic drugs",
        ],
    ),
]

# slug, display name, aliases, parent slug (filtering a parent includes its children)
CONDITIONS: list[tuple[str, str, list[str], str | None]] = [
    (
        "depression",
        "Depression",
        [
            "depressive",
            "major depressive disorder",
            "mdd",
            "depressed",
            "low mood",
            "depressive symptoms",
            "antidepressant",
        ],
        None,
    ),
    (
        "treatment-resistant-depression",
        "Treatment-resistant depression",
        [
            "trd",
            "treatment resistant depression",
            "treatment-resistant depression",
        ],
        "depression",
    ),
    (
        "anxiety",
        "Anxiety",
        ["anxious", "anxiety disorder", "anxiety disorders", "generalized anxiety"],
        None,
    ),
    (
        "ptsd",
        "PTSD",
        [
            "post-traumatic stress disorder",
            "post-traumatic stress",
            "posttraumatic stress disorder",
            "post traumatic stress",
            "trauma",
        ],
        None,
    ),
    (
        "addiction",
        "Addiction",
        [
            "substance use disorder",
            "substance use disorders",
            "substance abuse",
            "dependence",
            "addictive",
            "opioid use disorder",
        ],
        None,
    ),
    (
        "alcohol-use-disorder",
        "Alcohol use disorder",
        [
            "alcoholism",
            "alcohol dependence",
            "alcohol addiction",
            "problem drinking",
            "heavy drinking",
        ],
        "addiction",
    ),
    (
        "smoking-cessation",
        "Smoking cessation",
        [
            "quit smoking",
            "quitting smoking",
            "tobacco addiction",
            "nicotine addiction",
            "nicotine dependence",
            "stop smoking",
        ],
        "addiction",
    ),
    (
        "chronic-pain",
        "Chronic pain",
        ["pain", "cluster headaches", "migraine", "migraines", "fibromyalgia"],
        None,
    ),
    (
        "cognitive-decline",
        "Cognitive decline",
        [
            "dementia",
            "alzheimer's",
            "alzheimer’s",
            "alzheimer",
            "neurodegenerative",
            "neurodegeneration",
            "age-related cognitive decline",
        ],
        None,
    ),
    (
        "adhd",
        "ADHD",
        ["attention deficit hyperactivity disorder", "attention-deficit/hyperactivity disorder"],
        None,
    ),
    ("ocd", "OCD", ["obsessive-compulsive disorder", "obsessive compulsive disorder"], None),
    (
        "eating-disorders",
        "Eating disorders",
        ["anorexia", "anorexia nervosa", "bulimia", "binge eating"],
        None,
    ),
    (
        "end-of-life-distress",
        "End-of-life distress",
        [
            "existential distress",
            "terminal illness",
            "life-threatening cancer",
            "end of life",
            "cancer-related distress",
        ],
        None,
    ),
    ("burnout", "Burnout", ["burn-out", "cognitive fatigue", "mental fatigue", "exhaustion"], None),
    (
        "wellbeing-mood",
        "Well-being and mood",
        [
            "mood",
            "well-being",
            "wellbeing",
            "wellness",
            "happiness",
            "emotional well-being",
            "emotional resilience",
            "resilience",
            "life satisfaction",
        ],
        None,
    ),
    (
        "creativity",
        "Creativity",
        ["creative", "divergent thinking", "problem-solving", "problem solving"],
        "cognition",
    ),
    (
        "focus-productivity",
        "Focus and productivity",
        [
            "focus",
            "productivity",
            "concentration",
            "attention",
            "motivation",
            "productive",
            "energy",
        ],
        "cognition",
    ),
    (
        "cognition",
        "Cognition",
        [
            "cognitive function",
            "cognitive performance",
            "cognitive flexibility",
            "memory",
            "learning",
            "cognitive",
            "mental clarity",
        ],
        None,
    ),
    (
        "neuroplasticity",
        "Neuroplasticity",
        [
            "plasticity",
            "neurogenesis",
            "neural plasticity",
            "synaptic plasticity",
            "bdnf",
            "brain-derived neurotrophic factor",
            "neuronal growth",
            "dendritic growth",
        ],
        None,
    ),
    ("neuroprotection", "Neuroprotection", ["neuroprotective"], None),
    (
        "inflammation",
        "Inflammation",
        ["anti-inflammatory", "inflammatory", "neuroinflammation"],
        None,
    ),
    ("sleep", "Sleep", ["insomnia", "sleep quality"], None),
    (
        "mental-health-general",
        "Mental health (general)",
        [
            "mental health",
            "mental illness",
            "mental disorders",
            "psychiatric disorders",
            "mental well-being",
        ],
        None,
    ),
    ("psychosis", "Psychosis", ["psychotic", "schizophrenia", "psychotic disorders"], None),
    ("bipolar-disorder", "Bipolar disorder", ["bipolar", "mania", "manic"], None),
    ("suicidality", "Suicidality", ["suicidal", "suicide", "suicidal ideation"], None),
    (
        "cardiovascular",
        "Cardiovascular",
        [
            "heart",
            "cardiac",
            "valvular heart disease",
            "heart valve",
            "blood pressure",
            "heart rate",
            "cardiovascular conditions",
        ],
        None,
    ),
    (
        "safety-general",
        "Safety (general)",
        [
            "side effects",
            "adverse effects",
            "adverse events",
            "safety",
            "risks",
            "toxicity",
        ],
        None,
    ),
]


def install(substance_model, condition_model) -> None:
    """Create or update the seed entries (idempotent). Takes the models so a migration can pass
    its historical ones."""
    for slug, name, aliases in SUBSTANCES:
        substance_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "aliases": aliases}
        )
    for slug, name, aliases, _parent in CONDITIONS:
        condition_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "aliases": aliases}
        )
    for slug, _name, _aliases, parent in CONDITIONS:
        if parent:
            condition_model.objects.filter(slug=slug).update(
                parent=condition_model.objects.get(slug=parent)
            )
