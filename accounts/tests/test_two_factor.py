"""Two-factor sign-in: set up through the admin, asked for at each sign-in, required for administrators."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.models import SignInSettings

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def code_for(device):
    """The code the person's app shows now: six digits, leading zeros included (TOTP.token() is an int)."""
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    return f"{token:0{device.digits}d}"


def next_code(device):
    """A code the device has not seen yet: as if the person waited for the app's next 30-second code.

    (A code is accepted only once, and the test runs faster than the app changes codes.)
    """
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, drift=0)
    device.refresh_from_db()
    return code_for(device)


def make_user(username, *, superuser=False, groups=()):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if not superuser:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def wait_out_throttle(user):
    """After a wrong code django-otp refuses the next try for a second or more; as if the person waited."""
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None, throttling_failure_count=0)


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return response


def turn_on(client, user):
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = re.search(r"<code>([A-Z2-7]+)</code>", page.content.decode()).group(1)
    assert key in device.config_url
    response = client.post("/admin/two-factor/", {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    return device


def test_a_person_turns_it_on_and_is_asked_for_a_code_at_the_next_sign_in(client):
    user = make_user("careful-editor")
    sign_in(client, "careful-editor")
    wrong = client.post("/admin/two-factor/", {"code": "000000"})
    assert "did not match" in wrong.content.decode()
    wait_out_throttle(user)
    device = turn_on(client, user)
    assert device.confirmed
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_enabled", user=user).exists()

    client.post("/admin/logout/")
    sign_in(client, "careful-editor")
    response = client.get("/admin/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/?next=%2Fadmin%2Faccount%2F")

    assert "did not match" in client.post(response["Location"], {"code": "123456"}).content.decode()
    assert "Too many wrong codes" in client.post(response["Location"], {"code": "654321"}).content.decode()
    wait_out_throttle(user)
    verified = client.post(response["Location"], {"code": next_code(device)})
    assert verified["Location"] == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_the_code_step_never_redirects_to_another_site(client):
    user = make_user("redirect-check")
    sign_in(client, "redirect-check")
    device = turn_on(client, user)
    client.post("/admin/logout/")
    sign_in(client, "redirect-check")
    response = client.post(
        "/admin/two-factor/verify/?next=https://evil.example/", {"code": next_code(device)}
    )
    assert response["Location"] == "/admin/"


def test_a_person_can_turn_it_off_with_a_code(client):
    user = make_user("changes-mind")
    sign_in(client, "changes-mind")
    device = turn_on(client, user)
    response = client.post("/admin/two-factor/", {"code": next_code(device)})
    assert response.status_code == 302, response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert ModelLogEntry.objects.filter(action="accounts.two_factor_disabled", user=user).exists()


def test_required_for_administrators_only_when_the_setting_is_on(client):
    admin = make_user("chief", superuser=True)
    editor = make_user("plain-editor")
    sign_in(client, "chief")
    assert client.get("/admin/pages/").status_code == 200

    settings_url = client.get("/admin/settings/accounts/signinsettings/")["Location"]
    saved = client.post(settings_url, {"require_two_factor_for_administrators": "on"})
    assert saved.status_code == 302
    assert SignInSettings.load().require_two_factor_for_administrators
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/"

    device = turn_on(client, admin)
    assert client.get("/admin/pages/").status_code == 200
    refused = client.post("/admin/two-factor/", {"code": next_code(device)}, follow=True)
    assert "required for administrators" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()

    client.post("/admin/logout/")
    sign_in(client, "plain-editor")
    assert client.get("/admin/").status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_site_administrators_group_members_are_administrators_too(client):
    make_user("group-admin", groups=["Site administrators"])
    SignInSettings.objects.update_or_create(defaults={"require_two_factor_for_administrators": True})
    sign_in(client, "group-admin")
    assert client.get("/admin/")["Location"] == "/admin/two-factor/"
