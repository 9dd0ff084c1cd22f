"""Seed the network pages' translations (demo/content/network_translations.py).

Runs after the pages exist, and after the pages they mention: the same pass turns the
demo's page links (``<a page>``) of the network pages, English and translated, into
Wagtail's page links. Idempotent and respectful of the secretariat's work: only a
translation left empty is filled, and a page is republished only when something changed.
"""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from core.translation import field_name
from demo.content.network_translations import TRANSLATIONS
from demo.seeding.helpers import link_page_fields
from home.models import HomePage, HubSettings


def _stream(items):
    return [
        (block_type, RichText(value) if block_type == "paragraph" else value)
        for block_type, value in items
    ]


def _fill(obj, code, values) -> bool:
    """Set ``obj``'s empty translations in ``code`` from ``values``; True if any changed."""
    changed = False
    for name in obj.translated_field_names:
        if name not in values:
            continue
        target = field_name(name, code)
        current = getattr(obj, target)
        if current if isinstance(current, str) else len(current):
            continue
        value = values[name]
        setattr(obj, target, _stream(value) if name == "body" else value)
        changed = True
    return changed


def _fill_form_fields(form) -> bool:
    """Translate the join form's fields in memory, so the form's next revision holds them
    (a field saved alone would be lost when an older revision is published)."""
    fields = list(form.form_fields.all())
    changed = False
    for field in fields:
        for code, by_slug in TRANSLATIONS.items():
            row = by_slug["join"]["fields"].get(field.label)
            if row:
                values = dict(zip(("label", "help_text", "choices"), row, strict=True))
                changed |= _fill(field, code, {k: v for k, v in values.items() if v})
    form.form_fields = fields
    return changed


def seed_translations(home: HomePage, user) -> None:
    """Give the home page, the network pages, the section pages, the join form's fields and
    the footer text their translations, and make the pages' mentions of other pages links.

    Args:
        home: the site's home page.
        user: who the new revisions are saved by (the secretariat).
    """
    pages = {"home": home.specific}
    for page in Page.objects.child_of(home).specific():
        pages[page.slug] = page
    for slug, page in pages.items():
        changed = False
        for code, by_slug in TRANSLATIONS.items():
            values = by_slug.get(slug)
            if values and hasattr(page, "translated_field_names"):
                changed |= _fill(page, code, values)
        if slug == "join" and hasattr(page, "form_fields"):
            changed |= _fill_form_fields(page)
        # Last, so that the translations just filled are linked too.
        changed |= link_page_fields(page, home)
        if changed:
            page.save_revision(user=user).publish()

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    changed = False
    for code, by_slug in TRANSLATIONS.items():
        changed |= _fill(settings, code, {"footer_text": by_slug["footer"]})
    if changed:
        settings.save()
