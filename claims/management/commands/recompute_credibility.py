from django.core.management.base import BaseCommand

from claims import credibility
from claims.models import Mention
from sources.models import Source


class Command(BaseCommand):
    help = (
        "Recompute every mention's overclaim flag and every source's credibility score. "
        "Signals keep both fresh; run this after bulk writes that bypass them (QuerySet.update)."
    )

    def handle(self, *args, **options):
        touched = Mention.objects.all().refresh_overclaims()
        changed = credibility.recompute(Source.objects.values_list("pk", flat=True))
        self.stdout.write(
            self.style.SUCCESS(
                f"Overclaim flags changed in {len(touched)} sources; "
                f"{len(changed)} credibility scores changed."
            )
        )
