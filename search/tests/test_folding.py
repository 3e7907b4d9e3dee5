"""Search folds as the glossary does, and also ñ -> n as PostgreSQL's unaccent does; lengths never change."""

from glossary.text import fold, searchable
from search.text import query_words, search_form


def test_search_folds_like_the_glossary_plus_enye_and_underscore():
    text = "Médula ósea: Niño_uno, B-cell"
    assert fold(text) == "medula osea: niño_uno, b-cell"
    assert searchable(text) == "medula osea  niño_uno  b cell"
    assert search_form(text) == "medula osea  nino uno  b cell"
    assert len(search_form(text)) == len(text)


def test_a_query_without_the_tilde_has_the_same_words():
    assert query_words("NIÑOS con LLA") == query_words("ninos con lla") == ["ninos", "con", "lla"]
