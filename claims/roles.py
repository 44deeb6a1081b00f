"""The two curation roles. Readers need no account; curators review; editors also grade,
merge and publish. Roles are groups, created after every migrate so a fresh database has them.

Access is decided by group membership (``is_curator`` / ``is_editor``), not by per-model
permissions, so one rule holds everywhere: anonymous visitors are sent to the login page, and a
logged-in user without the role gets 403. The groups also carry the matching model permissions so
that a role member made staff can do the same work in the admin.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

CURATOR = "curator"
EDITOR = "editor"

# Model permissions each role carries (app_label.codename), for the admin.
ROLE_PERMISSIONS = {
    CURATOR: [
        "sources.view_source",
        "sources.add_source",
        "sources.change_source",
        "sources.view_publisher",
        "sources.add_publisher",
        "sources.view_rubricanswer",
        "sources.add_rubricanswer",
        "sources.change_rubricanswer",
        "claims.view_claim",
        "claims.add_claim",
        "claims.view_mention",
        "claims.add_mention",
        "claims.change_mention",
        "claims.view_substance",
        "claims.view_condition",
    ],
    EDITOR: [
        "claims.change_claim",
        "claims.delete_claim",
        "claims.delete_mention",
        "sources.delete_source",
        "claims.add_substance",
        "claims.change_substance",
        "claims.add_condition",
        "claims.change_condition",
    ],
}


def ensure_groups() -> dict[str, Group]:
    """Create the role groups (idempotent) and give them their model permissions.

    Editors are curators too: the editor group carries both permission sets.
    """
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (CURATOR, EDITOR)}
    wanted = {
        CURATOR: ROLE_PERMISSIONS[CURATOR],
        EDITOR: ROLE_PERMISSIONS[CURATOR] + ROLE_PERMISSIONS[EDITOR],
    }
    all_names = {name for names in wanted.values() for name in names}
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type").filter(
            content_type__app_label__in={n.split(".")[0] for n in all_names},
            codename__in={n.split(".")[1] for n in all_names},
        )
    }
    for role, names in wanted.items():
        groups[role].permissions.add(*[found[n] for n in names if n in found])
    return groups


def create_groups_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver (connected in ClaimsConfig.ready)."""
    ensure_groups()


def _role_names(user) -> set[str]:
    # Cached on the user object: a page asks several times (nav, buttons, history).
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


def is_curator(user) -> bool:
    """Curators and editors (editors are curators too); superusers count as both."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or bool(_role_names(user) & {CURATOR, EDITOR})


def is_editor(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or EDITOR in _role_names(user)


def role_required(check: Callable, role: str) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied(f"This page is for {role}s.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


curator_required = role_required(is_curator, CURATOR)
editor_required = role_required(is_editor, EDITOR)


def roles(request) -> dict[str, bool]:
    """Template context: ``is_curator`` and ``is_editor`` for the current user."""
    user = getattr(request, "user", None)
    if user is None:
        return {"is_curator": False, "is_editor": False}
    return {"is_curator": is_curator(user), "is_editor": is_editor(user)}
