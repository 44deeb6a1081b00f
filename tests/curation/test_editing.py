"""Editors: grade claims, merge duplicates, publish sources. History records who did what."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.curation.actions import merged_into
from claims.models import Claim, Mention

pytestmark = pytest.mark.django_db


def test_an_editor_grades_a_claim_with_a_rationale(editor_client, editor):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    response = editor_client.post(
        reverse("curate:grade", args=[claim.slug]),
        {"grade": "very-low", "grade_rationale": "Only small trials, mostly null."},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.grade, claim.grade_rationale) == ("very-low", "Only small trials, mostly null.")
    assert claim.history.first().history_user == editor


def test_a_grade_without_a_rationale_is_refused(editor_client):
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    before = claim.grade
    response = editor_client.post(
        reverse("curate:grade", args=[claim.slug]), {"grade": "high", "grade_rationale": " "}
    )
    assert response.status_code == 400 and "Say which evidence exists" in response.content.decode()
    claim.refresh_from_db()
    assert claim.grade == before


def test_an_invalid_grade_is_refused(editor_client):
    response = editor_client.post(
        reverse("curate:grade", args=["microdosing-improves-mood"]),
        {"grade": "excellent", "grade_rationale": "x"},
    )
    assert response.status_code == 400


def test_merging_moves_every_mention_and_keeps_the_duplicates_trace(editor_client, editor):
    target = Claim.objects.get(slug="microdosing-improves-mood")
    duplicate = Claim.objects.exclude(pk=target.pk).filter(mentions__isnull=False).first()
    moving = set(duplicate.mentions.values_list("pk", flat=True))
    before_target = target.mentions.count()
    substances = set(duplicate.substances.all()) | set(target.substances.all())
    response = editor_client.post(
        reverse("curate:merge", args=[target.slug]), {"duplicate": duplicate.slug}
    )
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=duplicate.pk).exists()
    assert set(Mention.objects.filter(pk__in=moving).values_list("claim", flat=True)) == {target.pk}
    assert target.mentions.count() == before_target + len(moving)
    assert set(target.substances.all()) == substances
    target.refresh_from_db()
    assert duplicate.statement in target.grade_rationale
    assert merged_into(duplicate.slug) == target
    record = Claim.history.filter(slug=duplicate.slug, history_type="-").get()
    assert record.history_user == editor


def test_a_claim_cannot_be_merged_into_itself(editor_client):
    slug = "microdosing-improves-mood"
    response = editor_client.post(reverse("curate:merge", args=[slug]), {"duplicate": slug})
    assert response.status_code == 400
    assert Claim.objects.filter(slug=slug).exists()


def test_publishing_shows_accepted_linked_mentions_to_readers(editor_client, client, draft):
    mention = draft.mentions.get(quote__contains="improve mood")
    editor_client.post(
        reverse("curate:link", args=[mention.pk]), {"claim": "microdosing-improves-mood"}
    )
    assert not Mention.objects.public().filter(pk=mention.pk).exists()
    response = editor_client.post(reverse("curate:publish", args=[draft.pk]), {"action": "publish"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and draft.status_changed_at is not None
    assert Mention.objects.public().filter(pk=mention.pk).exists()
    suggested = draft.mentions.filter(status="suggested")
    assert not Mention.objects.public().filter(pk__in=suggested).exists()
    assert client.get(draft.get_absolute_url()).status_code == 200
    editor_client.post(reverse("curate:publish", args=[draft.pk]), {"action": "unpublish"})
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert not Mention.objects.public().filter(pk=mention.pk).exists()


def test_the_publish_button_is_for_editors_only(client, curator, editor, draft):
    url = reverse("curate:review", args=[draft.pk])
    client.force_login(curator)
    assert b">Publish</button>" not in client.get(url).content
    client.force_login(editor)
    assert b">Publish</button>" in client.get(url).content


def test_history_shows_who_changed_what(editor_client, draft, editor):
    mention = draft.mentions.get(quote__contains="improve mood")
    editor_client.post(reverse("curate:reject", args=[mention.pk]))
    editor_client.post(reverse("curate:publish", args=[draft.pk]), {"action": "publish"})
    html = editor_client.get(reverse("curate:review", args=[draft.pk])).content.decode()
    history = html[html.index('class="history"') :]
    assert "eddie</strong> changed Mention “Microdosing psilocybin may improve mood" in history
    assert "status: <del>Suggested</del> → <ins>Rejected</ins>" in history
    assert "<del>Draft (curators only)</del> → <ins>Published</ins>" in history
    assert "cora</strong> created Source" in history


def test_claim_history_shows_grades_and_links(editor_client, draft):
    mention = draft.mentions.get(quote__contains="improve mood")
    slug = "microdosing-improves-mood"
    editor_client.post(reverse("curate:link", args=[mention.pk]), {"claim": slug})
    editor_client.post(
        reverse("curate:grade", args=[slug]), {"grade": "high", "grade_rationale": "Few trials."}
    )
    html = editor_client.get(reverse("curate:claim", args=[slug])).content.decode()
    history = html[html.index('class="history"') :]
    assert "<ins>High</ins>" in history
    assert "claim: <del>—</del> → <ins>Microdosing" in history


def test_the_claims_list_searches_as_you_type(curator_client):
    html = curator_client.get(reverse("curate:claims"), {"q": "mood"}, HTTP_HX_REQUEST="true")
    text = html.content.decode()
    assert "<table>" in text and "<html" not in text
    assert "microdosing-improves-mood" in text


def test_the_ingest_command_adds_files_and_summarises(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "Title A\n\nMicrodosing psilocybin may improve mood in healthy adults.\n"
    )
    (tmp_path / "b.md").write_text(
        "# Title B\n\nKetamine can rapidly reduce depression symptoms.\n"
    )
    (tmp_path / "c.txt").write_bytes(bytes(range(256)))
    with pytest.raises(CommandError, match="1 of 3 files failed") as failed:
        call_command("ingest", str(tmp_path), source_type="news", verbosity=0)
    assert failed.value.returncode == 1  # manage.py exits with status 1
    out, err = capsys.readouterr()
    assert "3 files: 2 added, 0 new versions, 0 already stored, 1 failed" in out
    assert "c.txt: not a text document" in err
    from sources.models import Source

    assert Source.objects.get(title="Title B").mentions.filter(status="suggested").exists()
    call_command("ingest", str(tmp_path / "a.txt"), source_type="news", verbosity=0)
    assert "1 already stored" in capsys.readouterr()[0]


def test_reader_pages_show_history_to_curators_only(client, curator):
    from sources.models import Source

    source = Source.objects.get(title="Microdosing Therapy")
    claim = Claim.objects.get(slug="microdosing-improves-mood")
    for url in (source.get_absolute_url(), claim.get_absolute_url()):
        assert b'class="history"' not in client.get(url).content
    client.force_login(curator)
    for url in (source.get_absolute_url(), claim.get_absolute_url()):
        html = client.get(url).content.decode()
        assert 'class="history"' in html and "Curate this" in html


def test_a_merged_claims_curation_page_leads_to_the_claim_it_joined(editor_client):
    target = Claim.objects.get(slug="microdosing-improves-mood")
    duplicate = Claim.objects.exclude(pk=target.pk).first()
    editor_client.post(reverse("curate:merge", args=[target.slug]), {"duplicate": duplicate.slug})
    response = editor_client.get(reverse("curate:claim", args=[duplicate.slug]))
    assert response.status_code == 302 and response.url == reverse(
        "curate:claim", args=[target.slug]
    )
    assert editor_client.get(reverse("curate:claim", args=["never-existed"])).status_code == 404


def test_the_queue_costs_a_fixed_number_of_queries(
    curator_client, draft, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert curator_client.get(reverse("curate:queue")).status_code == 200
