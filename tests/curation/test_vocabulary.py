"""The vocabularies screen: editors add and change substances and conditions, curators look,
and the extractor uses a change from its next run."""

import pytest
from django.urls import reverse

from claims.curation.ingest import ArticleMetadata, ingest_article
from claims.models import Condition, Substance

pytestmark = pytest.mark.django_db

LIST = reverse("curate:vocabulary")


def entry_url(kind, slug):
    return reverse("curate:vocabulary-entry", args=[kind, slug])


def add_url(kind):
    return reverse("curate:vocabulary-add", args=[kind])


def test_a_curator_sees_the_vocabularies_but_no_form(curator_client):
    response = curator_client.get(LIST)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Psilocybin" in page and "Treatment-resistant depression" in page.replace("‑", "-")
    assert "Add a substance" not in page
    response = curator_client.get(entry_url("substances", "psilocybin"))
    assert response.status_code == 200
    assert "<form" not in response.content.decode().split("History")[0].split("</h1>")[1]
    assert "Editors change substances and conditions" in response.content.decode()


def test_a_curator_cannot_change_an_entry(curator_client):
    response = curator_client.post(
        entry_url("substances", "psilocybin"), {"name": "Psilo", "slug": "psilocybin"}
    )
    assert response.status_code == 403
    assert Substance.objects.get(slug="psilocybin").name != "Psilo"
    assert curator_client.get(add_url("substances")).status_code == 403


def test_outsiders_are_sent_away(client, reader):
    assert client.get(LIST).status_code == 302
    client.force_login(reader)
    assert client.get(LIST).status_code == 403


def test_an_unknown_vocabulary_or_entry_is_a_404(editor_client):
    assert editor_client.get(add_url("moods")).status_code == 404
    assert editor_client.get(entry_url("substances", "no-such-thing")).status_code == 404


def test_an_editor_adds_a_substance_and_history_names_them(editor_client, editor):
    response = editor_client.post(
        add_url("substances"),
        {"name": "Kratom", "slug": "kratom", "aliases": "ketum\nbiak, Ketum", "description": ""},
    )
    assert response.status_code == 302
    kratom = Substance.objects.get(slug="kratom")
    assert kratom.aliases == ["biak", "ketum"]
    assert kratom.history.first().history_user == editor
    page = editor_client.get(response.url).content.decode()
    assert "eddie" in page and "created" in page and "Kratom" in page


def test_an_editor_changes_aliases_and_the_history_shows_the_change(editor_client):
    url = entry_url("substances", "psilocybin")
    before = Substance.objects.get(slug="psilocybin").aliases
    response = editor_client.post(
        url,
        {
            "name": "Psilocybin",
            "slug": "psilocybin",
            "aliases": "\n".join(before + ["liberty caps"]),
        },
    )
    assert response.status_code == 302
    assert "liberty caps" in Substance.objects.get(slug="psilocybin").aliases
    page = editor_client.get(url).content.decode()
    assert "liberty caps" in page.split('id="history-heading"')[1]


def test_a_slug_must_be_unique(editor_client):
    response = editor_client.post(add_url("substances"), {"name": "Psilo 2", "slug": "psilocybin"})
    assert response.status_code == 400
    assert "“psilocybin” already names Psilocybin" in response.content.decode()
    response = editor_client.post(add_url("substances"), {"name": "Psilo 2", "slug": "psilo"})
    assert response.status_code == 302
    response = editor_client.post(
        entry_url("substances", "psilo"), {"name": "Psilo 2", "slug": "lsd"}
    )
    assert response.status_code == 400 and "already names LSD" in response.content.decode()


def test_an_alias_used_by_another_entry_is_refused(editor_client):
    taken = Substance.objects.get(slug="psilocybin")
    alias = taken.aliases[0]
    response = editor_client.post(
        entry_url("substances", "lsd"),
        {"name": "LSD", "slug": "lsd", "aliases": alias.upper()},
    )
    assert response.status_code == 400
    assert f"already names {taken.name}" in response.content.decode()
    assert alias not in Substance.objects.get(slug="lsd").aliases


def test_a_name_may_equal_an_alias_of_another_vocabulary(editor_client):
    # Substances and conditions are matched separately: no clash between the two.
    response = editor_client.post(add_url("conditions"), {"name": "Ketamine", "slug": "ketamine"})
    assert response.status_code == 302


def test_a_condition_cannot_be_nested_under_itself_or_its_children(editor_client):
    depression = Condition.objects.get(slug="depression")
    child = Condition.objects.get(slug="treatment-resistant-depression")
    assert child.parent == depression
    for parent in (depression, child):
        response = editor_client.post(
            entry_url("conditions", "depression"),
            {"name": depression.name, "slug": "depression", "parent": parent.pk},
        )
        assert response.status_code == 400
        assert "not this one, nor one nested under it" in response.content.decode()
    depression.refresh_from_db()
    assert depression.parent is None


def test_an_editor_moves_a_condition_and_the_history_names_the_parent(editor_client):
    anxiety = Condition.objects.get(slug="anxiety")
    parent = Condition.objects.get(slug="mental-health-general")
    response = editor_client.post(
        entry_url("conditions", "anxiety"),
        {"name": anxiety.name, "slug": "anxiety", "parent": parent.pk, "aliases": ""},
    )
    assert response.status_code == 302
    page = editor_client.get(entry_url("conditions", "anxiety")).content.decode()
    history = page.split('id="history-heading"')[1]
    assert parent.name in history and "<ins>" in history


def test_a_new_alias_is_matched_by_the_next_extraction(editor_client, curator):
    text = (
        "Microdosing golden teachers may reduce the blues in healthy adults, a small trial found.\n"
    )

    def extract():
        result = ingest_article(
            text=text + f"Version {extract.n}.\n",
            metadata=ArticleMetadata(title=f"Field notes {extract.n}", source_type="forum_qa"),
            user=curator,
        )
        extract.n += 1
        mention = result.source.mentions.get()
        return (
            set(mention.substances.values_list("slug", flat=True)),
            set(mention.conditions.values_list("slug", flat=True)),
        )

    extract.n = 1
    substances, conditions = extract()
    assert "psilocybin" not in substances and "depression" not in conditions

    psilocybin = Substance.objects.get(slug="psilocybin")
    editor_client.post(
        entry_url("substances", "psilocybin"),
        {
            "name": psilocybin.name,
            "slug": "psilocybin",
            "aliases": "\n".join(psilocybin.aliases + ["golden teachers"]),
        },
    )
    depression = Condition.objects.get(slug="depression")
    editor_client.post(
        entry_url("conditions", "depression"),
        {
            "name": depression.name,
            "slug": "depression",
            "aliases": "\n".join(depression.aliases + ["the blues"]),
        },
    )

    substances, conditions = extract()
    assert "psilocybin" in substances
    assert "depression" in conditions


def test_the_pages_cost_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert editor_client.get(LIST).status_code == 200
    with django_assert_max_num_queries(10):
        assert editor_client.get(entry_url("conditions", "depression")).status_code == 200
