"""One view at every path the benchmark asks for (`/` measured, `/healthz` awaited at start-up)."""

from django.http import HttpResponse
from django.urls import path

BODY_BYTES = 20 * 1024


def build_body(size=BODY_BYTES):
    """A fixed HTML page of exactly `size` bytes, built once at import, like a server-rendered CMS page."""
    head = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>hello</title>\n</head>\n<body>\n'
    tail = "</body>\n</html>\n"
    paragraph = "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n"
    repeats = (size - len(head) - len(tail)) // len(paragraph)
    filler = " " * (size - len(head) - len(tail) - repeats * len(paragraph))
    return (head + paragraph * repeats + filler + tail).encode("ascii")


BODY = build_body()


def hello(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", hello), path("healthz", hello)]
