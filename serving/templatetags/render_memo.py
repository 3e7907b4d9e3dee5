"""`{% memo_fragment %}`: a rendered part of a page kept in the process for the content generation.

    {% load render_memo %}
    {% memo_fragment "guide-contents" guide.pk page.pk %}...{% endmemo_fragment %}

Most of a page around its body (breadcrumbs, dates, contents list, language links, metadata, footer) is
made from the page's structure, which changes only with a new content generation, and rendering it was most
of an uncached section page's time. The fragment is kept by serving/memo.py under its name, the active
language and the values after it (lists become tuples): list there every value the fragment shows that is
not the page's structure, such as the host of an absolute URL. Like every structure lookup it is off without a
request, for previews (a draft is not what the memo holds) and when settings.RENDER_CACHE is off.

Django's `{% cache %}` tag does the same with a cache backend: the shared one costs a Redis round trip per
fragment, and a per-process one would need the generation in every key and its own switch for previews and
RENDER_CACHE, which serving/memo.py already has.
"""

from django import template
from django.utils.translation import get_language

from serving.memo import generation_memo

register = template.Library()


class MemoFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        values = (value.resolve(context) for value in self.vary_on)
        key = (get_language(), *(tuple(value) if isinstance(value, list) else value for value in values))
        return generation_memo(
            request, f"fragment:{self.name.resolve(context)}", key, lambda: self.nodelist.render(context)
        )


@register.tag
def memo_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endmemo_fragment",))
    parser.delete_first_token()
    return MemoFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
