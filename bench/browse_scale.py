"""How the reader pages behave with a large knowledge base on PostgreSQL, through gunicorn.

Fills a separate database (``BENCH_DATABASE_URL``, default postgres://postgres@127.0.0.1:5432/
kb_bench) with synthetic sources, claims and accepted mentions generated in SQL, builds the read
model the way a bulk load does (``manage.py rebuild_read_model``), starts gunicorn (the
production server) on it and measures, from a client on the same machine:

- at least 30 distinct claims-browser URLs (filter combinations, the HTMX fragment, deep pages),
  each requested once, never with a validator: p50 / p95 / max (after every gunicorn worker
  has served a few pages outside that set, so a worker's one-time start-up is not counted);
- the same page repeated: p50 / p95;
- a search matching every quote;
- the bytes of the largest page;
- beside each, the SQL floor: the time of the very SQL statements the page ran, replayed on one
  connection (what is left of a response's time for Django, templates and HTTP is the
  difference).

    .venv/bin/python bench/browse_scale.py                      # 20,000 mentions (a minute)
    .venv/bin/python bench/browse_scale.py --mentions 1000000   # the issue's target size
    .venv/bin/python bench/browse_scale.py --keep --json        # reuse a filled database

``--keep`` reuses the database when it already holds at least ``--mentions`` mentions (a new,
empty database is migrated and filled). Needs PostgreSQL.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
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
    commercial_interest, status, created_at, updated_at, version)
SELECT 'Synthetic source ' || g, '', '', repeat('Microdosing may improve mood. ', 400) || g,
       md5(g::text) || md5((g * 7)::text), 2000,
       (ARRAY['news','wellness_blog','journal','government','health_info_site'])[1 + g %% 5],
       g %% 4 = 0, 'published', now(), now(), 1
FROM generate_series(1, %(sources)s) g;

INSERT INTO claims_claim (slug, statement, kind, grade, grade_rationale, created_at, updated_at,
    version)
SELECT 'synthetic-claim-' || g, 'Synthetic claim ' || g || ' about mood and depression',
       (ARRAY['benefit','mechanism','risk','dosing','efficacy-null'])[1 + g %% 5],
       (ARRAY['high','moderate','low','very-low'])[1 + g %% 4], 'Synthetic.', now(), now(), 1
FROM generate_series(1, %(claims)s) g;

INSERT INTO claims_mention (source_id, claim_id, quote, start, "end", context_before, context_after,
    kind, certainty, hedge_cues, evidence_cited, cites_named_study, status, anchor_lost, explain,
    is_overclaim, overclaim_reasons, created_at, updated_at, suggested, named_studies, version)
SELECT s.min_id + (g %% %(sources)s), c.min_id + ((g + g / %(period)s) %% %(claims)s),
       'Microdosing may improve mood.', (g %% 390) * 30, (g %% 390) * 30 + 29, '', '',
       (ARRAY['benefit','mechanism','risk','dosing','efficacy-null'])[1 + g %% 5],
       (ARRAY['established','probable','possible','anecdotal'])[1 + g %% 4], '["may"]',
       (ARRAY['none','anecdotal','unspecified-research','rct','clinical-trial'])[1 + g %% 5],
       g %% 9 = 0, 'accepted', false, '{}', g %% 7 = 0, '[]', now(), now(), '{}', '[]', 1
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

CONDITIONS = ["depression", "anxiety", "ptsd", "sleep", "inflammation", "cognition"]
SUBSTANCES = ["psilocybin", "lsd", "mdma", "ketamine", "cbd"]
CERTAINTIES = ["established", "probable", "possible", "anecdotal"]
KINDS = ["benefit", "mechanism", "risk", "dosing", "efficacy-null"]
GRADES = ["high", "moderate", "low", "very-low"]


def browser_urls() -> list[str]:
    """At least 30 distinct claims-browser URLs: single filters, pairs, triples, several values
    of one filter, the overclaim filter, sorts, deep pages and HTMX fragments (marked ``hx:``)."""
    urls = ["/claims/", "/claims/?page=50", "/claims/?sort=grade", "/claims/?sort=statement"]
    urls += [f"/claims/?condition={c}" for c in CONDITIONS]
    urls += [f"/claims/?substance={s}" for s in SUBSTANCES]
    urls += [f"/claims/?certainty={c}" for c in CERTAINTIES[:2]]
    urls += [f"/claims/?kind={k}" for k in KINDS[:2]]
    urls += [f"/claims/?grade={g}" for g in GRADES[:2]]
    for i, condition in enumerate(CONDITIONS):
        urls.append(
            f"/claims/?condition={condition}&certainty={CERTAINTIES[i % 4]}&grade={GRADES[i % 4]}"
        )
        urls.append(f"/claims/?condition={condition}&substance={SUBSTANCES[i % 5]}")
    urls += [
        "/claims/?overclaim=on",
        "/claims/?overclaim=on&kind=risk&condition=depression",
        "/claims/?condition=depression&condition=anxiety&kind=benefit&kind=risk",
        "/claims/?source_type=news&certainty=possible",
        "/claims/?source_q=source+42",
        "/claims/?q=synthetic+claim+4242",
        "hx:/claims/?condition=depression&certainty=possible&grade=low",
        "hx:/claims/?substance=lsd&page=3",
    ]
    return list(dict.fromkeys(urls))


REPEATED = "/claims/?condition=depression"
SEARCH_ALL = "/claims/?q=mood"  # every synthetic quote says "mood": the worst case
# The same search three ways, so each request is cold for the server's page cache.
SEARCH_ALL_COLD = [SEARCH_ALL, "/claims/?q=Mood", "/claims/?q=mood&page=1"]


def ensure_database() -> None:
    """Create the bench database when the server does not have it yet (a fresh machine)."""
    import psycopg

    name = settings.DATABASES["default"]["NAME"]
    with psycopg.connect(URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"creating database {name}")
            admin.execute(f'CREATE DATABASE "{name}"')


def fill(args) -> None:
    from claims import vocabulary_seed
    from claims.models import Condition, Substance

    print(f"filling {settings.DATABASES['default']['NAME']}: {args.mentions:,} mentions ...")
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    vocabulary_seed.install(Substance, Condition)  # flush empties the data migration's rows
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            FILL_SQL,
            {
                "mentions": args.mentions,
                "claims": args.claims,
                "sources": args.sources,
                # (source, offset, claim) repeats every `period` rows: shift the claim once per
                # period so a million mentions keep mention_once_per_claim_and_place.
                "period": math.lcm(args.sources, 390, args.claims),
            },
        )
    filled = time.perf_counter() - started
    started = time.perf_counter()
    call_command("rebuild_read_model", verbosity=1)
    rebuilt = time.perf_counter() - started
    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load: index-only scans need the visibility
        # map, which ANALYZE alone does not set.
        cursor.execute("VACUUM ANALYZE")
    print(f"  mentions filled in {filled:.0f} s, read model rebuilt in {rebuilt:.0f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50}
    env.update({"ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "ERROR"})
    # Production settings serve hashed static files: collect them once (into /staticfiles/).
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            gunicorn,
            "config.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("gunicorn did not start")


def fetch(conn: http.client.HTTPConnection, url: str) -> tuple[float, int, int]:
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    if url.startswith("hx:"):
        url, headers["HX-Request"] = url[3:], "true"
    started = time.perf_counter()
    conn.request("GET", url, headers=headers)
    response = conn.getresponse()
    body = response.read()
    return (time.perf_counter() - started) * 1000, response.status, len(body)


# Pages outside the measured set that render the same templates as the browser.
WARM_UP = ["/", "/claims/?sort=sources", "/claims/?sort=sources&page=2"]


def warm_up(port: int, workers: int, rounds: int = 4) -> None:
    """Send each warm-up page to every worker (as many requests at once as there are
    workers, a few times over): a worker's first request imports the views, builds the URL
    resolver, compiles the templates and connects to the database, about 300 ms that a running
    server paid long ago and that is no page's own time."""
    from concurrent.futures import ThreadPoolExecutor

    def get(url):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            return fetch(conn, url)
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for _ in range(rounds):
            for url in WARM_UP:
                list(pool.map(get, [url] * workers))


def sql_floor(url: str) -> tuple[float, int]:
    """The page's own SQL statements replayed on one connection (ms), and their number."""
    client = Client()
    headers = {"HX-Request": "true"} if url.startswith("hx:") else {}
    with CaptureQueriesContext(connection) as captured:
        client.get(url.removeprefix("hx:"), headers=headers)
    statements = [q["sql"] for q in captured.captured_queries]
    with connection.cursor() as cursor:
        started = time.perf_counter()
        for sql in statements:
            cursor.execute(sql.replace("%", "%%"))
            cursor.fetchall() if cursor.description else None
        return (time.perf_counter() - started) * 1000, len(statements)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--claims", type=int, help="default: mentions / 10")
    parser.add_argument("--sources", type=int, help="default: mentions / 50")
    parser.add_argument("--repeat", type=int, default=20, help="requests of the repeated page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--keep", action="store_true", help="reuse a filled database as it is")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    args.claims = args.claims or max(10, args.mentions // 10)
    args.sources = args.sources or max(5, args.mentions // 50)
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL.")

    from claims.models import Mention

    ensure_database()
    call_command("migrate", verbosity=0)  # --keep on a new, empty database: create the tables
    if not (args.keep and Mention.objects.count() >= args.mentions):
        fill(args)
    settings.ALLOWED_HOSTS = ["*"]
    mentions = Mention.objects.count()
    server, port = start_gunicorn(args.workers)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        warm_up(port, args.workers)
        urls = browser_urls()
        cold, sizes, statuses = [], {}, {}
        for url in urls:
            ms, status, size = fetch(conn, url)
            cold.append(ms)
            sizes[url], statuses[url] = size, status
        repeated = [fetch(conn, REPEATED)[0] for _ in range(args.repeat)]
        search = [fetch(conn, url) for url in SEARCH_ALL_COLD]
        sizes[SEARCH_ALL] = search[0][2]
        pages = {
            "claim page": "/claims/synthetic-claim-7/",
            "condition page": "/conditions/depression/",
            "home": "/",
        }
        others = {name: fetch(conn, url) for name, url in pages.items()}
        sizes.update({url: others[name][2] for name, url in pages.items()})
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    floors = [sql_floor(url) for url in urls]
    result = {
        "mentions": mentions,
        "server": f"gunicorn -w {args.workers}",
        "browser_cold": {
            "urls": len(urls),
            "p50_ms": round(statistics.median(cold), 1),
            "p95_ms": round(pct(cold, 95), 1),
            "max_ms": round(max(cold), 1),
            "sql_floor_p50_ms": round(statistics.median(f[0] for f in floors), 1),
            "sql_floor_p95_ms": round(pct([f[0] for f in floors], 95), 1),
            "queries_max": max(f[1] for f in floors),
            "errors": sorted(u for u, s in statuses.items() if s != 200),
        },
        "repeated": {
            "url": REPEATED,
            "p50_ms": round(statistics.median(repeated), 1),
            "p95_ms": round(pct(repeated, 95), 1),
            "sql_floor_ms": round(sql_floor(REPEATED)[0], 1),
        },
        "search_every_quote": {
            "url": SEARCH_ALL,
            "median_ms": round(statistics.median(s[0] for s in search), 1),
            "statuses": [s[1] for s in search],
            "sql_floor_ms": round(sql_floor(SEARCH_ALL)[0], 1),
        },
        "other_pages_ms": {name: round(r[0], 1) for name, r in others.items()},
        "largest_page": {"url": max(sizes, key=sizes.get), "kb": round(max(sizes.values()) / 1024)},
        "slowest_cold": sorted(zip(cold, urls, strict=True), reverse=True)[:3],
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    c, r, s = result["browser_cold"], result["repeated"], result["search_every_quote"]
    print(f"{mentions:,} mentions, {result['server']}")
    print(
        f"  browser, {c['urls']} URLs once each: p50 {c['p50_ms']} ms, p95 {c['p95_ms']} ms, "
        f"max {c['max_ms']} ms (SQL floor p50 {c['sql_floor_p50_ms']} ms, "
        f"p95 {c['sql_floor_p95_ms']} ms; at most {c['queries_max']} queries)"
    )
    print(f"  repeated page: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms (SQL {r['sql_floor_ms']})")
    print(
        f"  search matching every quote: {s['median_ms']} ms (SQL {s['sql_floor_ms']} ms), "
        f"HTTP {s['statuses']}"
    )
    for name, ms in result["other_pages_ms"].items():
        print(f"  {name}: {ms} ms")
    print(f"  largest page: {result['largest_page']['kb']} KB ({result['largest_page']['url']})")
    print("  slowest: " + "; ".join(f"{u} {ms:.0f} ms" for ms, u in result["slowest_cold"]))
    if c["errors"]:
        print(f"  NOT 200: {c['errors']}")


if __name__ == "__main__":
    main()
