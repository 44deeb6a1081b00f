import pytest

from claims.extraction import Vocabulary
from claims.extraction.vocabulary import Term


def slugs(matches):
    return sorted({m.slug for m in matches})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They ate magic mushrooms.", ["psilocybin"]),
        ("Lysergic acid diethylamide was tested.", ["lsd"]),
        ("Micro-dosing and micro dosing are the same.", ["psychedelics-general"]),
        ("Two microdosers took Spravato.", ["esketamine", "psychedelics-general"]),
        ("Amino acid levels rose.", []),
        ("Docosahexaenoic acid and folic acid levels rose.", []),
        ("Some took acid at a festival.", ["lsd"]),
        ("It causes high levels of acid in the blood and acid reflux.", []),
        ("Lion's mane mushrooms are sold as supplements.", ["lions-mane"]),
        ("Cannabidiol oil.", ["cbd"]),
        ("Exercise releases the body's natural cannabinoids.", []),
        ("The cannabinoid system regulates mood.", []),
        # Synthetic cannabinoids (K2, Spice) and the receptors are not the plant: every labelled
        # sentence about them has no cannabis (9 of 9 in the corpus).
        ("Synthetic cannabinoids cause seizures.", []),
        ("FAAH inhibitors may have advantages over cannabinoid receptor agonists.", []),
        ("Certain cannabinoids can help relieve nausea.", ["cannabis"]),
        # Ayahuasca's vine, labelled ayahuasca in every corpus sentence that names it (10 of 10).
        ("B. caapi and Banisteriopsis caapi extracts raised neurogenesis.", ["ayahuasca"]),
        # An enantiomer is another substance: R-ketamine (arketamine) is not in the vocabulary.
        ("R-ketamine had fewer side effects than S-ketamine.", ["esketamine"]),
    ],
)
def test_substances_match_names_aliases_and_variants(vocabulary, text, expected):
    assert slugs(vocabulary.find_substances(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It eased post-traumatic stress disorder.", ["ptsd"]),
        ("It reduced depressive symptoms.", ["depression"]),
        (
            "Patients with treatment-resistant depression improved.",
            ["treatment-resistant-depression"],
        ),
        ("Anxiolytic effects were seen.", ["anxiety"]),
        ("The drug has gained attention lately.", []),
        ("At the heart of the debate is safety.", ["safety-general"]),
        ("It improved sleep and reduced migraines.", ["chronic-pain", "sleep"]),
        ("Ibogaine prolonged the QTc and caused bradycardia.", ["cardiovascular"]),
        ("Low doses have analgesic effects.", ["chronic-pain"]),
        ("Free recall was poorer in ecstasy users.", ["cognition"]),
        ("Neuropsychiatric symptoms eased.", ["mental-health-general"]),
        ("Psychiatric comorbidities are common among users.", ["mental-health-general"]),
    ],
)
def test_conditions_match_with_morphological_variants(vocabulary, text, expected):
    assert slugs(vocabulary.find_conditions(text)) == expected


def test_offsets_point_at_the_words(vocabulary):
    text = "Ketamine and MDMA."
    assert [(text[m.start : m.end], m.slug) for m in vocabulary.find_substances(text)] == [
        ("Ketamine", "ketamine"),
        ("MDMA", "mdma"),
    ]


def test_curators_aliases_count():
    vocabulary = Vocabulary(
        substances=[Term("psilocybin", "Psilocybin", ("golden teachers",))], conditions=[]
    )
    assert slugs(vocabulary.find_substances("Golden Teachers were used.")) == ["psilocybin"]


@pytest.mark.django_db
def test_from_database_reads_curators_additions():
    from claims.models import Substance

    substance = Substance.objects.get(slug="psilocybin")
    substance.aliases = [*substance.aliases, "golden teachers"]
    substance.save()
    vocabulary = Vocabulary.from_database()
    assert slugs(vocabulary.find_substances("Golden teachers again.")) == ["psilocybin"]
