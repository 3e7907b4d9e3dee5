"""Flash messages with a storage made on first use (serving/messages.py): shown as before, nothing stored
for a request that never used them."""

import pytest
from django.utils.functional import empty

pytestmark = pytest.mark.django_db


def test_a_message_added_before_a_redirect_is_shown_after_it(admin_client):
    response = admin_client.post("/admin/logout/")
    assert response.status_code == 302
    assert "messages" in response.cookies  # the cookie storage kept it for the next request
    login_page = admin_client.get(response["Location"])
    assert "You have been successfully logged out." in login_page.content.decode()
    assert admin_client.cookies["messages"].value == ""  # shown once, then gone


def test_a_message_left_unread_is_still_there_on_the_next_page(admin_client):
    admin_client.post("/admin/logout/")
    admin_client.get("/en/")  # a public page does not read messages
    login_page = admin_client.get("/admin/login/")
    assert "You have been successfully logged out." in login_page.content.decode()


def test_a_page_that_uses_no_message_never_makes_the_storage(client):
    response = client.get("/en/childhood-all/phases-of-treatment/")
    assert response.status_code == 200
    assert "messages" not in response.cookies
    assert vars(response.wsgi_request)["_messages"]._wrapped is empty
