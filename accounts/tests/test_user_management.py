"""Site administrators manage people in Settings → Users: invite with a one-time link, assign roles,
deactivate without losing anyone's work, and every step is in the audit log."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from accounts.roles import EDITORS, MANAGING_EDITORS, SITE_ADMINISTRATORS
from pages.models import BoardVote, GuidePage, GuideSectionPage

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def site_admin(client):
    admin = User.objects.create_user(
        "people_admin", "people.admin@example.org", first_name="Ada", last_name="Min"
    )
    admin.groups.add(Group.objects.get(name=SITE_ADMINISTRATORS))
    client.force_login(admin)
    return admin


def invite(client, username="nora", *groups):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": username,
            "email": f"{username}@example.org",
            "first_name": "Nora",
            "last_name": "Nueva",
            "groups": [group.pk for group in groups],
        },
    )


def link_in(message):
    return re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", message.body).group(1)


def sign_in(client, username, password):
    client.logout()
    return client.post("/admin/login/", {"username": username, "password": password}).status_code == 302


def choose_password(client, link):
    """Follow the emailed link to Wagtail's "set your password" form and submit it."""
    response = client.get(link)
    if response.status_code != 302:
        return False
    set_password_url = response["Location"]
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    return response.status_code == 302


def test_the_add_form_asks_for_no_password(client, site_admin):
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="username"' in html and 'name="groups"' in html
    assert 'name="password1"' not in html


def test_a_new_user_gets_a_role_and_sets_their_own_password_through_a_one_time_link(client, site_admin):
    editors = Group.objects.get(name=EDITORS)
    response = invite(client, "nora", editors)
    assert response.status_code == 302
    nora = User.objects.get(username="nora")
    assert list(nora.groups.all()) == [editors]
    assert not nora.has_usable_password()

    [message] = mail.outbox
    assert message.to == ["nora@example.org"]
    assert "nora" in message.body and "Ada Min" in message.body
    assert "password" not in message.body.split("http")[0].lower().replace("choose your password", "")
    link = link_in(message)

    client.logout()
    assert choose_password(client, link)
    assert sign_in(client, "nora", NEW_PASSWORD)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[GuideSectionPage.objects.first().pk])).status_code
        == 200
    )

    client.logout()
    assert not choose_password(client, link), "the link works once"


def test_creating_and_inviting_are_in_the_audit_log(client, site_admin):
    invite(client, "nora")
    nora = User.objects.get(username="nora")
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(nora.pk), user=site_admin).values_list("action", flat=True)
    )
    assert {"wagtail.create", "accounts.invitation_sent"} <= actions
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Invitation to choose a password sent to nora@example.org" in history


def test_a_new_invitation_replaces_the_old_link(client, site_admin):
    invite(client, "nora")
    nora = User.objects.get(username="nora")
    old_link = link_in(mail.outbox[0])
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    resend_url = reverse("accounts_resend_invitation", args=[nora.pk])
    assert resend_url in listing
    assert client.get(resend_url).status_code == 200
    assert client.post(resend_url).status_code == 302
    assert len(mail.outbox) == 2
    client.logout()
    assert not choose_password(client, old_link)
    assert choose_password(client, link_in(mail.outbox[1]))


def test_only_user_managers_may_send_invitations(client):
    nora = User.objects.create_user("nora", "nora@example.org")
    managing = User.objects.create_user("managing_only", "m@example.org")
    managing.groups.add(Group.objects.get(name=MANAGING_EDITORS))
    client.force_login(managing)
    response = client.post(reverse("accounts_resend_invitation", args=[nora.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")  # refused
    assert mail.outbox == []


class UnreachableMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@override_settings(EMAIL_BACKEND="accounts.tests.test_user_management.UnreachableMailServer")
def test_a_mail_failure_is_reported_and_the_user_is_kept(client, site_admin):
    response = invite(client, "nora")
    assert response.status_code == 302
    assert User.objects.filter(username="nora").exists()
    page = client.get(response["Location"]).content.decode()
    assert "could not be sent" in page


@pytest.fixture
def reviewer_with_history():
    """A board member with a password, a revision they wrote, a vote they cast and log entries."""
    reviewer = User.objects.get(username="ped_reviewer1")
    reviewer.set_password(NEW_PASSWORD)
    reviewer.save()
    author = User.objects.create_superuser("history_author", "a@example.org", None)
    section = GuideSectionPage.objects.child_of(GuidePage.objects.get(slug="childhood-all")).get(
        slug="risk-groups"
    )
    section.save_revision(user=reviewer)  # a revision of theirs
    draft = section.get_latest_revision_as_object()
    draft.revision_kind = "minor"
    draft.save_revision(user=author)
    section.get_workflow().start(section, author)
    state = GuideSectionPage.objects.get(pk=section.pk).current_workflow_task_state
    state.task.specific.on_action(state, reviewer, "approve", comment="Fine.", attested=True, conflict="none")
    return reviewer


def test_deactivating_a_user_keeps_their_revisions_votes_and_history(
    client, site_admin, reviewer_with_history
):
    reviewer = reviewer_with_history
    counts = {
        "revisions": Revision.objects.filter(user=reviewer).count(),
        "votes": BoardVote.objects.filter(user=reviewer).count(),
        "log": PageLogEntry.objects.filter(user=reviewer).count(),
    }
    assert all(counts.values()), counts

    reviewer_client = client.__class__()
    reviewer_client.force_login(reviewer)
    assert reviewer_client.get(reverse("wagtailadmin_home")).status_code == 200

    edit_url = reverse("wagtailusers_users:edit", args=[reviewer.pk])
    assert client.get(edit_url).status_code == 200
    data = {  # the edit form as sent with "Active" unticked
        "username": reviewer.username,
        "email": reviewer.email,
        "first_name": "Pat",
        "last_name": "Reviewer",
        "groups": [group.pk for group in reviewer.groups.all()],
    }
    assert client.post(edit_url, data).status_code == 302

    reviewer.refresh_from_db()
    assert not reviewer.is_active
    assert counts == {
        "revisions": Revision.objects.filter(user=reviewer).count(),
        "votes": BoardVote.objects.filter(user=reviewer).count(),
        "log": PageLogEntry.objects.filter(user=reviewer).count(),
    }
    assert ModelLogEntry.objects.filter(
        object_id=str(reviewer.pk), action="wagtail.edit", user=site_admin
    ).exists()
    # Their open session ends, and they cannot sign in again.
    assert reviewer_client.get(reverse("wagtailadmin_home")).status_code == 302
    assert not sign_in(client, "ped_reviewer1", NEW_PASSWORD)
