"""Admin views of pages for reading revisions: Wagtail's history and comparisons, and "What changed"."""
