"""Facet counts per pair of facet values (claims/models.py FacetPairCount); read-model rows no
longer cascade on deletion (the write's refresh removes them, counting them out first). The read
model is filled by 0014, the latest migration changing its tables (see claims/readmodel.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0012_claim_search_documents'),
    ]

    operations = [
        migrations.CreateModel(
            name='FacetPairCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(max_length=16)),
                ('value', models.CharField(max_length=64)),
                ('other', models.CharField(max_length=16)),
                ('other_value', models.CharField(max_length=64)),
                ('claims', models.PositiveIntegerField()),
            ],
            options={
                'indexes': [models.Index(models.F('facet'), models.F('value'), models.F('other'), models.OrderBy(models.F('claims'), descending=True), name='facet_pair_top_idx')],
                'constraints': [models.UniqueConstraint(fields=('facet', 'value', 'other', 'other_value'), name='facet_pair_count_once')],
            },
        ),
        migrations.AlterField(
            model_name='browserow',
            name='claim',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.claim'),
        ),
        migrations.AlterField(
            model_name='browserow',
            name='condition',
            field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.condition'),
        ),
        migrations.AlterField(
            model_name='browserow',
            name='mention',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.mention'),
        ),
        migrations.AlterField(
            model_name='browserow',
            name='source',
            field=models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.source'),
        ),
        migrations.AlterField(
            model_name='browserow',
            name='substance',
            field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='claims.substance'),
        ),
        migrations.AlterField(
            model_name='claimcard',
            name='claim',
            field=models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='card', serialize=False, to='claims.claim'),
        ),
    ]
