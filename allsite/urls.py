"""URL map: the Wagtail admin without a language prefix, public pages under /en/ and /es/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from glossary import urls as glossary_urls
from glossary.sitemaps import GlossarySitemap
from offline import urls as offline_urls
from pages.sitemaps import PageSitemap
from pages.views import favicon, robots_txt
from serving.views import healthz

# The sections of sitemap.xml in order, for Wagtail's sitemap view (which passes each the request).
SITEMAPS = {"pages": PageSitemap, "glossary": GlossarySitemap}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(glossary_urls)),
    path("", include(offline_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no page of its own: LocaleMiddleware redirects it to /en/ or /es/ by Accept-Language.
# Translated prefixes (/en/glossary/, /es/glosario/; /en/search/, /es/buscar/) come before Wagtail's catch-all.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "glossary/"), include(glossary_urls.pages)),
    path(pgettext_lazy("URL path", "search/"), include("search.urls")),
    path("", include("bilingual.urls")),  # …/side-by-side/ under a guide or section page
    path("", include(offline_urls.pages)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# The styled error page in the reader's language, rendered without the database (404: Django's default view
# renders templates/404.html).
handler500 = "pages.views.server_error"
