from django.conf import settings


def hub(request):
    """What every page's chrome needs: the languages and the nav sections."""
    return {"HUB_LANGUAGES": settings.LANGUAGES}
