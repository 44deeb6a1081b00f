from django.core.management.base import BaseCommand
from django.db import transaction

from claims import derived
from claims.models import Mention
from sources.models import Source


class Command(BaseCommand):
    help = (
        "Recompute every mention's overclaim flag and every source's credibility score. "
        "Every write function keeps both fresh; run this after writes that bypass them "
        "(QuerySet.update, a database shell)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            result = derived.refresh(
                source_ids=Source.objects.values_list("pk", flat=True),
                mentions=Mention.objects.all(),
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Overclaim flags changed in {len(result.flags_changed_in)} sources; "
                f"{len(result.scores_changed)} credibility scores changed."
            )
        )
