"""What guide files and glossary seed files share: front matter, slugs, Markdown prose, the import report.

Plain Python with no app of ours imported, so that `pages` and `glossary` both build on it without one
importing the other. The file format itself is described in docs/content-format.md.
"""
