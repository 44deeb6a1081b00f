"""Canonical source URLs and whitespace-insensitive content hashes, and a report of duplicates.

Sources now store their URL in canonical form and hash their text with white space collapsed
(``sources.canonical``), so trivia no longer make a second source. This migration brings the
stored rows to that form.

Rows that were duplicates by trivia cannot all take the canonical value (URL and hash are
unique). What happens to them, and why:

- In each group of duplicates one source takes the canonical URL (or hash): the one already
  holding it, else the oldest (lowest id). The others keep their previous value, which is
  still unique, so the migration never fails on the unique constraints.
- Nothing is merged or deleted: two sources may each carry reviewed mentions, rubric answers
  and a publishing decision, and which to keep is an editor's call, not a migration's.
- Every group is printed ("Duplicate sources ...", with ids and titles) so they can be merged
  by hand. Until then, saving a kept-back duplicate in the admin is refused with a message
  naming the source it duplicates (model validation), never a database error.

It also adds ``Source.version`` (optimistic concurrency, ``sources.versioning``).

Reverse: a no-op (canonical URLs and the new hashes are valid under the old code too).
"""

import sys
from collections import defaultdict

from django.db import migrations, models

from sources.canonical import canonical_url, content_hash


def _winners(rows, target, current):
    """For each target value shared by several rows: the row that keeps it and the others."""
    groups = defaultdict(list)
    for row in rows:
        if target(row):
            groups[target(row)].append(row)
    plan = {}
    for value, members in groups.items():
        holder = next((r for r in members if current(r) == value), None)
        winner = holder or min(members, key=lambda r: r.pk)
        plan[value] = (winner, [r for r in members if r.pk != winner.pk])
    return plan


def canonicalise(apps, schema_editor):
    Source = apps.get_model("sources", "Source")
    rows = list(Source.objects.only("pk", "title", "url", "text", "content_hash").order_by("pk"))
    new_url = {r.pk: canonical_url(r.url) for r in rows}
    new_hash = {r.pk: content_hash(r.text) for r in rows}
    by_url = _winners(rows, lambda r: new_url[r.pk], lambda r: r.url)
    by_hash = _winners(rows, lambda r: new_hash[r.pk], lambda r: r.content_hash)

    kept_back_url = {r.pk for _, losers in by_url.values() for r in losers}
    kept_back_hash = {r.pk for _, losers in by_hash.values() for r in losers}
    for row in rows:
        changes = {}
        if row.pk not in kept_back_url and new_url[row.pk] != row.url:
            changes["url"] = new_url[row.pk]
        if row.pk not in kept_back_hash and new_hash[row.pk] != row.content_hash:
            changes["content_hash"] = new_hash[row.pk]
        if changes:
            Source.objects.filter(pk=row.pk).update(**changes)

    report = []
    for kind, plan in (("URL", by_url), ("text (white space aside)", by_hash)):
        for value, (winner, losers) in sorted(plan.items(), key=lambda item: item[1][0].pk):
            if losers:
                others = ", ".join(f"#{r.pk} “{r.title}”" for r in losers)
                shown = value if kind == "URL" else f"hash {value[:12]}…"
                report.append(
                    f"  same {kind} {shown}: #{winner.pk} “{winner.title}” keeps it; "
                    f"{others} kept their old value"
                )
    if report:
        sys.stdout.write(
            "\nDuplicate sources found (nothing merged or deleted; merge them by hand):\n"
            + "\n".join(report)
            + "\n"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('sources', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalsource',
            name='content_hash',
            field=models.CharField(db_index=True, editable=False, help_text='SHA-256 of the text with white space collapsed: the same text is never stored twice.', max_length=64),
        ),
        migrations.AlterField(
            model_name='historicalsource',
            name='url',
            field=models.URLField(blank=True, help_text='Where the article was found. Two sources cannot share a URL; it is stored without tracking parameters, fragment or trailing slash.', max_length=500),
        ),
        migrations.AlterField(
            model_name='source',
            name='content_hash',
            field=models.CharField(editable=False, help_text='SHA-256 of the text with white space collapsed: the same text is never stored twice.', max_length=64, unique=True),
        ),
        migrations.AlterField(
            model_name='source',
            name='url',
            field=models.URLField(blank=True, help_text='Where the article was found. Two sources cannot share a URL; it is stored without tracking parameters, fragment or trailing slash.', max_length=500),
        ),
        migrations.RunPython(canonicalise, migrations.RunPython.noop),
        # Optimistic concurrency (sources.versioning).
        migrations.AddField(model_name='historicalsource', name='version', field=models.PositiveIntegerField(default=1, editable=False, help_text='Bumped on every change: an edit made on an older version is refused.')),
        migrations.AddField(model_name='source', name='version', field=models.PositiveIntegerField(default=1, editable=False, help_text='Bumped on every change: an edit made on an older version is refused.')),
    ]
