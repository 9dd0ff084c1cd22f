from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: only the demo content, the seeding and the benchmark commands."""

    name = "demo"
    verbose_name = "demo data and benchmarks"
