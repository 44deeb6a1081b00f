from django.core.management.base import BaseCommand

from claims import credibility
from sources.models import Source

SHORT = {
    "authorship": "auth",
    "attribution": "attr",
    "disclosure": "discl",
    "currency": "curr",
    "claim_sources": "srcs",
    "risks_described": "risks",
    "uncertainty": "uncert",
    "balanced": "bal",
    "alternatives": "alts",
    "named_study": "named",
    "overclaim_rate": "overcl",
    "publisher_overclaim_rate": "pub-oc",
    "commercial_interest": "comm",
}


class Command(BaseCommand):
    help = "Print every source's credibility score and each item's points (answer or measure)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Include drafts, not only published sources."
        )

    def handle(self, *args, **options):
        sources = Source.objects.all() if options["all"] else Source.objects.published()
        rows = sorted(
            credibility.with_breakdowns(credibility.with_credibility(sources)),
            key=lambda s: (s.credibility_score is None, -(s.credibility_score or 0), s.title),
        )
        head = f"{'#':>3} {'source':40} {'score':>5} " + " ".join(
            f"{name:>6}" for name in SHORT.values()
        )
        self.stdout.write(head)
        for source in rows:
            cred = source.credibility
            cells = []
            for item in cred.items:
                cells.append(f"{item.points_display:>6}")
            score = "–" if cred.score is None else str(cred.score)
            self.stdout.write(
                f"{source.pk:>3} {source.title[:40]:40} {score:>5} " + " ".join(cells)
            )
        self.stdout.write("")
        self.stdout.write(
            "Weights: "
            + ", ".join(f"{SHORT[item.key]} {item.weight}" for item in rows[0].credibility.items)
            if rows
            else "No sources."
        )
        self.stdout.write("")
        for source in rows:
            cred = source.credibility
            band = cred.band.label if cred.band else "not scored"
            self.stdout.write(
                f"{source.title} — {cred.score if cred.score is not None else '–'}/100 ({band})"
            )
            for item in cred.items:
                note = f" — {item.note}" if item.note else ""
                self.stdout.write(
                    f"  {item.name:26} {item.points_display:>4}/{item.weight:<3} {item.value}{note}"
                )
            profile = ", ".join(f"{bar.value} {bar.count}" for bar in cred.certainty_profile)
            self.stdout.write(f"  certainty: {profile}")
            profile = ", ".join(
                f"{bar.value} {bar.count}" for bar in cred.evidence_profile if bar.count
            )
            self.stdout.write(f"  evidence cited: {profile}")
            for reason in cred.missing:
                self.stdout.write(f"  not scored: {reason}")
