"""Search matches whole claims: each public claim's statement and quotes are its search document.

- ``ClaimCard.quotes``: the quotes of the claim's public mentions, one per line.
- PostgreSQL: a stored generated ``search_vector`` on claims_claimcard (statement weighted A,
  quotes B) with a GIN index; claims_claim's statement-only vector goes (nothing reads it now).
  claims_mention keeps its vector: it picks the snippets.
- SQLite: the FTS5 table claims_claim_fts (statement, quotes) replaces claims_statement_fts.
- The read model is rebuilt by 0013 (claims/readmodel.py: only the latest migration changing
  its tables fills it).
"""

from django.db import migrations, models

CARD_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(statement, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(quotes, '')), 'B')"
)


def create_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            "ALTER TABLE claims_claimcard ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({CARD_VECTOR}) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX card_search_idx ON claims_claimcard USING GIN (search_vector)"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS claims_statement_fts")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE claims_claim_fts USING "
            "fts5(statement, quotes, tokenize='porter unicode61')"
        )


def drop_search(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE claims_claimcard DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english'::regconfig, COALESCE(statement, ''))) STORED"
        )
        schema_editor.execute("CREATE INDEX claim_search_idx ON claims_claim USING GIN (search_vector)")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS claims_claim_fts")
        schema_editor.execute(
            "CREATE VIRTUAL TABLE claims_statement_fts USING "
            "fts5(statement, tokenize='porter unicode61')"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0011_pending_extraction_progress"),
    ]

    operations = [
        migrations.AddField(
            model_name="claimcard",
            name="quotes",
            field=models.TextField(
                default="", help_text="Its public mentions' quotes, one per line: searched with it."
            ),
        ),
        migrations.RunPython(create_search, drop_search, elidable=False),
    ]
