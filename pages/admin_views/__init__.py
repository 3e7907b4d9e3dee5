"""Admin views of pages: reading revisions ("What changed" and Wagtail's history and comparisons opened to
reviewers), the "Review dates" report, and the confirmation a board member sees after voting."""
