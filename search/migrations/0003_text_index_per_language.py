"""PostgreSQL only: one partial GIN index per language instead of one index over every language.

Every search is in one language. With a single index, a common word gave PostgreSQL the matches of every
language, to be cut down by the language's rows: either by reading each match from the table and dropping
the other language's, or by ANDing with the (language, kind) index, which reads every row of the language.
Either way the work grew with the whole index, not with the matches. A partial index per language has only
that language's rows, so the search query's `language = …` condition is answered by the index itself.
A new language needs its text-search configuration (0002) and its index here, in a new migration.
"""

from django.db import migrations

LANGUAGES = ["en", "es"]
TABLE = "site_search_searchentry"


def per_language(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS site_search_vector_{language} ON {TABLE} "
            f"USING gin (search_vector) WHERE language = '{language}'"
        )
    schema_editor.execute("DROP INDEX IF EXISTS site_search_vector_gin")


def one_for_all(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS site_search_vector_gin ON {TABLE} USING gin (search_vector)"
    )
    for language in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS site_search_vector_{language}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0002_postgres_text_search")]

    operations = [migrations.RunPython(per_language, one_for_all, elidable=False)]
