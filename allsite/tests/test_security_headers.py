"""Security headers on public pages and the admin, and `check --deploy` clean for production settings."""

import os
import secrets
import subprocess
import sys

import pytest
from csp.utils import build_policy
from django.conf import settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from serving.tests.servers import database_copy, database_url

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/en/", "/es/lla-infantil/", "/en/glossary/", "/en/no-such-page/"])
def test_public_pages_send_a_strict_policy_and_the_standard_headers(client, path):
    response = client.get(path)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_policy_sent_follows_the_settings(client, settings):
    """The public policy is built once per process: a changed setting (and a report-only one) still shows,
    as django-csp builds it."""
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"script-src": ["'self'"]}}
    response = client.get("/en/no-such-page/")
    assert directives(response["Content-Security-Policy"]) == {"default-src": ["'none'"]}
    assert response["Content-Security-Policy"] == build_policy()
    assert directives(response["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'"]
    assert response["Content-Security-Policy-Report-Only"] == build_policy(report_only=True)


def test_public_pages_carry_no_inline_script_or_style(client):
    body = client.get("/en/childhood-all/phases-of-treatment/").content.decode()
    for tag in body.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening
    assert "<style" not in body
    assert " style=" not in body


def test_the_admin_has_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_admin_preview_panel_may_frame_a_page_preview(admin_client):
    """Wagtail renders a preview through the middleware as a request for the page's public URL; the admin's
    preview panel frames it, so its policy must allow the admin as an ancestor (else Chromium shows an error)."""
    guide = Page.objects.get(url_path="/home/childhood-all/")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["pages", "guidesectionpage", guide.pk])
    data = nested_form_data(
        {
            "title": "Preview only",
            "slug": "preview-only",
            "summary": "Seen only in the preview.",
            "key_points": streamfield([("point", "A point.")]),
            "body": streamfield([("heading", {"text": "Preview heading", "anchor": ""})]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)
    assert "Preview heading" in response.content.decode()
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def production_environment():
    # The test run's own variables (settings module, async-unsafe flag for Playwright) are not production's.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/allsite_deploy_check",
        ALLOWED_HOSTS="guide.example.org",
        WAGTAILADMIN_BASE_URL="https://guide.example.org",
    )
    return env


def test_check_deploy_reports_no_issues_with_production_settings():
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            "--settings=allsite.settings.production",
        ],
        env=production_environment(),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.fixture(scope="module")
def production_database_url(django_db_setup, django_db_blocker):
    """A migrated database for a production process: on PostgreSQL a copy of the test database (so migrating
    finds nothing to do), on SQLite a throwaway in-memory database the process migrates."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield "sqlite://:memory:"
        return
    with database_copy(django_db_blocker, "production_check") as database:
        yield database_url(database)


def test_production_sends_hsts_and_secure_cookies_over_https(production_database_url):
    code = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from django.test import Client, override_settings\n"
        "from django.conf import settings\n"
        "override_settings(STORAGES={**settings.STORAGES, 'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}).enable()  # no collectstatic here\n"
        "response = Client().get('/admin/login/', secure=True, HTTP_HOST='guide.example.org')\n"
        "print(response['Strict-Transport-Security'])\n"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY)\n"
        "print(Client().get('/admin/login/', HTTP_HOST='guide.example.org').status_code)\n"
    )
    env = production_environment()
    env.update(DJANGO_SETTINGS_MODULE="allsite.settings.production", DATABASE_URL=production_database_url)
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    hsts, cookies, plain_http = result.stdout.splitlines()[-3:]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    assert cookies == "True True True"
    assert plain_http == "301"
