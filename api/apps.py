from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        # Registers the schema extensions with drf-spectacular.
        from api import schema  # noqa: F401
