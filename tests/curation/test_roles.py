"""Roles: groups exist after migrate, carry their permissions; demo users are development only."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from claims.roles import CURATOR, EDITOR, is_curator, is_editor

pytestmark = pytest.mark.django_db


def test_migrate_creates_both_role_groups_with_permissions():
    curator, editor = Group.objects.get(name=CURATOR), Group.objects.get(name=EDITOR)
    curator_perms = set(curator.permissions.values_list("codename", flat=True))
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    assert {"add_source", "change_mention", "add_claim"} <= curator_perms
    assert "change_claim" not in curator_perms  # grading is for editors
    assert {"change_claim", "delete_claim"} | curator_perms <= editor_perms


def test_role_checks(user_factory, curator, editor, reader):
    superuser = user_factory("root", is_superuser=True)
    assert (is_curator(reader), is_editor(reader)) == (False, False)
    assert (is_curator(curator), is_editor(curator)) == (True, False)
    assert (is_curator(editor), is_editor(editor)) == (True, True)
    assert (is_curator(superuser), is_editor(superuser)) == (True, True)


@override_settings(DEBUG=True)
def test_demo_users_are_created_with_their_roles(django_user_model, client):
    call_command("create_demo_users", stdout=io.StringIO())
    editor = django_user_model.objects.get(username="editor")
    assert is_editor(editor)
    response = client.post(
        "/accounts/login/", {"username": "curator", "password": "curator-dev-password"}
    )
    assert response.status_code == 302
    assert client.get("/curate/").status_code == 200


@override_settings(DEBUG=False)
def test_demo_users_are_refused_outside_development(django_user_model):
    with pytest.raises(CommandError, match="development only"):
        call_command("create_demo_users")
    assert not django_user_model.objects.filter(username="curator").exists()


def test_set_role_makes_and_unmakes_editors(django_user_model, reader):
    out = io.StringIO()
    call_command("set_role", "reader", "editor", stdout=out)
    assert is_editor(django_user_model.objects.get(pk=reader.pk))
    call_command("set_role", "reader", "curator", stdout=out)
    user = django_user_model.objects.get(pk=reader.pk)
    assert is_curator(user) and not is_editor(user)
    call_command("set_role", "newbie", "curator", "--create", stdout=out)
    assert is_curator(django_user_model.objects.get(username="newbie"))
    with pytest.raises(CommandError, match="No user"):
        call_command("set_role", "ghost", "editor")
