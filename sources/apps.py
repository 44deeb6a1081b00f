from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Sources and credibility"

    def ready(self) -> None:
        # Keeps overclaim flags and credibility scores fresh (see sources/signals.py).
        from sources import signals  # noqa: F401
