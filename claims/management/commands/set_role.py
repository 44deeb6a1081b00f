"""Give an account a curation role (or take it away): the production way to make curators."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from claims.roles import CURATOR, EDITOR, ensure_groups

ROLES = {"reader": [], CURATOR: [CURATOR], EDITOR: [CURATOR, EDITOR]}


class Command(BaseCommand):
    help = (
        "Set a user's role: reader (no role), curator (adds and reviews articles) or editor "
        "(also grades, merges and publishes). --create makes the account, asking for a password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=list(ROLES))
        parser.add_argument("--create", action="store_true", help="Create the user if missing.")

    def handle(self, *args, username: str, role: str, create: bool, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if not create:
                raise CommandError(f"No user {username!r} (add --create to make one).")
            user = User(username=username)
            user.set_unusable_password()
            user.save()
            self.stdout.write(
                f"Created {username}; set a password with: manage.py changepassword {username}"
            )
        groups = ensure_groups()
        user.groups.remove(*groups.values())
        user.groups.add(*[groups[name] for name in ROLES[role]])
        self.stdout.write(f"{username} is now a {role}.")
