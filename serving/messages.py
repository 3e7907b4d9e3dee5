"""Django's flash messages, with their storage made only when a request uses it.

Django's MessageMiddleware makes the storage for every request (a FallbackStorage: a cookie storage and a
session storage) and asks it to save itself on every response. A public page neither adds nor shows a
message, yet the middleware cost about 87,000 instructions a request; made lazily, 53,000 of them go (3% of
the site's cheapest request, bench/cpu.py --callgrind). Messages added or read behave exactly as before: the
storage is the same one, made on first use.

Relies on: django.contrib.messages finding a request's storage at `request._messages` (its add_message,
get_messages, get_level and set_level all read that attribute), as MessageMiddleware sets it.
"""

from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.messages.storage import default_storage
from django.utils.functional import SimpleLazyObject, empty


class LazyMessageMiddleware(MessageMiddleware):
    def process_request(self, request):
        request._messages = SimpleLazyObject(lambda: default_storage(request))

    def process_response(self, request, response):
        messages = getattr(request, "_messages", None)
        if isinstance(messages, SimpleLazyObject) and messages._wrapped is empty:
            return response  # never used: nothing to store
        return super().process_response(request, response)
