"""The claim cards carry their filter values (claims/models.py ClaimCard.filter_values), and
their sort indexes include them and the numbers a row shows; the filter rows' indexes led by a
value whose rows are scattered, and by the claim, carry every filter column. On PostgreSQL, the
two tables are vacuumed after 1% of their rows changed, not 20%: index-only scans need the
visibility map that a vacuum sets, and every curation write rewrites a claim's rows. The read
model rebuilt: this is now the latest migration changing its tables (see claims/readmodel.py),
so 0014 no longer fills it."""

from django.db import migrations, models

# Storage parameters of the read model's tables (PostgreSQL; autovacuum's own defaults are 20%).
VACUUM_SOON = (
    "autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, "
    "autovacuum_analyze_scale_factor = 0.02"
)
TABLES = ["claims_browserow", "claims_claimcard"]


def vacuum_soon(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET ({VACUUM_SOON})")


def vacuum_as_default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        names = ", ".join(part.split(" = ")[0] for part in VACUUM_SOON.split(", "))
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} RESET ({names})")


def fill(apps, schema_editor):
    from claims import readmodel

    readmodel.rebuild()


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0014_facet_triple_counts'),
        ('sources', '0002_canonical_urls_and_text_hashes'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_substance_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_certainty_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_kind_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_grade_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_source_type_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_overclaim_idx',
        ),
        migrations.RemoveIndex(
            model_name='browserow',
            name='row_claim_idx',
        ),
        migrations.RemoveIndex(
            model_name='claimcard',
            name='card_sources_idx',
        ),
        migrations.RemoveIndex(
            model_name='claimcard',
            name='card_grade_idx',
        ),
        migrations.RemoveIndex(
            model_name='claimcard',
            name='card_statement_idx',
        ),
        migrations.AddField(
            model_name='claimcard',
            name='filter_values',
            field=models.TextField(db_default='', help_text="Every filter value its public mentions carry but the source, each as ',<facet code><value>,' (filter_value): a page filtered on one facet tests it while walking a sort index, with no probe of the filter rows per claim."),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['substance', 'claim'], include=('condition', 'grade', 'certainty', 'kind', 'source_type', 'source', 'is_overclaim'), name='row_substance_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['certainty', 'claim'], include=('condition', 'substance', 'grade', 'kind', 'source_type', 'source', 'is_overclaim'), name='row_certainty_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['kind', 'claim'], include=('condition', 'substance', 'grade', 'certainty', 'source_type', 'source', 'is_overclaim'), name='row_kind_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['grade', 'claim'], include=('condition', 'substance', 'certainty', 'kind', 'source_type', 'source', 'is_overclaim'), name='row_grade_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['source_type', 'claim'], include=('condition', 'substance', 'grade', 'certainty', 'kind', 'source', 'is_overclaim'), name='row_source_type_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(condition=models.Q(('is_overclaim', True)), fields=['claim'], include=('condition', 'substance', 'grade', 'certainty', 'kind', 'source_type', 'source'), name='row_overclaim_idx'),
        ),
        migrations.AddIndex(
            model_name='browserow',
            index=models.Index(fields=['claim', 'mention'], include=('condition', 'substance', 'grade', 'certainty', 'kind', 'source_type', 'source', 'is_overclaim'), name='row_claim_idx'),
        ),
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(models.OrderBy(models.F('n_sources'), descending=True), models.OrderBy(models.F('grade_rank'), descending=True), models.F('statement'), models.F('claim'), include=('filter_values', 'n_mentions', 'n_established', 'n_probable', 'n_possible', 'n_anecdotal', 'n_overclaims'), name='card_sources_idx'),
        ),
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(models.OrderBy(models.F('grade_rank'), descending=True), models.OrderBy(models.F('n_sources'), descending=True), models.F('statement'), models.F('claim'), include=('filter_values', 'n_mentions', 'n_established', 'n_probable', 'n_possible', 'n_anecdotal', 'n_overclaims'), name='card_grade_idx'),
        ),
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(fields=['statement', 'claim'], include=('filter_values', 'n_mentions', 'n_established', 'n_probable', 'n_possible', 'n_anecdotal', 'n_overclaims'), name='card_statement_idx'),
        ),
        migrations.RunPython(vacuum_soon, vacuum_as_default, elidable=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
