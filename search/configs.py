"""PostgreSQL text-search configurations, one per content language: its own stemmer, accents ignored.

`allsite_es` is PostgreSQL's `spanish` with `unaccent` before the stemmer, so "medula" and "médula" are the
same word and "tratamientos" finds "tratamiento". Migration 0002 creates them and 0003 each language's
text index, on PostgreSQL only: a new language needs both, in a new migration.
"""

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

# language code -> (our configuration, the built-in one it copies, its stemming dictionary)
CONFIGS = {
    "en": ("allsite_en", "english", "english_stem"),
    "es": ("allsite_es", "spanish", "spanish_stem"),
}
FALLBACK_CONFIG = "simple"


def config_for(language: str) -> str:
    return CONFIGS[language][0] if language in CONFIGS else FALLBACK_CONFIG


def uses_postgres(using: BaseDatabaseWrapper | None = None) -> bool:
    """Full-text search where the database has it; folded substring matching (SQLite) elsewhere."""
    return (using or connection).vendor == "postgresql"
