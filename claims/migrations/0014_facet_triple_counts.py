"""Facet counts per triple of facet values (claims/models.py FacetTripleCount); the claim cards'
sort indexes end with the claim (the whole sort key). The read model is filled by 0015, the
latest migration changing its tables (see claims/readmodel.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0013_facet_pair_counts'),
    ]

    operations = [
        migrations.CreateModel(
            name='FacetTripleCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('context', models.CharField(max_length=160)),
                ('other', models.CharField(max_length=16)),
                ('other_value', models.CharField(max_length=64)),
                ('claims', models.PositiveIntegerField()),
            ],
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
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(models.OrderBy(models.F('n_sources'), descending=True), models.OrderBy(models.F('grade_rank'), descending=True), models.F('statement'), models.F('claim'), name='card_sources_idx'),
        ),
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(models.OrderBy(models.F('grade_rank'), descending=True), models.OrderBy(models.F('n_sources'), descending=True), models.F('statement'), models.F('claim'), name='card_grade_idx'),
        ),
        migrations.AddIndex(
            model_name='claimcard',
            index=models.Index(fields=['statement', 'claim'], name='card_statement_idx'),
        ),
        migrations.AddConstraint(
            model_name='facettriplecount',
            constraint=models.UniqueConstraint(fields=('context', 'other', 'other_value'), name='facet_triple_count_once'),
        ),
    ]
