"""Offline URLs: `urlpatterns` at the site root (the worker must be at / to control every page, and the
manifests have no language prefix), `pages` inside i18n_patterns under translated paths."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path("sw.js", views.service_worker, name="offline_service_worker"),
    path("api/offline/guides/<int:guide_id>/", views.guide_manifest_view, name="offline_guide_manifest"),
]

pages = (
    [
        path(pgettext_lazy("URL path", "offline/"), views.fallback, name="fallback"),
        path(pgettext_lazy("URL path", "saved-guides/"), views.saved_guides, name="saved"),
        path("manifest.webmanifest", views.web_app_manifest, name="web_app_manifest"),
    ],
    "offline",
)
