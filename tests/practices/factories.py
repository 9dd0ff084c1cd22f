import factory
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import (
    Approach,
    FormOfExploitation,
    Organisation,
    PracticePage,
    Sector,
    TargetGroup,
)

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
    # A practice not in English needs its English title (PracticePage.clean): the
    # original's words, so searches find what they found before there was one.
    title_en = factory.LazyAttribute(lambda o: "" if o.language == "en" else o.title)
    audience = "public"
    start_year = 2020
    ongoing = True
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>What is done, by whom and with what result.</p>"))]
    )


def publish_practice(space, user=None, **fields):
    """Add a practice under a CountryPage and publish it; returns the live page.

    Taxonomy fields take lists of slugs: ``forms=["forced-labour"]``; ``organisations``
    takes ``(name, type)`` pairs, made in the space's country when missing.
    """
    terms = {name: fields.pop(name) for name in TERM_MODELS if name in fields}
    organisations = fields.pop("organisations", ())
    page = PracticePageFactory.build(**fields)
    for name, slugs in terms.items():
        getattr(page, name).set(TERM_MODELS[name].objects.filter(slug__in=slugs))
    if organisations:
        page.organisations.set(
            [
                Organisation.objects.get_or_create(
                    name=name, defaults={"type": kind, "country": space.country}
                )[0]
                for name, kind in organisations
            ]
        )
    page = space.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def library_index(home):
    """The library (/practices/): the site's practice index, made when there is none."""
    from practices.models import PracticeIndexPage

    index = PracticeIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=PracticeIndexPage(title="Best practices", slug="practices", show_in_menus=True)
        )
        index.save_revision().publish()
    return index


def civil_society_platform(space):
    """A fully classified public practice in ``space`` (Finland's, in the demo): every
    field of the facts list filled, with a contact for members."""
    return publish_practice(
        space,
        title="Civil-society platform against human trafficking",
        slug="civil-society-platform",
        summary="A national platform of NGOs and researchers against human trafficking.",
        forms=["sexual-exploitation", "forced-labour", "forced-marriage"],
        target_groups=["women", "migrant-workers", "asylum-seekers"],
        sectors=["ngos", "research"],
        approaches=["partnership", "protection"],
        organisations=[("Victim Support Finland", "ngo"), ("University of Helsinki", "research")],
        start_year=2016,
        ongoing=True,
        evidence_level="promising",
        contact_name="Riikka Heinonen",
        contact_role="Platform coordinator",
        contact_email="riikka.heinonen@riku.example",
    )


def practice_edit_data(page, title, **extra):
    """A practice's edit form as Wagtail's page editor sends it, with ``title`` typed in
    and ``extra`` fields (the pressed button, the revision the form was opened on)."""
    data = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "summary": page.summary,
            "summary_en": page.summary_en,
            "title_en": page.title_en,
            "language": page.language,
            "audience": page.audience,
            "body": streamfield([("paragraph", rich_text(f"<p>{title}: the text.</p>"))]),
            "resources": streamfield([]),
            "evidence_level": page.evidence_level,
            "start_year": page.start_year or "",
            "ongoing": "on" if page.ongoing else "",
            "end_year": page.end_year or "",
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data.update(extra)
    return data
