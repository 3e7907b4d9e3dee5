"""The benchmark's baseline: a plain Django project, what any Django request costs on this machine.

The DB-free part of `startproject`'s default middleware and one view returning a fixed 20 KiB HTML page,
the same as the project's reference baseline, against which it was measured (docs/performance.md).
bench/run.py serves it with the site's own gunicorn and worker count; every ratio it prints is to this.
"""
