"""How long ``export_kb`` and a streamed CSV download take on a large knowledge base, and how
much memory they use (it should stay flat as rows grow).

Fills a separate PostgreSQL database (default ``kb_bench_export``) with synthetic published
mentions the way bench/browse_scale.py does, then runs ``manage.py export_kb`` in a child
process (peak resident memory from the operating system) and streams ``/claims/export.csv``
through Django's test client (rows, bytes, seconds, peak resident memory).

    .venv/bin/python bench/export_scale.py [--mentions 1000000] [--keep]
"""

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kb_bench_export")
os.environ["BENCH_DATABASE_URL"] = URL
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from browse_scale import FILL_SQL  # noqa: E402  (sets Django up on the same database)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402


def fill(mentions: int, claims: int, sources: int) -> None:
    from claims import vocabulary_seed
    from claims.models import Condition, Substance

    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    vocabulary_seed.install(Substance, Condition)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            FILL_SQL,
            {
                "mentions": mentions,
                "claims": claims,
                "sources": sources,
                "period": math.lcm(sources, 390, claims),
            },
        )
        cursor.execute("VACUUM ANALYZE")
    print(f"  filled in {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=5_000)
    parser.add_argument("--sources", type=int, default=2_000)
    parser.add_argument("--keep", action="store_true", help="reuse a filled database as it is")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark needs PostgreSQL.")
    from claims.models import Mention

    if not (args.keep and Mention.objects.count() >= args.mentions):
        print(f"filling {settings.DATABASES['default']['NAME']}: {args.mentions:,} mentions ...")
        fill(args.mentions, args.claims, args.sources)
    total = Mention.objects.public().count()
    print(f"{total:,} public mentions")

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "export_kb", folder, "-v0"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "DATABASE_URL": URL},
        )
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        sizes = {p.name: p.stat().st_size for p in Path(folder).iterdir()}
    print(f"  export_kb: {seconds:.1f} s, peak memory {peak_mb:.0f} MB")
    for name, size in sorted(sizes.items()):
        print(f"    {name}: {size:,} bytes")

    settings.ALLOWED_HOSTS = ["*"]
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    response = Client().get("/claims/export.csv")
    rows = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\r\n")
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  /claims/export.csv: {rows - 1:,} rows, {size:,} bytes in {seconds:.1f} s, "
        f"peak memory of the process {peak_mb:.0f} MB (before the download {before_mb:.0f} MB)"
    )


if __name__ == "__main__":
    main()
