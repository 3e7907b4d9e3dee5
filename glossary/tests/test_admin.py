"""Editors manage terms in the Wagtail admin: both languages side by side, search, filters, review."""

import pytest
import wagtail_factories
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.rich_text import features
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_glossary_glossaryterm:list")
ADD_URL = reverse("wagtailsnippets_glossary_glossaryterm:add")


def edit_url(term):
    return reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def form_data(term=None, **changes):
    values = {
        "slug": term.slug if term else "",
        "name_en": term.name_en if term else "",
        "name_es": (term.name_es or "") if term else "",
        "definition_en": rich_text(term.definition_en if term else ""),
        "definition_es": rich_text((term.definition_es or "") if term else ""),
        "related_links": inline_formset([]),
    }
    for name in ("pronunciation", "abbreviations", "other_names", "image_alt_text"):
        for language in ("en", "es"):
            values[f"{name}_{language}"] = (getattr(term, f"{name}_{language}") or "") if term else ""
    for name, value in changes.items():
        values[name] = rich_text(value) if name.startswith("definition_") else value
    return nested_form_data(values)


@pytest.fixture
def term():
    term = GlossaryTermFactory(slug="plonk", name_en="plonk", name_es="plonco", live=False)
    term.save_revision().publish()
    return term


def test_both_languages_side_by_side(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    row_start = html.index('name="name_en"')
    assert 'name="name_es"' in html[row_start : row_start + 3000], "Spanish name right after the English one"
    for field in ("pronunciation", "abbreviations", "other_names", "definition", "image_alt_text"):
        assert f'name="{field}_en"' in html and f'name="{field}_es"' in html
    assert "In English" in html and "In Spanish" in html


def test_search_finds_abbreviations_in_either_language(admin_client):
    for query in ("EMR", "MRD", "residual mínima"):
        html = admin_client.get(LIST_URL, {"q": query}).content.decode()
        assert "minimal residual disease" in html, query


def test_filter_terms_missing_spanish(admin_client):
    GlossaryTermFactory(slug="lonely", name_en="lonely term", name_es="", definition_es="")
    html = admin_client.get(LIST_URL, {"spanish": "missing"}).content.decode()
    assert "lonely term" in html and "minimal residual disease" not in html
    html = admin_client.get(LIST_URL, {"spanish": "complete", "q": "residual"}).content.decode()
    assert "lonely term" not in html and "minimal residual disease" in html


def test_an_editor_cannot_publish_a_new_term(client, django_user_model):
    client.force_login(user_in(django_user_model, "Editors", "ed"))
    response = client.post(
        ADD_URL, form_data(name_en="glorp", definition_en="<p>A glorp.</p>", **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    glorp = GlossaryTerm.objects.get(slug="glorp")
    assert not glorp.live
    assert client.get("/en/glossary/glorp/").status_code == 404


def test_a_change_is_reviewed_before_families_see_it(client, django_user_model, term):
    """Editor submits to the Glossary review workflow; a managing editor approves; then the site shows it."""
    client.force_login(user_in(django_user_model, "Editors", "ed"))
    response = client.post(
        edit_url(term), form_data(term, definition_en="<p>A better plonk.</p>", **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.has_unpublished_changes and term.workflow_in_progress
    assert "better" not in client.get("/api/glossary/plonk/?lang=en").content.decode()

    client.force_login(user_in(django_user_model, "Managing editors", "mod"))
    task_state = term.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_glossary_glossaryterm:workflow_action", args=[term.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": "Clear and correct."}).status_code in (200, 302)

    term.refresh_from_db()
    assert WorkflowState.objects.for_instance(term).get().status == WorkflowState.STATUS_APPROVED
    assert "A better plonk." in term.definition_en
    assert "A better plonk." in client.get("/api/glossary/plonk/?lang=en").content.decode()


def test_the_slug_cannot_change(admin_client, term):
    response = admin_client.post(
        edit_url(term), form_data(term, slug="renamed", **{"action-publish": "publish"})
    )
    assert response.status_code == 200
    assert "The slug cannot change" in response.content.decode()
    assert GlossaryTerm.objects.filter(slug="plonk").exists()


def test_a_name_used_by_another_term_is_refused(admin_client):
    response = admin_client.post(
        ADD_URL, form_data(name_en="Minimal Residual Disease", definition_en="<p>Again.</p>")
    )
    assert response.status_code == 200
    assert "is already used by the term" in response.content.decode()


def test_glossary_term_button_chooses_terms(admin_client):
    plugin = features.get_editor_plugin("draftail", "glossary")
    assert "wagtailadmin/js/chooser-modal.js" in str(plugin.media)
    assert "glossary/js/draftail-glossary.js" in str(plugin.media)
    chooser = admin_client.get(
        reverse("wagtailsnippetchoosers_glossary_glossaryterm:choose"), {"q": "residual"}
    )
    assert chooser.status_code == 200
    assert "minimal residual disease" in chooser.content.decode()


def test_an_image_needs_alternative_text(admin_client):
    image = wagtail_factories.ImageFactory()
    response = admin_client.post(
        ADD_URL, form_data(name_en="blorp", definition_en="<p>A blorp.</p>", image=str(image.pk))
    )
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it." in response.content.decode()
    assert not GlossaryTerm.objects.filter(name_en="blorp").exists()
