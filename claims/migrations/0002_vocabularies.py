"""Load the starting substance and condition vocabularies, so a fresh database has them."""

from django.db import migrations

from claims import vocabulary_seed


def load(apps, schema_editor):
    vocabulary_seed.install(
        apps.get_model("claims", "Substance"), apps.get_model("claims", "Condition")
    )


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
