"""A Wagtail frontend cache backend that records what it was asked to purge, for the CDN tests."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)
