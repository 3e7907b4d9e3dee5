"""`manage.py rebuild_search_index` writes the whole index again from live, public content."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.models import SearchEntry

from .helpers import result_urls

pytestmark = pytest.mark.django_db


def test_rebuild_restores_a_lost_index(client):
    before = sorted(SearchEntry.objects.values_list("language", "kind", "title", "url"))
    assert "/es/glosario/quimioterapia-intratecal/" in result_urls(client, "es", "intratecal")
    SearchEntry.objects.all().delete()
    assert result_urls(client, "es", "intratecal") == []

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert sorted(SearchEntry.objects.values_list("language", "kind", "title", "url")) == before
    en, es = (SearchEntry.objects.filter(language=code).count() for code in ("en", "es"))
    assert out.getvalue().strip() == f"Search index rebuilt: {en + es} entries (en: {en}, es: {es})."
    assert "/es/glosario/quimioterapia-intratecal/" in result_urls(client, "es", "intratecal")


def test_a_search_kept_from_before_a_rebuild_finds_the_new_rows(client, render_cache):
    """Every row is new after a rebuild: searches' rankings kept for the content generation must go too."""
    before = result_urls(client, "es", "intratecal")
    call_command("rebuild_search_index", verbosity=0)
    assert result_urls(client, "es", "intratecal") == before


def test_the_demo_content_is_indexed_in_both_languages():
    """load_demo_content (run once for the test session) leaves every guide, section and term findable."""
    from glossary.models import GlossaryTerm
    from pages.models import GuidePage, GuideSectionPage

    for code in ("en", "es"):
        indexed = SearchEntry.objects.filter(language=code)
        assert (
            indexed.filter(kind="guide").count()
            == GuidePage.objects.live().filter(locale__language_code=code).count()
        )
        assert (
            indexed.filter(kind="section").count()
            == GuideSectionPage.objects.live().filter(locale__language_code=code).count()
        )
        assert (
            indexed.filter(kind="term").count()
            == GlossaryTerm.objects.filter(live=True).exclude(**{f"name_{code}": ""}).count()
        )
