"""Our model signal receivers name their senders, as Wagtail's own do: one listening to every model would also
turn Django's bulk deletes of every other model (one DELETE) into a SELECT and row-by-row deletes.

That the receivers still do their work: test_invalidation.py (a deleted page leaves the cached contents) and
accounts/tests/test_roles.py (a new home page gets its tree's role rights)."""

import pytest

from glossary.models import TermOccurrence
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [SearchEntry, TermOccurrence])
def test_a_bulk_delete_of_index_rows_is_one_query(model, django_assert_num_queries):
    rows = model.objects.all()
    assert rows.count() > 10  # the demo content's search entries and glossary occurrences
    with django_assert_num_queries(1):
        rows.delete()
    assert not model.objects.exists()
