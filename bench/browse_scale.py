"""How the reader pages behave with a large knowledge base on PostgreSQL.

Fills a separate database (default ``kb_bench`` on 127.0.0.1) with synthetic sources, claims and
accepted mentions (generated in SQL, so a million rows take about a minute), then times the claims
browser and the claim, condition and source pages through Django's test client and prints the
median of a few runs and the number of SQL queries per page.

    .venv/bin/python bench/browse_scale.py [--mentions 1000000] [--keep]

Needs PostgreSQL (``BENCH_DATABASE_URL``, default postgres://postgres@127.0.0.1:5432/kb_bench).
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kb_bench")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

FILL_SQL = """
INSERT INTO sources_source (title, url, author, text, content_hash, word_count, source_type,
    commercial_interest, status, created_at, updated_at)
SELECT 'Synthetic source ' || g, '', '', repeat('Microdosing may improve mood. ', 400) || g,
       md5(g::text) || md5((g * 7)::text), 2000,
       (ARRAY['news','wellness_blog','journal','government','health_info_site'])[1 + g %% 5],
       g %% 4 = 0, 'published', now(), now()
FROM generate_series(1, %(sources)s) g;

INSERT INTO claims_claim (slug, statement, kind, grade, grade_rationale, created_at, updated_at)
SELECT 'synthetic-claim-' || g, 'Synthetic claim ' || g || ' about mood and depression',
       (ARRAY['benefit','mechanism','risk','dosing','efficacy-null'])[1 + g %% 5],
       (ARRAY['high','moderate','low','very-low'])[1 + g %% 4], 'Synthetic.', now(), now()
FROM generate_series(1, %(claims)s) g;

INSERT INTO claims_mention (source_id, claim_id, quote, start, "end", context_before, context_after,
    kind, certainty, hedge_cues, evidence_cited, cites_named_study, status, anchor_lost, explain,
    is_overclaim, overclaim_reasons, created_at, updated_at)
SELECT s.min_id + (g %% %(sources)s), c.min_id + ((g + g / %(period)s) %% %(claims)s),
       'Microdosing may improve mood.', (g %% 390) * 30, (g %% 390) * 30 + 29, '', '',
       (ARRAY['benefit','mechanism','risk','dosing','efficacy-null'])[1 + g %% 5],
       (ARRAY['established','probable','possible','anecdotal'])[1 + g %% 4], '["may"]',
       (ARRAY['none','anecdotal','unspecified-research','rct','clinical-trial'])[1 + g %% 5],
       g %% 9 = 0, 'accepted', false, '{}', g %% 7 = 0, '[]', now(), now()
FROM generate_series(1, %(mentions)s) g,
     (SELECT min(id) AS min_id FROM sources_source WHERE title LIKE 'Synthetic%%') s,
     (SELECT min(id) AS min_id FROM claims_claim WHERE slug LIKE 'synthetic-%%') c;

INSERT INTO claims_mention_conditions (mention_id, condition_id)
SELECT m.id, cond.id FROM claims_mention m
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM claims_condition) cond ON cond.n = m.id %% cond.total
WHERE m.quote = 'Microdosing may improve mood.';

INSERT INTO claims_mention_substances (mention_id, substance_id)
SELECT m.id, sub.id FROM claims_mention m
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM claims_substance) sub ON sub.n = m.id %% sub.total
WHERE m.quote = 'Microdosing may improve mood.';

INSERT INTO claims_claim_conditions (claim_id, condition_id)
SELECT c.id, cond.id FROM claims_claim c
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM claims_condition) cond ON cond.n = c.id %% cond.total
WHERE c.slug LIKE 'synthetic-%%';
"""

PAGES = [
    ("claims browser, no filter", "/claims/"),
    ("claims browser, condition=depression", "/claims/?condition=depression"),
    ("claims browser, 3 filters", "/claims/?condition=depression&certainty=possible&grade=low"),
    ("claims browser, search", "/claims/?q=mood"),  # every quote matches: the worst case
    ("claims browser, narrow search", "/claims/?q=synthetic+claim+4242"),
    ("claims browser, page 50", "/claims/?page=50"),
    ("claims browser, overclaims", "/claims/?overclaim=on"),
    ("claim page", "/claims/synthetic-claim-7/"),
    ("condition page", "/conditions/depression/"),
    ("source list", "/sources/"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=5_000)
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="reuse a filled database as it is")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL.")

    from claims import vocabulary_seed
    from claims.models import Condition, Mention, Substance

    if not (args.keep and Mention.objects.count() >= args.mentions):
        print(f"filling {settings.DATABASES['default']['NAME']}: {args.mentions:,} mentions ...")
        call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
        vocabulary_seed.install(Substance, Condition)  # flush empties the data migration's rows
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                FILL_SQL,
                {
                    "mentions": args.mentions,
                    "claims": args.claims,
                    "sources": args.sources,
                    # (source, offset, claim) repeats every `period` rows: shift the claim once
                    # per period so a million mentions keep mention_once_per_claim_and_place.
                    "period": math.lcm(args.sources, 390, args.claims),
                },
            )
            # What autovacuum does soon after a bulk load: index-only scans need the
            # visibility map, which ANALYZE alone does not set.
            cursor.execute("VACUUM ANALYZE")
        print(f"  filled in {time.perf_counter() - started:.0f} s")
    print(f"{Mention.objects.count():,} mentions; median of {args.runs} runs (after one warm-up)")

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    for name, url in PAGES:
        client.get(url)  # warm-up
        timings = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - started)
        status = response.status_code
        median_ms = statistics.median(timings) * 1000
        print(f"  {name:<42} {median_ms:8.0f} ms  {len(queries):3d} queries  HTTP {status}")


if __name__ == "__main__":
    main()
