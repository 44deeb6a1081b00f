"""Downloads of the claims browser's result (CSV, JSON Lines) and ``manage.py export_kb``."""

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from claims import exports
from claims.models import Mention
from sources.models import Source, SourceStatus

pytestmark = pytest.mark.django_db


def download(client, fmt: str, query: str = ""):
    response = client.get(f"/claims/export.{fmt}?{query}")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode()


def public_ids(**filters) -> set[int]:
    return set(Mention.objects.public().filter(**filters).values_list("pk", flat=True))


def test_the_browser_links_to_downloads_of_its_current_result(client):
    html = client.get("/claims/?condition=depression&grade=low&page=1").content.decode()
    assert 'href="/claims/export.csv?condition=depression&amp;grade=low"' in html
    assert 'href="/claims/export.jsonl?condition=depression&amp;grade=low"' in html


def test_csv_has_one_row_per_mention_of_the_result(client):
    response, text = download(client, "csv", "kind=dosing")
    assert response["Content-Type"].startswith("text/csv")
    assert 'attachment; filename="claims.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == exports.FIELDNAMES
    assert {int(r["mention_id"]) for r in rows} == public_ids(kind="dosing")
    assert len(rows) == len({r["mention_id"] for r in rows})  # each once
    row = rows[0]
    mention = Mention.objects.select_related("claim", "source").get(pk=row["mention_id"])
    assert row["quote"] == mention.quote
    assert row["claim_slug"] == mention.claim.slug
    assert row["claim_grade"] == mention.claim.grade
    assert row["source_title"] == mention.source.title
    assert row["certainty"] == mention.certainty
    assert row["is_overclaim"] in {"true", "false"}


def test_a_nested_condition_does_not_repeat_a_mention(client):
    # A mention tagged both depression and treatment-resistant depression matches twice in the
    # browser's join; the download lists it once.
    _, text = download(client, "jsonl", "condition=depression")
    ids = [json.loads(line)["mention_id"] for line in text.splitlines()]
    assert len(ids) == len(set(ids))
    expected = public_ids(conditions__slug__in=["depression", "treatment-resistant-depression"])
    assert set(ids) == expected


def test_jsonl_keeps_lists_and_nulls(client):
    _, text = download(client, "jsonl", "certainty=possible")
    rows = [json.loads(line) for line in text.splitlines()]
    assert {r["mention_id"] for r in rows} == public_ids(certainty="possible")
    assert all(isinstance(r["hedge_cues"], list) and r["hedge_cues"] for r in rows)
    assert all(isinstance(r["substances"], list) for r in rows)


def test_an_invalid_filter_is_left_out_as_on_the_page(client):
    _, text = download(client, "jsonl", "condition=no-such-thing")
    assert len(text.splitlines()) == len(public_ids())


def test_other_formats_are_404(client):
    assert client.get("/claims/export.xlsx").status_code == 404


def test_a_spreadsheet_formula_in_article_text_is_defused_in_csv():
    row = {"quote": '=HYPERLINK("http://x")', "publisher": "@home", "start": 3}
    assert exports.flat(row) == {
        "quote": '\'=HYPERLINK("http://x")',
        "publisher": "'@home",
        "start": 3,
    }


def test_queries_grow_with_chunks_not_rows(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 100)
    with CaptureQueriesContext(connection) as ctx:
        download(client, "csv")
    # The rows (one query, read in chunks where the database allows), and the substances and
    # conditions of each chunk of 100 (334 demo mentions: 4 chunks).
    chunks = -(-Mention.objects.public().count() // 100)
    reads = [q for q in ctx.captured_queries if "claims_mention" in q["sql"]]
    assert len(reads) <= 1 + 2 * chunks


def test_export_kb_writes_csv_jsonl_and_sqlite(tmp_path):
    out = io.StringIO()
    call_command("export_kb", str(tmp_path / "kb"), stdout=out, verbosity=1)
    folder = tmp_path / "kb"
    total = Mention.objects.public().count()
    with open(folder / "mentions.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == total
    lines = (folder / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == total
    assert json.loads(lines[0])["mention_id"] == int(rows[0]["mention_id"])

    db = sqlite3.connect(folder / "kb.sqlite3")
    assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] == total
    (graded,) = db.execute(
        "SELECT count(*) FROM mentions m JOIN claims c ON c.slug = m.claim_slug "
        "WHERE c.grade = m.claim_grade"
    ).fetchone()
    assert graded == total
    (text_ok,) = db.execute(
        "SELECT count(*) FROM mentions m JOIN sources s ON s.id = m.source_id "
        'WHERE substr(s.text, m.start + 1, m."end" - m.start) = m.quote'
    ).fetchone()
    assert text_ok == total  # offsets point into the exported text
    (tagged,) = db.execute(
        "SELECT count(DISTINCT mention_id) FROM mention_conditions WHERE condition_slug = ?",
        ["depression"],
    ).fetchone()
    assert tagged == Mention.objects.public().filter(conditions__slug="depression").count()
    published = Source.objects.published().count()
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == published
    db.close()
    assert f"Exported {total:,} mentions" in out.getvalue()


def test_export_kb_leaves_out_drafts_and_rewrites_an_old_export(tmp_path):
    call_command("export_kb", str(tmp_path), verbosity=0)
    draft = Source.objects.first()
    Source.objects.filter(pk=draft.pk).update(status=SourceStatus.DRAFT)
    call_command("export_kb", str(tmp_path), verbosity=0)
    db = sqlite3.connect(tmp_path / "kb.sqlite3")
    assert db.execute("SELECT count(*) FROM sources WHERE id = ?", [draft.pk]).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] == len(public_ids())
    db.close()


def test_the_readme_documents_every_column():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name, _ in exports.COLUMNS:
        assert f"| `{name}` |" in readme, name
