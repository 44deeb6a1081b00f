from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and vocabularies"

    def ready(self) -> None:
        from claims.roles import create_groups_after_migrate

        post_migrate.connect(create_groups_after_migrate, sender=self)
