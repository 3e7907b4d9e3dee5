import pytest

pytestmark = pytest.mark.django_db


def test_demo_content_serves_both_home_pages(client):
    assert client.get("/en/").status_code == 200
    assert client.get("/es/").status_code == 200
