"""Inside i18n_patterns under a translated prefix: /en/search/, /es/buscar/."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [path("", views.results, name="results")]
