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
            # The new rows also wait in the text indexes' pending lists (GIN "fast update"), which VACUUM
            # and autovacuum empty but ANALYZE does not: until then every search reads the whole list, and
            # the planner, counting it, may not use the index at all. Empty them now.
            table = SearchEntry._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute(f'ANALYZE "{table}"')
                cursor.execute(
                    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
                    " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
                    " WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                    [table],
                )
        if not verbosity:
            return
        languages = ", ".join(f"{language}: {count}" for language, count in sorted(counts.items()))
        self.stdout.write(f"Search index rebuilt: {sum(counts.values())} entries ({languages or 'none'}).")
