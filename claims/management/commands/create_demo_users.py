from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.roles import CURATOR, EDITOR, ensure_groups

# Development only: documented in the README, refused when DEBUG is off.
DEMO_USERS = [
    ("curator", "curator-dev-password", [CURATOR]),
    ("editor", "editor-dev-password", [CURATOR, EDITOR]),
]


class Command(BaseCommand):
    help = "Create the development curator and editor accounts (refused when DEBUG is off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo users are for development only; DEBUG is off.")
        groups = ensure_groups()
        User = get_user_model()
        for username, password, roles in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.save()
            user.groups.set([groups[role] for role in roles])
            state = "created" if created else "reset"
            self.stdout.write(f"{state} {username} / {password} ({', '.join(roles)})")
