from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from . import privacy, suggest

        privacy.connect_signals()
        # The "did you mean" vocabulary follows what is published.
        page_published.connect(suggest.forget_vocabulary, dispatch_uid="search-vocab-published")
        page_unpublished.connect(suggest.forget_vocabulary, dispatch_uid="search-vocab-unpublished")
        post_delete.connect(
            suggest.forget_vocabulary, sender=Page, dispatch_uid="search-vocab-deleted"
        )
