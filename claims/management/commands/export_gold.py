"""Write the demo corpus curation as gold JSONL for evaluate_extraction."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction.gold import gold_rows

DEMO = Path(__file__).resolve().parents[2] / "demo"


class Command(BaseCommand):
    help = (
        "Print the demo curation (claims/demo/curation/*.yaml) as gold JSONL: one row per "
        "curated mention, with the article stem, sentence, offsets and labels."
    )

    def add_arguments(self, parser):
        parser.add_argument("--curation", default=str(DEMO / "curation"))
        parser.add_argument("--articles", default=str(DEMO / "articles"))

    def handle(self, *args, **options):
        curation, articles = Path(options["curation"]), Path(options["articles"])
        if not curation.is_dir():
            raise CommandError(f"No curation folder: {curation}")
        rows = gold_rows(curation, articles)
        missing = [r for r in rows if r["start"] < 0]
        for row in rows:
            self.stdout.write(json.dumps(row, ensure_ascii=False))
        if missing:
            self.stderr.write(f"{len(missing)} quote(s) not found verbatim in their article.")
