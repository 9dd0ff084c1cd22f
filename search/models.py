"""The THB thesaurus that widens search queries across the hub's six languages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core import languages

#: Language code (``core.languages.CODES``, tests check) -> the label of its terms field: a
#: sentence per language for translators, as the model has a field per language.
TERM_LANGUAGES = {
    "en": _("terms in English"),
    "fi": _("terms in Finnish"),
    "sv": _("terms in Swedish"),
    "nb": _("terms in Norwegian"),
    "da": _("terms in Danish"),
    "is": _("terms in Icelandic"),
}
MAX_TERM_LENGTH = 80
TERMS_HELP = _(
    "One term or synonym per line, the most usual first. Base forms are enough where "
    "search stems the language; Icelandic is not stemmed, so list its common inflected "
    "forms as well."
)


def split_terms(text):
    """The non-empty lines of a terms field, stripped, with inner spaces collapsed."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def _terms_field(language):
    return models.TextField(TERM_LANGUAGES[language], help_text=TERMS_HELP)


class ThesaurusConcept(models.Model):
    """One concept of trafficking work (victim, forced labour…) named in the six languages.

    A snippet the secretariat edits (Thesaurus in the admin menu); nobody else may. Site
    search (``search.thesaurus.expand``) uses it to add every language's terms to a query,
    so a search for "ihmiskauppa" also finds "människohandel" and "mansal".
    """

    #: The secretariat edits these (countries' setup_spaces grants it, reading this mark).
    edited_by_secretariat = True

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    terms_en = _terms_field("en")
    terms_fi = _terms_field("fi")
    terms_sv = _terms_field("sv")
    terms_nb = _terms_field("nb")
    terms_da = _terms_field("da")
    terms_is = _terms_field("is")
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("For editors only: scope, sources, why a term is or is not listed."),
    )

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("terms_en"), FieldPanel("terms_fi")]),
        FieldRowPanel([FieldPanel("terms_sv"), FieldPanel("terms_nb")]),
        FieldRowPanel([FieldPanel("terms_da"), FieldPanel("terms_is")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("thesaurus concept")
        verbose_name_plural = _("thesaurus concepts")

    def __str__(self):
        terms = self.terms("en")
        return terms[0] if terms else self.slug

    def terms(self, language):
        """The concept's terms in one language, in order, without blanks or repeats."""
        seen, terms = set(), []
        for term in split_terms(getattr(self, f"terms_{language}")):
            if term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
        return terms

    def clean(self):
        super().clean()
        errors = {}
        for language in languages.CODES:
            field = f"terms_{language}"
            messages = []
            terms = split_terms(getattr(self, field))
            if not terms:
                messages.append(_("Give at least one term."))
            for term in terms:
                if len(term) > MAX_TERM_LENGTH:
                    messages.append(
                        _("“%(term)s…” is longer than %(max)d characters: one term per line.")
                        % {"term": term[:30], "max": MAX_TERM_LENGTH}
                    )
                elif not any(ch.isalpha() for ch in term):
                    messages.append(
                        _("“%(term)s” has no letters: each line must be a term.") % {"term": term}
                    )
            if messages:
                errors[field] = messages
        if errors:
            raise ValidationError(errors)


class SavedSearch(models.Model):
    """A search (``/search/?q=…``) or a library filter (``/practices/?…``) a member saved,
    and how often its new matches reach them by email (``search/alerts.py``).

    ``query`` is the normalised query string: only the parameters the page knows, each
    value as the page's filters stored it (``search/saved.py``: ``normalise``).
    """

    class Kind(models.TextChoices):
        SEARCH = "search", _("Search")
        LIBRARY = "library", _("Library filter")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        OFF = "off", _("No email")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    query = models.CharField(_("query"), max_length=2000, blank=True)
    name = models.CharField(_("name"), max_length=200)
    frequency = models.CharField(
        _("email"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    language = models.CharField(_("language"), max_length=5, default="en")
    created = models.DateTimeField(_("saved"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "query"], name="search_savedsearch_unique_per_owner"
            )
        ]

    def __str__(self):
        return self.name
