"""Translated fields: one page (or setting) holding its text in each of the hub's languages.

The network pages (home, about, join, the seminar and tracker intros, the menu) are read in
six languages on one URL each. Rather than Wagtail's per-locale copies of the page tree,
a field the secretariat translates gets a sibling per language: ``title`` (English, in
``Page.title``) and ``title_fi``, ``title_sv`` … (docs/LANGUAGES.md says why). A model
declares them with the decorator and reads them through the mixin::

    @translated_fields("title", "intro", "body")
    class StandardPage(TranslatedFieldsMixin, Page):
        ...

``page.translated("intro")`` is the text in the active language, or the English text when
that translation is empty, saying which (templates mark a fallback ``lang="en"``).
The languages are ``languages.TRANSLATED``; nothing here names one.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from . import languages


def active_language() -> str:
    """The active interface language as one of the hub's codes ("en" when unknown)."""
    code = (translation.get_language() or languages.DEFAULT).split("-")[0].lower()
    return code if code in languages.CODES else languages.DEFAULT


def field_name(name: str, code: str) -> str:
    """The name of ``name``'s field in ``code``: the field itself in the default language."""
    return name if code == languages.DEFAULT else f"{name}_{code}"


@dataclasses.dataclass(frozen=True)
class Translated:
    """A translated field's value as shown: the text, its language, and whether the reader's
    language had no translation so the English text stands in (``fallback``)."""

    value: Any
    language: str
    fallback: bool = False
    #: True when the value is a translation the secretariat wrote (not the field itself).
    translation: bool = False

    def __str__(self):
        return "" if self.value is None else str(self.value)

    def __bool__(self):
        return bool(self.value)

    def __html__(self):
        # Rendered as the value would be: a StreamValue or RichText keeps its own HTML.
        value = self.value
        if hasattr(value, "__html__"):
            return value.__html__()
        from django.utils.html import conditional_escape

        return conditional_escape(str(self))


def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return len(value) == 0
    except TypeError:
        return False


class TranslatedFieldsMixin:
    """Reads the fields ``translated_fields`` declared, in the active language."""

    #: The names of the translated fields, set by the ``translated_fields`` decorator.
    translated_field_names: tuple[str, ...] = ()

    def translated(self, name: str, language: str | None = None) -> Translated:
        """``name``'s value in ``language`` (default: the active one), else in English.

        Args:
            name: a field named in ``translated_fields`` (``"title"``, ``"intro"`` …).
            language: a code of ``languages.CODES``; the active language when omitted.

        Returns:
            The value, its language and whether it is the English fallback.
        """
        code = language or active_language()
        if name in self.translated_field_names and code != languages.DEFAULT:
            value = getattr(self, field_name(name, code), None)
            if not _is_empty(value):
                return Translated(value, code, translation=True)
            return Translated(getattr(self, name), languages.DEFAULT, fallback=True)
        return Translated(getattr(self, name), languages.DEFAULT)

    def missing_translations(self, name: str) -> list[str]:
        """The languages ``name`` has no translation in yet (for editors' checks)."""
        return [
            code
            for code in languages.TRANSLATED
            if _is_empty(getattr(self, field_name(name, code), None))
        ]


def _copy_field(field: models.Field, code: str) -> models.Field:
    """``field``'s twin for the translation in ``code``: optional, no default, no help;
    the same length, rich-text features and blocks."""
    _name, _path, args, kwargs = field.deconstruct()
    for key in ("default", "help_text", "db_index", "unique", "primary_key", "db_comment"):
        kwargs.pop(key, None)
    kwargs["blank"] = True
    kwargs["verbose_name"] = format_lazy(
        "{} ({})", field.verbose_name or field.name, languages.LABELS[code]
    )
    if isinstance(field, models.CharField | models.TextField):
        kwargs["default"] = ""
    if isinstance(field, RichTextField):
        # Not kept by deconstruct(): the translation allows what the original allows.
        kwargs["features"], kwargs["editor"] = field.features, field.editor
    if isinstance(field, StreamField):
        # deconstruct() describes the blocks generically (for migrations); the copy needs
        # the original's own blocks, with their templates and rendering rules.
        args = [copy.deepcopy(field.stream_block)]
        kwargs.pop("block_lookup", None)
    return type(field)(*args, **kwargs)


def translated_fields(*names: str, search: bool = True):
    """Class decorator: give a model a field per translated language for each of ``names``.

    Each copy is ``<name>_<code>`` (``title_fi``), built from the original field (same type,
    length, rich-text features or blocks), optional and empty by default. When ``search``
    is true, the copies of fields the model searches (or ``title``) are added to its
    ``search_fields``, each analysed in its own language. A page type's editor gets a tab
    per language (``translated_edit_handler``); other models add ``language_sections``
    to their panels.
    """

    def decorate(model):
        searched = {
            getattr(f, "field_name", None): f
            for f in getattr(model, "search_fields", ())
            if isinstance(f, index.SearchField)
        }
        extra_search = []
        for name in names:
            original = model._meta.get_field(name)
            for code in languages.TRANSLATED:
                model.add_to_class(field_name(name, code), _copy_field(original, code))
                if search and name in searched:
                    boost = searched[name].boost
                    extra_search.append(
                        index.SearchField(field_name(name, code), language=code, boost=boost)
                    )
        model.translated_field_names = tuple(model.translated_field_names) + names
        if extra_search:
            model.search_fields = list(model.search_fields) + extra_search
        if hasattr(model, "content_panels") and "edit_handler" not in model.__dict__:
            # A page type: its translations get a tab per language.
            model.edit_handler = translated_edit_handler(model, *model.translated_field_names)
        return model

    return decorate


def language_panels(*names: str, heading=None) -> list[ObjectList]:
    """One editor tab per translated language ("Suomi", "Svenska" …) with ``names``'
    translations in it, in the order given; a translation left empty shows the English."""
    tabs = []
    for code in languages.TRANSLATED:
        panels = []
        for name in names:
            # A translated title looks like the title, but is a plain FieldPanel: a
            # TitleFieldPanel would sync the slug, which follows the English title only.
            classname = "title" if name == "title" else ""
            panels.append(FieldPanel(field_name(name, code), classname=classname))
        tabs.append(ObjectList(panels, heading=languages.OWN_NAMES[code]))
    return tabs


def translated_edit_handler(model, *names: str) -> TabbedInterface:
    """A page type's editor: its Content tab, a tab per translated language with the
    translations of ``names``, then its Promote and Settings tabs (Wagtail's order)."""
    tabs = [ObjectList(model.content_panels, heading=_("Content"))]
    tabs += language_panels(*names)
    if model.promote_panels:
        tabs.append(ObjectList(model.promote_panels, heading=_("Promote")))
    if model.settings_panels:
        tabs.append(ObjectList(model.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs, base_form_class=getattr(model, "base_form_class", None))


def language_sections(*names: str) -> list[MultiFieldPanel]:
    """The translations of ``names`` as one collapsed section per language, for editing
    screens that have no tabs (settings, inline form fields)."""
    return [
        MultiFieldPanel(
            [FieldPanel(field_name(name, code)) for name in names],
            heading=languages.OWN_NAMES[code],
            classname="collapsed",
        )
        for code in languages.TRANSLATED
    ]
