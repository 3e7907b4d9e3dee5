"""Page weight budget: a guide section's HTML + CSS + JS, gzip-compressed, stays under 30 KB."""

import pytest

from pages.models import GuideSectionPage
from pages.page_weight import ASSET_URL, page_weight, table, total

pytestmark = pytest.mark.django_db
BUDGET = 30 * 1024


def test_every_demo_section_with_its_css_and_js_is_under_30_kb_compressed(client):
    sections = GuideSectionPage.objects.live().order_by("path")
    weights = {section.url: page_weight(client, section.url) for section in sections}
    assert len(weights) >= 40, "both demo guides in both languages"
    heaviest = max(weights.values(), key=total)
    print(f"\nHeaviest section of {len(weights)}:\n{table(heaviest)}")
    kinds = {resource.name.rsplit(".", 1)[-1] for resource in heaviest[1:]}
    assert kinds == {"css", "js"}, "the measure includes the stylesheet and the scripts"
    assert total(heaviest) < BUDGET, table(heaviest)


def test_the_measure_counts_every_stylesheet_and_script_a_page_references(client):
    html = client.get("/es/lla-infantil/fases-del-tratamiento/").content.decode()
    resources = page_weight(client, "/es/lla-infantil/fases-del-tratamiento/")
    assert [resource.name for resource in resources[1:]] == list(dict.fromkeys(ASSET_URL.findall(html)))
    assert all(0 < resource.compressed < resource.raw for resource in resources)
