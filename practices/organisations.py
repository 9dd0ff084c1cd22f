"""/organisations/: the public page of the network's organisations.

Only the records the secretariat marks ``listed_publicly`` are shown (others are recorded
because a practice or a speaker names them). Grouped by country, in the reader's language
and collation; filtered by country and type with a plain GET form."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import cldr
from countries.models import Country

from .choices import OrganisationType
from .models import Organisation

#: The ``country`` value of organisations that belong to no country.
INTERNATIONAL = "international"


class OrganisationFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(  # noqa: A003 - the field's name in the URL
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *OrganisationType.choices],
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            ("", _("All countries")),
            *[(country.code, country.display_name) for country in countries],
            (INTERNATIONAL, _("International")),
        ]


def organisations(request):
    """The listed organisations, grouped by country (international ones last)."""
    language = (get_language() or "en").split("-")[0]
    listed = Organisation.objects.filter(listed_publicly=True).select_related("country")
    countries = sorted(
        Country.objects.filter(organisations__listed_publicly=True).distinct(),
        key=lambda country: cldr.sort_key(country.display_name, language),
    )
    form = OrganisationFilterForm(request.GET or None, countries=countries)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400  # an unknown country or type: said on the page, the whole list shown
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if chosen.get("country") == INTERNATIONAL:
        listed = listed.filter(country__isnull=True)
    elif chosen.get("country"):
        listed = listed.filter(country__code=chosen["country"])
    if chosen.get("type"):
        listed = listed.filter(type=chosen["type"])

    by_country = {}
    for organisation in listed:
        by_country.setdefault(organisation.country_id, []).append(organisation)
    groups = [
        (country, _sorted(by_country[country.pk], language))
        for country in countries
        if country.pk in by_country
    ]
    if None in by_country:
        groups.append((None, _sorted(by_country[None], language)))
    context = {
        "form": form,
        "groups": groups,
        "count": sum(len(items) for _country, items in groups),
        "filtered": bool(chosen.get("country") or chosen.get("type")),
    }
    return TemplateResponse(request, "practices/organisations.html", context, status=status)


def _sorted(items, language):
    return sorted(items, key=lambda organisation: cldr.sort_key(organisation.name, language))
