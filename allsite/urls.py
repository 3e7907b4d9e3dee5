"""URL map: the Wagtail admin without a language prefix, public pages under /en/ and /es/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from glossary import urls as glossary_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(glossary_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no page of its own: LocaleMiddleware redirects it to /en/ or /es/ by Accept-Language.
# The glossary's prefix is translated (/en/glossary/, /es/glosario/) and comes before Wagtail's catch-all.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "glossary/"), include(glossary_urls.pages)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
