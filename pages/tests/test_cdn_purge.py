"""The CDN is purged once the content generation has been replaced at commit (pages/signals.py, serving first
in INSTALLED_APPS): purged earlier, it could fetch a page cached, before the commit, from the old data.

What a publication purges: serving/tests/test_cdn.py."""

import pytest
from wagtail.models import PageViewRestriction

from pages import signals
from pages.models import GuideSectionPage, HomePage
from serving.generation import current_generation

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation_at_purge(monkeypatch):
    """The content generation current when each purge ran, in order."""
    seen = []
    monkeypatch.setattr(signals, "purge_page_and_guide", lambda page: seen.append(current_generation()))
    return seen


def test_a_publication_purges_under_the_generation_of_its_commit(
    django_capture_on_commit_callbacks, generation_at_purge
):
    home = HomePage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
        before_commit = current_generation()
    assert len(generation_at_purge) == 1 and generation_at_purge[0] != before_commit


def test_a_page_made_private_is_purged_under_the_generation_of_its_commit(
    django_capture_on_commit_callbacks, generation_at_purge
):
    section = GuideSectionPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
        before_commit = current_generation()
    assert len(generation_at_purge) == 1 and generation_at_purge[0] != before_commit
