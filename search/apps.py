from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from .backends.checks import check_index_location


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        checks.register(check_index_location)
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
        from django.db.models.signals import post_save

        from countries.models import Country, CountryPage
        from practices.models import FormOfExploitation, Sector

        from . import facets, snippets

        for model in (Country, CountryPage, FormOfExploitation, Sector):
            for signal in (post_save, post_delete):
                signal.connect(facets.forget_labels, sender=model, dispatch_uid="search-labels")
        for signal in (post_save, post_delete):
            signal.connect(snippets.forget_text, dispatch_uid="search-snippet-text")
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion
        from wagtail.models import Site
        from wagtail.signals import post_page_move

        from . import service

        for model in (Query, SearchPromotion):
            for signal in (post_save, post_delete):
                signal.connect(service.forget_promotions, sender=model, dispatch_uid="search-promo")
        for signal in (post_save, post_delete):
            signal.connect(service.forget_sites, sender=Site, dispatch_uid="search-sites")
        post_page_move.connect(service.forget_sites, dispatch_uid="search-sites-move")
