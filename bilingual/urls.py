"""/<lang>/<guide>/side-by-side/ and /<lang>/<guide>/<section>/side-by-side/ (…/bilingue/ in Spanish).

Included in i18n_patterns before Wagtail's catch-all. Both languages' words are matched here and the view
answers 404 for the other language's word, as the whole-guide route does.
"""

from django.urls import re_path

from . import views

app_name = "bilingual"
WORDS = "|".join(views.SIDE_BY_SIDE_PATHS.values())

urlpatterns = [
    re_path(rf"^(?P<guide_slug>[-\w]+)/(?P<view_slug>{WORDS})/$", views.guide_side_by_side, name="guide"),
    re_path(
        rf"^(?P<guide_slug>[-\w]+)/(?P<section_slug>[-\w]+)/(?P<view_slug>{WORDS})/$",
        views.section_side_by_side,
        name="section",
    ),
]
