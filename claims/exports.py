"""Exports of public mentions: one row per mention with its claim, grade, source and labels.

Used by the claims browser's download links (the current result, streamed) and by
``manage.py export_kb`` (the whole published knowledge base). Rows are read with
``.iterator(chunk_size=...)`` as plain tuples: memory stays constant whatever the number of rows,
and the queries grow with the number of chunks (the rows' cursor, then their substances and
conditions per chunk), never with the number of rows. The source text is never loaded.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from claims.models import Mention

CHUNK_SIZE = 2000

# (column, description) in export order; the README's table is written from this list.
COLUMNS: list[tuple[str, str]] = [
    ("mention_id", "Id of the mention (the sentence of one source making one claim)"),
    ("claim_slug", "Slug of the canonical claim; its page is /claims/<slug>/"),
    ("claim_statement", "The claim in neutral words"),
    ("claim_kind", "benefit, mechanism, risk, dosing or efficacy-null"),
    ("claim_grade", "Evidence grade of the claim: high, moderate, low, very-low, not-assessed"),
    ("source_id", "Id of the source; its page is /sources/<id>/"),
    ("source_title", "Title of the source"),
    ("source_url", "Where the source was found (empty if unknown)"),
    ("publisher", "Name of the publisher (empty if unknown)"),
    ("source_type", "news, journal, wellness_blog, government, ... (DESIGN.md)"),
    ("source_published_on", "Date the source shows, YYYY-MM-DD (empty if none)"),
    ("credibility_score", "The source's credibility score, 0-100 (empty until scored)"),
    ("quote", "The sentence exactly as in the source text"),
    ("start", "Offset of the quote's first character in the source text"),
    ("end", "Offset just after the quote's last character"),
    ("mention_kind", "Kind of claim as this sentence makes it"),
    ("certainty", "Certainty of the wording: established, probable, possible, anecdotal"),
    ("hedge_cues", "The words that set the certainty, separated by ' | '"),
    ("evidence_cited", "Strongest evidence the sentence cites (none ... systematic-review)"),
    ("cites_named_study", "true when a study, author, institution, journal or year is named"),
    ("is_overclaim", "true when the wording is more certain than the evidence allows"),
    ("overclaim_reasons", "Why it is an overclaim, separated by ' | '"),
    ("substances", "Substance slugs of the sentence, separated by ' | '"),
    ("conditions", "Condition slugs of the sentence, separated by ' | '"),
]
FIELDNAMES = [name for name, _ in COLUMNS]
SEPARATOR = " | "


# Export column -> the value read for it (a lookup from Mention); the substances and conditions
# are read per chunk.
LOOKUPS: dict[str, str] = {
    "mention_id": "pk",
    "claim_slug": "claim__slug",
    "claim_statement": "claim__statement",
    "claim_kind": "claim__kind",
    "claim_grade": "claim__grade",
    "source_id": "source_id",
    "source_title": "source__title",
    "source_url": "source__url",
    "publisher": "source__publisher__name",
    "source_type": "source__source_type",
    "source_published_on": "source__published_on",
    "credibility_score": "source__credibility_score",
    "quote": "quote",
    "start": "start",
    "end": "end",
    "mention_kind": "kind",
    "certainty": "certainty",
    "hedge_cues": "hedge_cues",
    "evidence_cited": "evidence_cited",
    "cites_named_study": "cites_named_study",
    "is_overclaim": "is_overclaim",
    "overclaim_reasons": "overclaim_reasons",
}
assert [*LOOKUPS, "substances", "conditions"] == FIELDNAMES


def matching_mentions(filterset):
    """The public mentions passing every filter of the claims browser's ``filterset``
    (claims.filters.ClaimFilter), each once: what a download of its result holds, and what the
    API's /mentions lists. The browser's read-model rows repeat a mention (one row per
    condition x substance), so their mention ids are used as a subquery."""
    filtered = filterset.rows().order_by().values("mention_id")
    return Mention.objects.public().filter(pk__in=filtered)


def export_queryset(mentions=None):
    """Public mentions for export, each once, in a stable order (source, offset, id), as tuples
    of the LOOKUPS values (no model instances: a million rows stay cheap).

    ``mentions``: a queryset of the mentions to export (:func:`matching_mentions`), else all.
    """
    queryset = Mention.objects.public() if mentions is None else mentions
    return queryset.order_by("source_id", "start", "pk").values_list(*LOOKUPS.values())


def slugs_by_mention(relation, ids: list[int]) -> dict[int, list[str]]:
    """{mention id: sorted slugs} of ``relation`` (substances or conditions): one query."""
    through = getattr(Mention, relation).through
    field = "substance__slug" if relation == "substances" else "condition__slug"
    found: dict[int, list[str]] = {}
    pairs = through.objects.filter(mention_id__in=ids).values_list("mention_id", field)
    for mention_id, slug in pairs:
        found.setdefault(mention_id, []).append(slug)
    return {pk: sorted(slugs) for pk, slugs in found.items()}


def _rows_of(chunk: list[tuple]) -> Iterator[dict]:
    ids = [values[0] for values in chunk]
    substances = slugs_by_mention("substances", ids)
    conditions = slugs_by_mention("conditions", ids)
    for values in chunk:
        row = dict(zip(LOOKUPS, values, strict=True))
        row["publisher"] = row["publisher"] or ""
        row["source_published_on"] = (
            row["source_published_on"].isoformat() if row["source_published_on"] else ""
        )
        row["hedge_cues"] = list(row["hedge_cues"] or [])
        row["overclaim_reasons"] = list(row["overclaim_reasons"] or [])
        row["substances"] = substances.get(row["mention_id"], [])
        row["conditions"] = conditions.get(row["mention_id"], [])
        yield row


def rows(mentions=None) -> Iterator[dict]:
    """Export rows (plain Python values: str, int, bool, list or None), read in chunks of
    CHUNK_SIZE: three queries per chunk (on PostgreSQL the rows come through one server-side
    cursor), never one per row."""
    chunk: list[tuple] = []
    for values in export_queryset(mentions).iterator(chunk_size=CHUNK_SIZE):
        chunk.append(values)
        if len(chunk) >= CHUNK_SIZE:
            yield from _rows_of(chunk)
            chunk = []
    yield from _rows_of(chunk)


# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): article text
# is untrusted, so such a CSV cell gets a leading apostrophe (OWASP's advice). JSONL and SQLite
# keep the exact text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flat(values: dict) -> dict:
    """A row for CSV: lists joined with SEPARATOR, booleans as true/false, None as empty, text
    that a spreadsheet would run as a formula defused."""
    out = {}
    for key, value in values.items():
        if isinstance(value, list):
            value = SEPARATOR.join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        elif value is None:
            value = ""
        if isinstance(value, str) and value.startswith(FORMULA_START):
            value = "'" + value
        out[key] = value
    return out


def csv_writer(out) -> csv.DictWriter:
    """A CSV writer of export rows (pass them through :func:`flat`) into the text file ``out``."""
    return csv.DictWriter(out, fieldnames=FIELDNAMES, lineterminator="\r\n")


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """CSV text (header first), one line per row, for a streaming response."""
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writeheader()
    yield buffer.getvalue()
    for values in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(flat(values))
        yield buffer.getvalue()


def jsonl_line(values: dict) -> str:
    """One JSON Lines line: lists stay lists, missing values are null."""
    return json.dumps(values, ensure_ascii=False) + "\n"


def jsonl_lines(rows: Iterator[dict]) -> Iterator[str]:
    for values in rows:
        yield jsonl_line(values)


FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_lines),
    "jsonl": ("application/jsonl; charset=utf-8", jsonl_lines),
}
