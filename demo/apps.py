from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demonstration site: demo people, boards and workflows, the demo guides and their editorial history.

    It sits above every other app (it may import any of them; none imports it), so that the demo loader can
    set up pages, glossary terms and translation marks together.
    """

    name = "demo"
    verbose_name = "Demonstration content"
