"""The admin account `make run` creates: made once, password shown once or taken from the environment."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    """Sign in through the admin's own form (the door people use, with django-axes watching)."""
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302


def run(capsys):
    call_command("ensure_admin")
    return capsys.readouterr().out


def test_creates_a_superuser_once_and_prints_a_random_password_once(client, capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "first-admin")
    output = run(capsys)
    password = re.search(r"password: (\S+)", output).group(1)
    assert len(password) >= 12
    assert sign_in(client, "first-admin", password)
    assert client.get("/admin/").status_code == 200

    again = run(capsys)
    assert "already exists" in again and password not in again
    assert get_user_model().objects.filter(username="first-admin").count() == 1


def test_two_installations_get_different_passwords(capsys, monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "admin-one")
    first = re.search(r"password: (\S+)", run(capsys)).group(1)
    monkeypatch.setenv("ADMIN_USERNAME", "admin-two")
    second = re.search(r"password: (\S+)", run(capsys)).group(1)
    assert first != second


def test_password_from_the_environment_is_used_and_not_printed(client, capsys, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "env-admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-passphrase-for-tests")
    output = run(capsys)
    assert "a-long-passphrase-for-tests" not in output
    assert sign_in(client, "env-admin", "a-long-passphrase-for-tests")


def test_weak_password_from_the_environment_is_refused(monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "weak-admin")
    monkeypatch.setenv("ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError, match="too weak"):
        call_command("ensure_admin")
    assert not get_user_model().objects.filter(username="weak-admin").exists()
