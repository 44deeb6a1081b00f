import pytest

from claims.models import Condition, Mention, Substance

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("term", "slug"),
    [
        ("magic mushrooms", "psilocybin"),
        ("Magic Mushrooms", "psilocybin"),
        ("LSD", "lsd"),
        ("ecstasy", "mdma"),
        ("lion's mane", "lions-mane"),
        ("psilocybin", "psilocybin"),
    ],
)
def test_substance_aliases_resolve(term, slug):
    assert Substance.objects.resolve(term).slug == slug


@pytest.mark.parametrize(
    ("term", "slug"),
    [
        ("PTSD", "ptsd"),
        ("post-traumatic stress disorder", "ptsd"),
        ("post-traumatic stress", "ptsd"),
        ("alcoholism", "alcohol-use-disorder"),
        ("TRD", "treatment-resistant-depression"),
    ],
)
def test_condition_aliases_resolve(term, slug):
    assert Condition.objects.resolve(term).slug == slug


def test_unknown_terms_resolve_to_nothing():
    assert Substance.objects.resolve("aspirin") is None


def test_every_design_slug_exists():
    assert set(Substance.objects.values_list("slug", flat=True)) >= {
        "psilocybin",
        "lsd",
        "mdma",
        "ketamine",
        "esketamine",
        "dmt",
        "ayahuasca",
        "mescaline",
        "ibogaine",
        "cannabis",
        "cbd",
        "lions-mane",
        "niacin",
        "psychedelics-general",
    }
    assert Condition.objects.count() == 28


def test_filtering_a_parent_condition_includes_its_children():
    depression = Condition.objects.get(slug="depression")
    assert {c.slug for c in depression.with_descendants()} == {
        "depression",
        "treatment-resistant-depression",
    }
    trd = Condition.objects.get(slug="treatment-resistant-depression")
    child_mentions = Mention.objects.filter(conditions=trd)
    assert child_mentions.exists(), (
        "the demo corpus has mentions about treatment-resistant depression"
    )
    parent_mentions = Mention.objects.for_condition(depression)
    assert set(child_mentions) <= set(parent_mentions)


def test_related_conditions_are_the_ancestors_the_condition_and_its_descendants():
    top = Condition.objects.create(slug="t-top", name="T top")
    middle = Condition.objects.create(slug="t-middle", name="T middle", parent=top)
    low = Condition.objects.create(slug="t-low", name="T low", parent=middle)
    aside = Condition.objects.create(slug="t-aside", name="T aside", parent=top)
    related = Condition.objects.related_ids([middle.pk])
    assert {top.pk, middle.pk, low.pk} <= related
    assert aside.pk not in related
