"""What a page costs a family on a weak connection: its HTML plus the CSS and JS it loads, gzip-compressed.

Used by pages/tests/test_page_weight.py (the budget) and bench/page_weight.py (the table in
docs/performance.md).
"""

import gzip
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

GZIP_LEVEL = 6  # what nginx and WhiteNoise use by default
ASSET_URL = re.compile(r'<(?:link\b[^>]*\brel="stylesheet"[^>]*\bhref|script\b[^>]*\bsrc)="([^"]+)"')


@dataclass(frozen=True)
class Resource:
    name: str
    raw: int
    compressed: int


def compressed_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL))


def page_weight(client: Client, url: str) -> list[Resource]:
    """[HTML, then each stylesheet and script the page references], fetched through `client`."""
    response = client.get(url)
    if response.status_code != 200:
        raise ValueError(f"{url} answered {response.status_code}")
    html = response.content
    resources = [Resource(url, len(html), compressed_size(html))]
    for asset_url in dict.fromkeys(ASSET_URL.findall(html.decode())):
        if not asset_url.startswith(settings.STATIC_URL):
            raise ValueError(f"{url} loads {asset_url}, which is not one of the site's static files")
        path = finders.find(asset_url.removeprefix(settings.STATIC_URL))
        if path is None:
            raise ValueError(f"{url} loads {asset_url}, which the static file finders cannot find")
        data = Path(path).read_bytes()
        resources.append(Resource(asset_url, len(data), compressed_size(data)))
    return resources


def total(resources: Iterable[Resource]) -> int:
    return sum(resource.compressed for resource in resources)


def table(resources: Sequence[Resource]) -> str:
    """A plain-text table: each resource's size as sent (gzip) and uncompressed, and the total."""
    width = max(len(resource.name) for resource in resources)
    lines = [f"{'resource':<{width}}  {'gzip':>9}  {'raw':>9}"]
    lines += [
        f"{r.name:<{width}}  {r.compressed / 1024:>6.1f} KB  {r.raw / 1024:>6.1f} KB" for r in resources
    ]
    raw = sum(resource.raw for resource in resources)
    lines.append(f"{'total':<{width}}  {total(resources) / 1024:>6.1f} KB  {raw / 1024:>6.1f} KB")
    return "\n".join(lines)
