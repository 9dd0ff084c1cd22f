"""The site's own pages for tests (network pages, the join form), independent of the demo."""

import factory
from wagtail.rich_text import RichText

from home.models import FormField, FormPage, HomePage, StandardPage

#: The join form's fields: (label, type, required, choices).
JOIN_FIELDS = [
    ("Full name", "singleline", True, ""),
    ("Email address", "email", True, ""),
    ("Organisation", "singleline", True, ""),
    ("Country", "dropdown", True, "Denmark\nFinland\nIceland\nNorway\nSweden\nOther"),
    ("Sector", "dropdown", True, "Police\nNGO\nMinistry\nResearch\nOther"),
    ("I apply for", "radio", True, "Network membership\nThe mailing list only"),
    ("Message", "multiline", False, ""),
    ("I agree that the secretariat stores this application", "checkbox", True, ""),
]


def home_page() -> HomePage:
    return HomePage.objects.get()


class StandardPageFactory(factory.Factory):
    """Builds an unsaved network page; ``network_page`` puts it under the home page."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Network page {n}")
    slug = factory.Sequence(lambda n: f"network-page-{n}")
    intro = "What the network does, in a few lines."
    audience = "public"
    show_in_menus = False
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The network shares what works.</p>"))]
    )


def network_page(parent=None, **fields) -> StandardPage:
    """A live network page under ``parent`` (the home page when omitted)."""
    page = (parent or home_page()).add_child(instance=StandardPageFactory.build(**fields))
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def join_form(**fields) -> FormPage:
    """The live join form (/join/), its fields those of ``JOIN_FIELDS``."""
    existing = FormPage.objects.filter(slug=fields.get("slug", "join")).first()
    if existing is not None:
        return existing
    values = {
        "title": "Join the network",
        "slug": "join",
        "intro": "<p>Apply to join the network.</p>",
        "thank_you_text": "<p>Thank you.</p>",
        "to_address": "secretariat@example.org",
        "from_address": "hub@example.org",
        "subject": "New application to join the network",
        "show_in_menus": True,
    }
    values.update(fields)
    form = FormPage(**values)
    for order, (label, field_type, required, choices) in enumerate(JOIN_FIELDS):
        form.form_fields.add(
            FormField(
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
            )
        )
    form = home_page().add_child(instance=form)
    form.save_revision().publish()
    return FormPage.objects.get(pk=form.pk)


def text_document(title, collection_name, filename, text, description=""):
    """A stored text document in the collection named ``collection_name``, made in code as
    the seeding does (file metadata and hash set; text extraction runs on commit)."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    from core.models import HubDocument

    collection = Collection.objects.get(name=collection_name)
    document = HubDocument(title=title, collection=collection, description=description)
    document.file.save(filename, ContentFile(text.encode()), save=False)
    document._set_document_file_metadata()
    document.file.close()
    document.save()
    return document


def members_handbook(**fields):
    """The members-only network page /members-handbook/."""
    values = {
        "title": "Members' handbook",
        "slug": "members-handbook",
        "audience": "members",
        "show_in_menus": True,
    }
    values.update(fields)
    return network_page(**values)


def secretariat_runs(page):
    """Give the secretariat its rights on the network section ``page``, as setup_spaces
    does for every section there is when it runs (the seed runs it after adding them)."""
    from django.contrib.auth.models import Group

    from countries import permissions

    secretariat = Group.objects.get(name=permissions.SECRETARIAT_GROUP)
    permissions.set_page_permissions(secretariat, page, permissions.SECRETARIAT_PAGE_PERMISSIONS)
    return page
