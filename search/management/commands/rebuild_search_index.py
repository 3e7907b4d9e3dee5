"""manage.py rebuild_search_index: rewrite every row of the search index from live, public content."""

from django.core.management.base import BaseCommand
from django.db import connection

from search.indexing import rebuild_index
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live, public guide page and live glossary term, in one "
        "transaction: readers see the old index or the new one, never half of it."
    )

    def handle(self, *args, verbosity, **options):
        counts = rebuild_index()
        if connection.vendor == "postgresql":
            # Every row was replaced: fresh statistics let PostgreSQL choose the text index at once rather
            # than after autovacuum gets round to the table (a stale plan scanned every row of the language).
            with connection.cursor() as cursor:
                cursor.execute(f'ANALYZE "{SearchEntry._meta.db_table}"')
        if not verbosity:
            return
        languages = ", ".join(f"{language}: {count}" for language, count in sorted(counts.items()))
        self.stdout.write(f"Search index rebuilt: {sum(counts.values())} entries ({languages or 'none'}).")
