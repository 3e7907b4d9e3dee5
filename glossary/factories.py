"""factory_boy factory for glossary terms, for tests that need glossaries of a chosen size."""

import factory

from .models import GlossaryTerm


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    """A live term saved directly (no revision): what the public site reads."""

    slug = factory.Sequence(lambda n: f"test-term-{n}")
    name_en = factory.Sequence(lambda n: f"test term {n}")
    definition_en = factory.LazyAttribute(lambda term: f"<p>What {term.name_en} means.</p>")
    name_es = factory.Sequence(lambda n: f"término de prueba {n}")
    definition_es = factory.LazyAttribute(lambda term: f"<p>Qué significa {term.name_es}.</p>")
    live = True

    class Meta:
        model = GlossaryTerm
