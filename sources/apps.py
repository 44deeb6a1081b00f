from django.apps import AppConfig


class SourcesConfig(AppConfig):
    """Articles, publishers and rubric answers. A leaf app: it imports nothing from ``claims``;
    whatever reads mentions (credibility, comparisons, the source pages) lives in ``claims/``."""

    name = "sources"
    verbose_name = "Sources and credibility"
