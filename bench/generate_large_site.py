"""Grow a site to scale: 2,000 sections per language (in 100 guides of 20) and 5,000 glossary terms.

    DJANGO_SETTINGS_MODULE=… DATABASE_URL=… .venv/bin/python bench/generate_large_site.py

Run by bench/scale.py on its own database, after the demo content: the demo guides stay as they are, so
the same pages can be measured on a small and a large site. Pages are added live, without revisions, with
Wagtail's search and reference indexing switched off while they are saved (each save would otherwise index
the page on its own: about 10 s a guide); then the site's search index (`rebuild_search_index`) and
Wagtail's admin search index (`update_index`) are rebuilt once each.
"""

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.production")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from wagtail.signal_handlers import disable_reference_index_auto_update  # noqa: E402

from glossary.models import GlossaryTerm  # noqa: E402
from glossary.snapshot import glossary_changed  # noqa: E402
from pages.factories import body_blocks  # noqa: E402
from pages.models import GuidePage, GuideSectionPage, HomePage  # noqa: E402

GUIDES, SECTIONS_PER_GUIDE, TERMS = 100, 20, 5000


def add_guides(home, language):
    for number in range(GUIDES):
        slug = f"synthetic-guide-{number}"
        if GuidePage.objects.child_of(home).filter(slug=slug).exists():
            continue
        with transaction.atomic():
            guide = home.add_child(
                instance=GuidePage(
                    title=f"Synthetic guide {number} ({language})", slug=slug, summary="Synthetic."
                )
            )
            for section in range(SECTIONS_PER_GUIDE):
                guide.add_child(
                    instance=GuideSectionPage(
                        title=f"Synthetic section {number}.{section}",
                        slug=f"section-{section}",
                        summary="A synthetic section.",
                        body=body_blocks(12),
                    )
                )
        print(f"{language}: guide {number + 1}/{GUIDES}", flush=True)


SYLLABLES = ("ba", "ce", "di", "lo", "mu", "ner", "pa", "qui", "ro", "sen", "ta", "vel", "xo", "zan")
KINDS = {
    "en": ("cell", "count", "test", "syndrome", "therapy", "marrow", "antigen", "scan", "level", "protein"),
    "es": (
        "célula",
        "recuento",
        "prueba",
        "síndrome",
        "terapia",
        "médula",
        "antígeno",
        "estudio",
        "nivel",
        "proteína",
    ),
}


def term_name(number, language):
    """A made-up name spread over the language's alphabet ("Tavelro count 12"), so each letter's page and
    the glossary search have a realistic share of the 5,000 terms, and names have a real word in them."""
    alphabet = {"en": "abcdefghijklmnopqrstuvwxyz", "es": "abcdefghijklmnñopqrstuvwxyz"}[language]
    rng = random.Random(f"{language}-{number}")  # noqa: S311 (made-up names, repeatable)
    word = alphabet[number % len(alphabet)] + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    kind = rng.choice(KINDS[language])
    return f"{word[0].upper()}{word[1:]} {kind} {number}"


def add_terms():
    """The synthetic terms, made afresh each run (a bulk insert of 5,000 rows takes a second)."""
    GlossaryTerm.objects.filter(slug__startswith="synthetic-").delete()
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            slug=f"synthetic-{number}",
            name_en=term_name(number, "en"),
            definition_en=f"<p>A made-up term used to test a large glossary. It is term {number} of {TERMS}, "
            "and it means nothing at all.</p>",
            name_es=term_name(number, "es"),
            definition_es=f"<p>Un término inventado para probar un glosario grande. Es el término {number} "
            f"de {TERMS} y no significa nada.</p>",
            live=True,
        )
        for number in range(TERMS)
    )
    glossary_changed()


def without_search_updates():
    """Wagtail's documented switch: a search backend with AUTO_UPDATE off is not updated on save."""
    backends = {
        name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


if __name__ == "__main__":
    with without_search_updates(), disable_reference_index_auto_update():
        for home in HomePage.objects.select_related("locale"):
            add_guides(home, home.locale.language_code)
    add_terms()
    print("Rebuilding the search indexes…", flush=True)
    call_command("rebuild_search_index")
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:  # after a bulk load, as any DBA would: no dead rows, fresh statistics
        cursor.execute("VACUUM ANALYZE")
    print(
        f"{GuideSectionPage.objects.live().count()} live sections, "
        f"{GlossaryTerm.objects.filter(live=True).count()} live terms"
    )
