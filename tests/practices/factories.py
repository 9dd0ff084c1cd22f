import factory
from wagtail.rich_text import RichText

from practices.models import PracticePage


class PracticePageFactory(factory.Factory):
    """Builds an unsaved PracticePage; use ``publish_practice`` to put it in the tree."""

    class Meta:
        model = PracticePage

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = "A practice against trafficking in human beings."
    language = "en"
    audience = "public"
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>What is done, by whom and with what result.</p>"))]
    )


def publish_practice(space, user=None, **fields):
    """Add a practice under a CountryPage and publish it; returns the live page."""
    page = space.add_child(instance=PracticePageFactory.build(**fields))
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
