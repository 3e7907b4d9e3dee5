"""One view that does nothing: what any request costs in this server configuration."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from serving.views import healthz


@never_cache  # the baseline is Django's whole middleware stack, never the page cache
def hello(request):
    return HttpResponse("hello")


urlpatterns = [path("hello/", hello), path("healthz", healthz)]  # the bench waits for /healthz
