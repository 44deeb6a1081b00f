"""An index for the browser's kind filter, and GIN indexes for the claims browser's full-text search, on PostgreSQL only.

The expressions are exactly those of ``claims.filters.mention_search_vector`` and
``claim_search_vector`` (``SearchVector(field, config="english")``), so the planner uses them for
``q=``. SQLite has no full-text search here (the browser falls back to ``icontains``): nothing to do.
"""

from django.db import migrations, models

INDEXES = [
    ("claims_mention", "mention_quote_search_idx", "quote"),
    ("claims_claim", "claim_statement_search_idx", "statement"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING GIN "
            f"(to_tsvector('english'::regconfig, COALESCE({column}, ''::text)))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_vocabularies")]

    operations = [
        migrations.AddIndex(
            model_name="mention",
            index=models.Index(fields=["kind"], name="mention_kind_idx"),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
