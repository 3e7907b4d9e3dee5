"""Searching the way a reader does (GET /en/search/?q=…) and reading the results back from the HTML."""

import re
from html import unescape
from urllib.parse import quote

from django.db import connection

from glossary.tests.helpers import make_section, paragraph

SEARCH_PATHS = {"en": "/en/search/", "es": "/es/buscar/"}
RESULT = re.compile(r'<li class="card search-result">\s*<h3><a href="([^"]+)">(.*?)</a></h3>(.*?)</li>', re.S)
SNIPPET = re.compile(r'<p class="search-result-snippet">(.*?)</p>', re.S)


def on_postgres():
    return connection.vendor == "postgresql"


def search(client, language, query, **params):
    """The response to a reader's search; `query` may hold any character (percent-encoded as UTF-8)."""
    url = SEARCH_PATHS[language] + "?q=" + quote(query.encode("utf-8", "surrogatepass"))
    url += "".join(f"&{name}={quote(str(value))}" for name, value in params.items())
    return client.get(url)


def results(response):
    """(url, title, snippet HTML) of each result shown, in order."""
    assert response.status_code == 200
    return [
        (url, unescape(title), (SNIPPET.search(rest) or [None, ""])[1].strip())
        for url, title, rest in RESULT.findall(response.content.decode())
    ]


def result_urls(client, language, query):
    """The URL of every result, on every page of results."""
    urls, page = [], 1
    while True:
        response = search(client, language, query, page=page)
        urls += [url for url, _title, _snippet in results(response)]
        if 'rel="next"' not in response.content.decode():
            return urls
        page += 1


def published_section(home, *paragraphs, **fields):
    """A section under a new guide in the home page's language, published the way editors publish."""
    section = make_section(home, [paragraph(f"<p>{text}</p>") for text in paragraphs], **fields)
    section.save_revision().publish()
    section.refresh_from_db()
    return section
