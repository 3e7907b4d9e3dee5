"""django-axes: five failed sign-ins lock that username from that address out for fifteen minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db
PASSWORD = "a long and good passphrase"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("locked-editor", "e@example.org", PASSWORD, is_superuser=True)
    return user


def attempt(client, password, address="203.0.113.5", username="locked-editor"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_user_out_from_that_address_with_a_clear_message(client, editor):
    for _ in range(4):
        response = attempt(client, "wrong")
        assert response.status_code == 200 and b"Your username and password didn" in response.content
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()

    # Even the right password is refused now, from that address…
    assert attempt(client, PASSWORD).status_code == 429
    # …while the same person elsewhere, and other people here, are not locked out.
    assert attempt(client, PASSWORD, address="198.51.100.7").status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, editor):
    for _ in range(5):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(client, PASSWORD).status_code == 302


def test_an_administrator_can_unlock_a_user(client, editor):
    for _ in range(5):
        attempt(client, "wrong")
    call_command("axes_reset_username", "locked-editor", verbosity=0)
    assert attempt(client, PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, editor):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


def test_weak_passwords_are_refused_when_a_user_sets_one(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "password1",
            "password-new_password2": "password1",
        },
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode() or "too short" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_administrators_see_lockouts_in_settings_and_unlock_by_deleting(client, editor):
    for _ in range(5):
        attempt(client, "wrong")
    lockout = AccessAttempt.objects.get(username="locked-editor")
    chief = get_user_model().objects.create_superuser("chief-admin", "c@example.org", PASSWORD)
    admin = type(client)()
    admin.force_login(chief)

    listing = admin.get("/admin/sign_in_lockouts/")
    assert listing.status_code == 200
    assert "locked-editor" in listing.content.decode() and "203.0.113.5" in listing.content.decode()
    assert admin.get("/admin/sign_in_lockouts/new/").status_code == 302  # lockouts are not made by hand
    assert admin.get(f"/admin/sign_in_lockouts/edit/{lockout.pk}/").status_code == 302

    assert admin.post(f"/admin/sign_in_lockouts/delete/{lockout.pk}/").status_code == 302
    assert not AccessAttempt.objects.filter(username="locked-editor").exists()
    assert attempt(client, PASSWORD).status_code == 302


def test_people_without_the_permission_cannot_see_lockouts(client, editor):
    from django.contrib.auth.models import Permission

    plain = get_user_model().objects.create_user("plain", "p@example.org", PASSWORD)
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(plain)
    assert client.get("/admin/sign_in_lockouts/").status_code == 302


def test_site_administrators_group_can_unlock(client, editor):
    from django.contrib.auth.models import Group

    for _ in range(5):
        attempt(client, "wrong")
    lockout = AccessAttempt.objects.get(username="locked-editor")
    admin = get_user_model().objects.create_user("group-site-admin", "g@example.org", PASSWORD)
    admin.groups.add(Group.objects.get(name="Site administrators"))
    client.force_login(admin)
    assert "locked-editor" in client.get("/admin/sign_in_lockouts/").content.decode()
    assert client.post(f"/admin/sign_in_lockouts/delete/{lockout.pk}/").status_code == 302
    assert not AccessAttempt.objects.filter(pk=lockout.pk).exists()
