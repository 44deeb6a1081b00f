from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.demo_corpus import DEMO_DIR, DemoDataError, DemoLoader
from claims.models import Mention


class Command(BaseCommand):
    help = "Load the demo corpus (26 curated articles in claims/demo/). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(DEMO_DIR), help="Folder of the demo files.")

    def handle(self, *args, **options):
        try:
            report = DemoLoader(Path(options["directory"])).load()
        except DemoDataError as exc:
            raise CommandError(f"Demo data error, nothing was loaded: {exc}") from exc
        created = report.created
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.sources} sources ({created['source']} new), "
                f"{report.claims} claims ({created['claim']} new), "
                f"{report.mentions} accepted mentions ({created['mention']} new)."
            )
        )
        if options["verbosity"] >= 2:
            mentions = Mention.objects.accepted()
            for label, field in [("certainty", "certainty"), ("evidence cited", "evidence_cited")]:
                counts = Counter(mentions.values_list(field, flat=True))
                line = ", ".join(f"{value} {n}" for value, n in counts.most_common())
                self.stdout.write(f"  by {label}: {line}")
