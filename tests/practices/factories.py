import factory
from wagtail.rich_text import RichText

from practices.models import Approach, FormOfExploitation, PracticePage, Sector, TargetGroup

TERM_MODELS = {
    "forms": FormOfExploitation,
    "target_groups": TargetGroup,
    "sectors": Sector,
    "approaches": Approach,
}


class PracticePageFactory(factory.Factory):
    """Builds an unsaved PracticePage; use ``publish_practice`` to put it in the tree."""

    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "A practice against trafficking in human beings."
    language = "en"
    audience = "public"
    start_year = 2020
    ongoing = True
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>What is done, by whom and with what result.</p>"))]
    )


def publish_practice(space, user=None, **fields):
    """Add a practice under a CountryPage and publish it; returns the live page.

    Taxonomy fields take lists of slugs: ``forms=["forced-labour"]``.
    """
    terms = {name: fields.pop(name) for name in TERM_MODELS if name in fields}
    page = PracticePageFactory.build(**fields)
    for name, slugs in terms.items():
        getattr(page, name).set(TERM_MODELS[name].objects.filter(slug__in=slugs))
    page = space.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
