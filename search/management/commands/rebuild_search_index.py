"""manage.py rebuild_search_index: rewrite every row of the search index from live, public content."""

from django.core.management.base import BaseCommand

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live, public guide page and live glossary term, in one "
        "transaction: readers see the old index or the new one, never half of it."
    )

    def handle(self, *args, verbosity, **options):
        counts = rebuild_index()
        if not verbosity:
            return
        languages = ", ".join(f"{language}: {count}" for language, count in sorted(counts.items()))
        self.stdout.write(f"Search index rebuilt: {sum(counts.values())} entries ({languages or 'none'}).")
