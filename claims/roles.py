"""The two curation roles. Readers need no account; curators review; editors also grade,
merge and publish. Roles are groups, created after every migrate so a fresh database has them."""

from django.contrib.auth.models import Group

CURATOR = "curator"
EDITOR = "editor"


def ensure_groups() -> dict[str, Group]:
    return {name: Group.objects.get_or_create(name=name)[0] for name in (CURATOR, EDITOR)}
