"""How long storing one 2,000-word article with its suggested mentions takes (target: <= 100 ms
on SQLite).

Run: .venv/bin/python bench/ingest_speed.py [--articles 40]  (or `make bench`). It migrates a
throw-away database (a temporary SQLite file; with DATABASE_URL set, a `<name>_bench_ingest`
database next to yours, dropped afterwards), then stores distinct 2,000-word articles made of the
demo and dev-set texts through ``ingest_article``, the path of the add-article page and of
``manage.py ingest``. Prints the median and 95th percentile wall-clock time per article, the
extractor's share of it, and SQL statements per article and per suggested mention. It prints
figures; it asserts nothing.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

WORDS = 2000


def corpus_paragraphs() -> list[str]:
    paragraphs = []
    folders = [ROOT / "claims" / "demo" / "articles"]
    folders += sorted((ROOT / "tests" / "extraction").glob("devset*/articles"))
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
                if 12 <= len(paragraph.split()) <= 300:
                    paragraphs.append(paragraph.strip())
    return paragraphs


def articles(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct articles of about 2,000 words: corpus paragraphs in a shuffled order."""
    paragraphs = corpus_paragraphs()
    rng = random.Random(seed)
    made = []
    for number in range(count):
        rng.shuffle(paragraphs)
        chosen, words = [f"Bench article {number}"], 0
        for paragraph in paragraphs:
            if words >= WORDS:
                break
            chosen.append(paragraph)
            words += len(paragraph.split())
        made.append("\n\n".join(chosen))
    return made


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    options = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    on_postgres = bool(os.environ.get("DATABASE_URL", "").startswith("postgres"))
    if not on_postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"

    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query logging while timing
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if on_postgres:
        name = settings.DATABASES["default"]["NAME"]
        settings.DATABASES["default"]["TEST"]["NAME"] = f"{name}_bench_ingest"
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)

    from claims.curation.ingest import ArticleMetadata, extract_suggestions, ingest_article

    try:
        texts = articles(options.articles + 1)
        ingest_article(  # warm up: regex caches, vocabulary, first connection
            text=texts.pop(), metadata=ArticleMetadata(title="warm-up", source_type="news")
        )
        times, cpu_times, extract_times, queries, suggested, words = [], [], [], [], [], []
        for number, text in enumerate(texts):
            start = time.process_time()
            extract_suggestions(text)
            extract_times.append((time.process_time() - start) * 1000)
            metadata = ArticleMetadata(title=f"Bench article {number}", source_type="news")
            # Every fourth article counts its SQL statements; the others are timed without the
            # debug cursor, which formats every statement (as production, DEBUG=0, does not).
            if number % 4 == 3:
                connection.queries_log.clear()  # a bounded deque: keep each count whole
                with CaptureQueriesContext(connection) as ctx:
                    result = ingest_article(text=text, metadata=metadata)
                queries.append((len(ctx.captured_queries), result.suggested))
                continue
            start, cpu_start = time.perf_counter(), time.process_time()
            result = ingest_article(text=text, metadata=metadata)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            suggested.append(result.suggested)
            words.append(len(text.split()))
    finally:
        if on_postgres:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        tmp.cleanup()

    vendor = "PostgreSQL" if on_postgres else "SQLite"
    n = len(times)
    print(
        f"ingest on {vendor}: median {statistics.median(times):.0f} ms, "
        f"p95 {percentile(times, 0.95):.0f} ms per article "
        f"({n} articles timed, of {min(words)}-{max(words)} words, "
        f"{statistics.median(suggested):.0f} suggested mentions each; wall clock)"
    )
    print(
        f"  CPU time of this process: median {statistics.median(cpu_times):.0f} ms, "
        f"p95 {percentile(cpu_times, 0.95):.0f} ms (the figure that other load does not move); "
        f"extraction alone: median {statistics.median(extract_times):.0f} ms CPU"
    )
    print(
        f"  SQL statements: median {statistics.median(q for q, _ in queries):.0f} per article, "
        f"{sum(q for q, _ in queries) / max(1, sum(n for _, n in queries)):.1f} per suggested "
        f"mention ({len(queries)} articles counted)"
    )


if __name__ == "__main__":
    main()
