"""Page weight (not a test): what a section page, the whole guide and the glossary cost over the wire.

    .venv/bin/python bench/page_weight.py [URL ...]

Fetches each page through Django's test client from the configured database (DATABASE_URL, else
db.sqlite3; load the demo content first with `manage.py load_demo_content`), adds every stylesheet and
script the page references, and prints their sizes gzip-compressed at level 6 (as a server sends them) and
uncompressed. The page-weight budget: a guide section's HTML + CSS + JS under 30 KB compressed.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allsite.settings.test")

import django

django.setup()

from django.test import Client  # noqa: E402

from pages.page_weight import page_weight, table  # noqa: E402

PAGES = [
    "/en/childhood-all/phases-of-treatment/",
    "/es/lla-infantil/fases-del-tratamiento/",
    "/en/childhood-all/whole-guide/",
    "/es/lla-infantil/guia-completa/",
    "/en/glossary/",
    "/es/glosario/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*", default=PAGES)
    client = Client()
    for url in parser.parse_args().urls:
        print(f"\n{url}\n{table(page_weight(client, url))}")


if __name__ == "__main__":
    main()
