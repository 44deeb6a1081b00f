"""Print the claim-bearing sentences of .txt, .md or .html files as JSON lines."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import UnsupportedDocument, Vocabulary, document_text, extract


class Command(BaseCommand):
    help = (
        "Suggest claim mentions for each FILE (.txt, .md or .html): one JSON object per "
        "claim-bearing sentence (with --all, per sentence). Writes nothing to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--all", action="store_true", help="Print every sentence, with is_claim true or false."
        )
        parser.add_argument(
            "--seed-vocabulary",
            action="store_true",
            help="Use the seed vocabularies instead of the database's.",
        )

    def handle(self, *args, **options):
        paths = [Path(f) for f in options["files"]]
        for path in paths:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
        vocabulary = (
            Vocabulary.from_seed()
            if options["seed_vocabulary"]
            else Vocabulary.from_database_or_seed()
        )
        for path in paths:
            try:
                text = document_text(path.read_bytes(), path.name)
            except UnsupportedDocument as exc:
                raise CommandError(f"{path}: {exc}") from exc
            for analysis in extract(text, vocabulary, include_non_claims=options["all"]):
                row = {"file": str(path), **analysis.as_dict()}
                if not options["all"]:
                    row.pop("is_claim")
                self.stdout.write(json.dumps(row, ensure_ascii=False))
