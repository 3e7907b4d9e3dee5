"""Glossary URLs: `pages` goes inside i18n_patterns under a translated prefix; the API has no language.

`urlpatterns` (the API alone) is also the URLconf API responses are checked against (see views._json).
"""

from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import views

pages = (
    [
        path("", views.glossary_index, name="index"),
        path(pgettext_lazy("URL path", "letter/<str:letter>/"), views.letter_index, name="letter"),
        path("<slug:slug>/", views.term_detail, name="term"),
    ],
    "glossary",
)

api = (
    [
        path("", views.api_search, name="search"),
        path("<slug:slug>/", views.api_term, name="term"),
    ],
    "glossary_api",
)

urlpatterns = [path("api/glossary/", include(api))]
