"""Spanish readers get Spanish: a complete interface catalogue and no English left on Spanish pages."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Page

from pages.models import GuidePage
from translations.catalogue import read_po

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
# Common English words; organisation names such as "Children's Oncology Group" may stay in English.
ENGLISH_WORDS = re.compile(r"\b(the|and|your|with|what|when|this|treatment|page|guide)\b")


def visible_text(html):
    body = html.split("<body>", 1)[1]
    return unescape(re.sub(r"<[^>]+>", " ", body))


def spanish_urls():
    pages = Page.objects.live().filter(locale__language_code="es").specific()
    urls = [page.url for page in pages]
    urls += [guide.whole_guide_url() for guide in GuidePage.objects.live().filter(locale__language_code="es")]
    return urls


def test_spanish_pages_show_no_english_interface_strings(client):
    english_strings = [msgid for msgid, translations, _ in read_po(CATALOGUE) if msgid not in translations]
    for url in spanish_urls():
        text = visible_text(client.get(url).content.decode())
        # `s in text` first: the regular expression can only match where the string is, and most are absent.
        leftovers = [
            s for s in english_strings if s in text and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)
        ]
        assert leftovers == [], f"{url} shows English interface text: {leftovers}"


def test_spanish_content_reads_as_spanish(client):
    urls = spanish_urls()
    assert len(urls) >= 2 + 12 + 8 + 2
    for url in urls:
        text = visible_text(client.get(url).content.decode())
        english = sorted(set(ENGLISH_WORDS.findall(text.lower())))
        assert english == [], f"{url} has English words: {english}"
