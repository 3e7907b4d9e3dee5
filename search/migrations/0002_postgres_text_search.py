"""PostgreSQL only: unaccent, one text-search configuration per language, and the GIN index.

allsite_en / allsite_es copy PostgreSQL's english / spanish configurations and put `unaccent` before the
stemmer for words with non-ASCII letters, so accents never matter and stemming follows the language.
SQLite has none of this: search falls back to folded substring matching there (search/query.py).
"""

from django.db import migrations

CONFIGS = [("allsite_en", "english", "english_stem"), ("allsite_es", "spanish", "spanish_stem")]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, source, stemmer in CONFIGS:
        schema_editor.execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source});
                END IF;
            END $$"""
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS site_search_vector_gin ON site_search_searchentry USING gin (search_vector)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS site_search_vector_gin")
    for name, _source, _stemmer in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_search_entry")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
