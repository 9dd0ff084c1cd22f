"""``setup_spaces`` of the site: the hub's home page first, then the country spaces.

countries' command (countries/management/commands/setup_spaces.py) sets up the spaces
under the default site's root page and knows nothing of the site's page types. This one
makes that root the hub's ``HomePage`` first: on a fresh database it replaces the
placeholder "Welcome" page of Wagtail's migration. ``home`` comes first in
INSTALLED_APPS, so ``manage.py setup_spaces`` runs this one.
"""

from wagtail.models import Page, Site

from core.links import site_host_and_port
from countries.management.commands import setup_spaces
from home.models import HomePage


class Command(setup_spaces.Command):
    def _home_page(self) -> HomePage:
        home = HomePage.objects.first()
        if home is not None:
            return home
        root = Page.get_first_root_node()
        # Wagtail's migration leaves a placeholder "Welcome" page on the default site.
        placeholder = Page.objects.filter(depth=2, slug="home").exclude(
            content_type__model="homepage"
        )
        for page in placeholder:
            page.slug = f"wagtail-welcome-{page.pk}"
            page.save()
        home = root.add_child(
            instance=HomePage(
                title="Nordic THB Coordinators Hub",
                slug="home",
                intro="<p>The network of the Nordic national anti-trafficking coordinators.</p>",
            )
        )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = site_host_and_port()
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name="Nordic THB Coordinators Hub",
            )
        else:
            site.root_page = home
            site.site_name = "Nordic THB Coordinators Hub"
            site.save()
        for page in Page.objects.filter(pk__in=[p.pk for p in placeholder]):
            page.delete()
        return home
