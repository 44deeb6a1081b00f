"""Rebuild the readers' read model (claims/readmodel.py) from the curated data."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from claims import readmodel
from claims.models import BrowseRow, Claim, ClaimCard


class Command(BaseCommand):
    help = (
        "Rebuild the claims browser's read model (claim cards, filter rows, search index) from "
        "the curated data, after bulk loads that bypassed the curation screens. One transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", type=int, default=5000, help="Claims per INSERT ... SELECT (default 5000)."
        )

    def handle(self, *args, batch: int, **options):
        total = Claim.objects.count()
        with tqdm(
            total=total, unit="claims", disable=options["verbosity"] < 1, file=self.stderr
        ) as bar:
            readmodel.rebuild(progress=bar.update, batch=batch)
        self.stdout.write(
            self.style.SUCCESS(
                f"Read model rebuilt: {ClaimCard.objects.count():,} public claims, "
                f"{BrowseRow.objects.count():,} filter rows."
            )
        )
