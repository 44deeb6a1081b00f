"""Score the extractor against gold JSONL rows on the articles of a folder."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import Vocabulary, document_text, extract
from claims.extraction.scoring import evaluate

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")


class Command(BaseCommand):
    help = (
        "Run the extractor on the articles in DIR and score it against GOLD.jsonl (rows with "
        "article = file name without extension): claim precision/recall/F1, accuracy and "
        "macro-F1 for certainty, evidence cited and claim kind, F1 for substances and conditions."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", metavar="GOLD.jsonl")
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--errors", action="store_true", help="Also list missed and spurious sentences."
        )
        parser.add_argument(
            "--database-vocabulary",
            action="store_true",
            help="Use the database vocabularies (default: the seed, so no tables are needed).",
        )

    def handle(self, *args, **options):
        gold_path, directory = Path(options["gold"]), Path(options["directory"])
        if not gold_path.is_file():
            raise CommandError(f"No such gold file: {gold_path}")
        if not directory.is_dir():
            raise CommandError(f"No such directory: {directory}")
        gold_by_article = self._read_gold(gold_path)
        vocabulary = (
            Vocabulary.from_database_or_seed()
            if options["database_vocabulary"]
            else Vocabulary.from_seed()
        )
        # Every article of DIR: one with no gold row is all non-claims (its false alarms count).
        for path in sorted(directory.iterdir()):
            if path.suffix in EXTENSIONS and path.is_file():
                gold_by_article.setdefault(path.stem, [])
        predicted = {}
        for article in gold_by_article:
            path = self._find_article(directory, article)
            text = document_text(path.read_bytes(), path.name)
            predicted[article] = [a.as_dict() for a in extract(text, vocabulary)]
        gold_claims = {
            a: [r for r in rows if r.get("is_claim", True)] for a, rows in gold_by_article.items()
        }
        report = evaluate(gold_claims, predicted)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self._print(report, len(gold_by_article))
        if options["errors"]:
            for what, article, sentence in report.misses:
                self.stdout.write(f"{what}\t{article}\t{sentence}")
            for name, counts in report.confusion.items():
                wrong = {k: v for k, v in counts.items() if k[0] != k[1]}
                self.stdout.write(f"{name} confusions (gold, predicted): {wrong}")

    def _read_gold(self, path: Path) -> dict[str, list[dict]]:
        rows: dict[str, list[dict]] = {}
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    rows.setdefault(str(row["article"]), []).append(row)
                except (ValueError, KeyError, TypeError) as exc:
                    raise CommandError(f"{path}:{number}: not a gold row ({exc})") from exc
        return rows

    def _find_article(self, directory: Path, article: str) -> Path:
        for ext in EXTENSIONS:
            path = directory / f"{article}{ext}"
            if path.is_file():
                return path
        raise CommandError(f"No article {article!r} (.txt, .md or .html) in {directory}")

    def _print(self, report, articles: int) -> None:
        c = report.claims
        w = self.stdout.write
        w(f"articles: {articles}   matched claims: {report.matched}")
        w(
            f"claims          precision {c['precision']:.3f}  recall {c['recall']:.3f}  "
            f"F1 {c['f1']:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})"
        )
        for name, m in report.labels.items():
            w(f"{name:15} accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}  (n {m['n']})")
        for name, m in report.sets.items():
            w(
                f"{name:15} precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
                f"F1 {m['f1']:.3f}"
            )
        w(f"named study     accuracy {report.named_study_accuracy:.3f}")
        w(f"every label right (as-is): {report.all_right} of {report.gold} gold claims")
