"""Write the whole published knowledge base to a folder: mentions.csv, mentions.jsonl and
kb.sqlite3 (see the README's "Open data" section for the columns and tables)."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims import exports
from claims.models import Claim, Condition, Mention, Substance
from sources.models import Publisher, Source

SQLITE_SCHEMA = """
CREATE TABLE publishers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, website TEXT,
    description TEXT);
CREATE TABLE sources (id INTEGER PRIMARY KEY, title TEXT NOT NULL, url TEXT,
    publisher_id INTEGER REFERENCES publishers(id), author TEXT, published_on TEXT,
    retrieved_on TEXT, source_type TEXT NOT NULL, commercial_interest INTEGER NOT NULL,
    credibility_score INTEGER, word_count INTEGER, text TEXT NOT NULL);
CREATE TABLE substances (slug TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT,
    description TEXT);
CREATE TABLE conditions (slug TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT,
    description TEXT, parent TEXT REFERENCES conditions(slug));
CREATE TABLE claims (slug TEXT PRIMARY KEY, statement TEXT NOT NULL, kind TEXT NOT NULL,
    grade TEXT NOT NULL, grade_rationale TEXT);
CREATE TABLE claim_substances (claim_slug TEXT REFERENCES claims(slug),
    substance_slug TEXT REFERENCES substances(slug));
CREATE TABLE claim_conditions (claim_slug TEXT REFERENCES claims(slug),
    condition_slug TEXT REFERENCES conditions(slug));
CREATE TABLE mentions ({columns});
CREATE TABLE mention_substances (mention_id INTEGER REFERENCES mentions(mention_id),
    substance_slug TEXT REFERENCES substances(slug));
CREATE TABLE mention_conditions (mention_id INTEGER REFERENCES mentions(mention_id),
    condition_slug TEXT REFERENCES conditions(slug));
CREATE INDEX mentions_claim ON mentions(claim_slug);
CREATE INDEX mentions_source ON mentions(source_id);
CREATE INDEX mention_substances_slug ON mention_substances(substance_slug);
CREATE INDEX mention_conditions_slug ON mention_conditions(condition_slug);
"""
INTEGER_COLUMNS = {"mention_id", "source_id", "credibility_score", "start", "end"}
FLAG_COLUMNS = {"cites_named_study", "is_overclaim"}
BATCH = 1000


def sqlite_columns() -> str:
    out = []
    for name in exports.FIELDNAMES:
        kind = "INTEGER" if name in INTEGER_COLUMNS | FLAG_COLUMNS else "TEXT"
        extra = " PRIMARY KEY" if name == "mention_id" else ""
        out.append(f'"{name}" {kind}{extra}')
    return ", ".join(out)


def sqlite_value(value):
    """Lists as JSON text (SQLite's json_each() reads them), booleans as 0/1."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


class Command(BaseCommand):
    help = (
        "Write every published mention with its claim, grade, source and labels to OUTDIR as "
        "mentions.csv and mentions.jsonl, and the published knowledge base (publishers, "
        "sources with their text, claims, vocabularies, mentions) as the SQLite file "
        "kb.sqlite3. Reads in chunks: memory stays flat however large the knowledge base."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", help="Folder to write into (created if missing).")

    def handle(self, *args, outdir: str, verbosity: int = 1, **options):
        folder = Path(outdir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"Cannot create {folder}: {error}") from error
        started = time.perf_counter()
        database = folder / "kb.sqlite3"
        database.unlink(missing_ok=True)
        db = sqlite3.connect(database)
        db.executescript(SQLITE_SCHEMA.format(columns=sqlite_columns()))
        self.write_reference_tables(db)

        total = Mention.objects.public().count()
        placeholders = ", ".join("?" for _ in exports.FIELDNAMES)
        batch: list[tuple] = []
        links: dict[str, list[tuple]] = {"mention_substances": [], "mention_conditions": []}
        written = 0
        with (
            open(folder / "mentions.csv", "w", encoding="utf-8", newline="") as csv_file,
            open(folder / "mentions.jsonl", "w", encoding="utf-8") as jsonl_file,
            tqdm(total=total, unit="mention", disable=verbosity == 0) as progress,
        ):
            csv_out = exports.csv_writer(csv_file)
            csv_out.writeheader()
            for row in exports.rows():
                csv_out.writerow(exports.flat(row))
                jsonl_file.write(exports.jsonl_line(row))
                batch.append(tuple(sqlite_value(row[name]) for name in exports.FIELDNAMES))
                links["mention_substances"] += [(row["mention_id"], s) for s in row["substances"]]
                links["mention_conditions"] += [(row["mention_id"], c) for c in row["conditions"]]
                written += 1
                if len(batch) >= BATCH:
                    self.flush(db, placeholders, batch, links)
                progress.update(1)
            self.flush(db, placeholders, batch, links)
        db.commit()
        db.close()

        seconds = time.perf_counter() - started
        if verbosity:
            for name in ("mentions.csv", "mentions.jsonl", "kb.sqlite3"):
                size = (folder / name).stat().st_size
                self.stdout.write(f"{folder / name}: {size:,} bytes")
            self.stdout.write(
                self.style.SUCCESS(f"Exported {written:,} mentions in {seconds:.2f} s.")
            )

    @staticmethod
    def flush(db, placeholders: str, batch: list, links: dict) -> None:
        db.executemany(f"INSERT INTO mentions VALUES ({placeholders})", batch)
        for table, pairs in links.items():
            db.executemany(f"INSERT INTO {table} VALUES (?, ?)", pairs)
            pairs.clear()
        batch.clear()

    @staticmethod
    def write_reference_tables(db) -> None:
        """Publishers, sources, claims and vocabularies: only what readers can see."""
        sources = Source.objects.published().order_by("pk")
        publishers = Publisher.objects.filter(sources__in=sources).distinct().order_by("pk")
        db.executemany(
            "INSERT INTO publishers VALUES (?, ?, ?, ?)",
            publishers.values_list("pk", "name", "website", "description"),
        )
        db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    s.pk,
                    s.title,
                    s.url,
                    s.publisher_id,
                    s.author,
                    s.published_on.isoformat() if s.published_on else None,
                    s.retrieved_on.isoformat() if s.retrieved_on else None,
                    s.source_type,
                    int(s.commercial_interest),
                    s.credibility_score,
                    s.word_count,
                    s.text,
                )
                for s in sources.iterator(chunk_size=100)
            ),
        )
        db.executemany(
            "INSERT INTO substances VALUES (?, ?, ?, ?)",
            (
                (x.slug, x.name, json.dumps(x.aliases), x.description)
                for x in Substance.objects.order_by("slug")
            ),
        )
        db.executemany(
            "INSERT INTO conditions VALUES (?, ?, ?, ?, ?)",
            (
                (
                    x.slug,
                    x.name,
                    json.dumps(x.aliases),
                    x.description,
                    getattr(x.parent, "slug", None),
                )
                for x in Condition.objects.select_related("parent").order_by("slug")
            ),
        )
        claims = Claim.objects.public().order_by("pk")
        db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?)",
            claims.values_list("slug", "statement", "kind", "grade", "grade_rationale"),
        )
        db.executemany(
            "INSERT INTO claim_substances VALUES (?, ?)",
            Claim.substances.through.objects.filter(claim__in=claims).values_list(
                "claim__slug", "substance__slug"
            ),
        )
        db.executemany(
            "INSERT INTO claim_conditions VALUES (?, ?)",
            Claim.conditions.through.objects.filter(claim__in=claims).values_list(
                "claim__slug", "condition__slug"
            ),
        )
