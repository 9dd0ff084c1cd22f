"""The member directory (``/members/``): who is who in the network, for signed-in members.

What a member shows is their own choice (``Membership.listed``, ``show_details``,
``show_contact``). By default members see a person's name, organisation and country only;
job title, role, sector, expertise and languages when the person shows their details;
work email and phone only when they show their contact. The rule is applied once, here,
in two places that must agree: ``card`` (what is rendered: hidden values never reach the
template) and ``people`` (what a search or a filter matches: a hidden value never makes a
person match, so searching someone's hidden email or filtering on a hidden role reveals
nothing). Nothing of the directory is in a sitemap, a feed, the API or the search index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core import cldr, languages
from core.filters import clean_filters
from core.forms import typed_line

from .choices import Expertise, NetworkRole, Sector
from .models import Country, Membership
from .permissions import may_see_directory

PER_PAGE = 25
MAX_QUERY_WORDS = 8
MAX_QUERY_LENGTH = 200

#: The filters of the directory: name in the query string → its label.
FILTER_LABELS = {
    "country": _("Country"),
    "sector": _("Sector"),
    "role": _("Role in the network"),
    "expertise": _("Expertise"),
    "language": _("Language"),
}
#: The filters that read a person's details: they match only people who show them.
DETAIL_FILTERS = ("sector", "role", "expertise", "language")


def language_choices() -> list[tuple[str, str]]:
    """The languages a member may say they speak: the hub's, named in the reader's."""
    return [(code, str(languages.NAMES[code])) for code in languages.CODES]


@dataclass
class Card:
    """One person as the directory shows them: only what they chose to show."""

    pk: int
    name: str
    organisation: str
    country: str
    job_title: str = ""
    role: str = ""
    sector: str = ""
    expertise: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    email: str = ""
    phone: str = ""


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def card(membership: Membership) -> Card:
    """What members see of ``membership``: the rule of the module docstring."""
    user = membership.user
    shown = Card(
        pk=membership.pk,
        name=display_name(user),
        organisation=membership.organisation,
        country=membership.country.display_name if membership.country else "",
    )
    if membership.show_details:
        shown.job_title = membership.job_title
        shown.role = membership.get_network_role_display() if membership.network_role else ""
        shown.sector = membership.get_sector_display()
        expertise = dict(Expertise.choices)
        shown.expertise = [str(expertise[c]) for c in membership.expertise if c in expertise]
        names = dict(language_choices())
        shown.languages = [names[c] for c in membership.languages if c in names]
    if membership.show_contact:
        shown.email = membership.work_email or user.email
        shown.phone = membership.work_phone
    return shown


def listed() -> QuerySet[Membership]:
    """Everyone in the directory: active accounts whose member has not left it."""
    return Membership.objects.filter(listed=True, user__is_active=True).select_related(
        "user", "country"
    )


def _codes_named(word: str, choices) -> list[str]:
    """The codes of ``choices`` whose label (in the reader's language) contains ``word``."""
    folded = word.casefold()
    return [code for code, label in choices if folded in str(label).casefold()]


def _contains_any(field_name: str, codes) -> Q:
    """A JSON list field holding any of ``codes`` (each stored quoted: no code is another
    code's substring once quoted)."""
    match = Q(pk__in=[])
    for code in codes:
        match |= Q(**{f"{field_name}__icontains": f'"{code}"'})
    return match


def _word_matches(word: str, countries: list[Country]) -> Q:
    """A person matching ``word`` in what anyone sees, or in the details they show."""
    shown = (
        Q(user__first_name__icontains=word)
        | Q(user__last_name__icontains=word)
        | Q(organisation__icontains=word)
    )
    folded = word.casefold()
    country_ids = [c.pk for c in countries if folded in c.display_name.casefold()]
    if country_ids:
        shown |= Q(country_id__in=country_ids)
    details = (
        Q(job_title__icontains=word)
        | Q(network_role__in=_codes_named(word, NetworkRole.choices))
        | Q(sector__in=_codes_named(word, Sector.choices))
        | _contains_any("expertise", _codes_named(word, Expertise.choices))
        | _contains_any("languages", _codes_named(word, language_choices()))
    )
    return shown | (Q(show_details=True) & details)


def people(query: str = "", selected: dict[str, list[str]] | None = None) -> list[Membership]:
    """The people of the directory matching ``query`` (every word) and the filters,
    sorted by name in the reader's language. Contact details are never matched."""
    selected = selected or {}
    found = listed()
    words = query.split()[:MAX_QUERY_WORDS]
    if words:
        countries = list(Country.objects.all())
        for word in words:
            found = found.filter(_word_matches(word, countries))
    if "country" in selected:
        found = found.filter(country__code__in=selected["country"])
    if any(name in selected for name in DETAIL_FILTERS):
        found = found.filter(show_details=True)
    if "sector" in selected:
        found = found.filter(sector__in=selected["sector"])
    if "role" in selected:
        found = found.filter(network_role__in=selected["role"])
    if "expertise" in selected:
        found = found.filter(_contains_any("expertise", selected["expertise"]))
    if "language" in selected:
        found = found.filter(_contains_any("languages", selected["language"]))
    return sorted(found, key=_by_name)


def _by_name(membership: Membership) -> tuple:
    """Surname, then given name, in the reader's alphabet (the database's order is its
    bytes': "Åsa" before "anna")."""
    user = membership.user
    return (
        cldr.sort_key(user.last_name),
        cldr.sort_key(user.first_name),
        user.get_username(),
        membership.pk,
    )


def _filter_options(selected: dict[str, list[str]]) -> list[dict]:
    """The filter form's selects: name, label and (value, label, chosen) options."""
    options = {
        "country": [(c.code, c.display_name) for c in Country.objects.all()],
        "sector": list(Sector.choices),
        "role": list(NetworkRole.choices),
        "expertise": list(Expertise.choices),
        "language": language_choices(),
    }
    return [
        {
            "name": name,
            "label": FILTER_LABELS[name],
            "options": [
                (value, label, value in selected.get(name, ())) for value, label in choices
            ],
        }
        for name, choices in options.items()
    ]


@never_cache
def members(request):
    """``/members/``: the directory, searchable and filtered; signed-in members only."""
    if not may_see_directory(request):
        return redirect_to_login(request.get_full_path())
    query = typed_line(request.GET.get("q"), MAX_QUERY_LENGTH)
    filters = clean_filters(
        request.GET,
        {
            "country": lambda v: (
                v.upper()
                if len(v) == 2
                and v.isascii()
                and v.isalpha()
                and Country.objects.filter(code=v.upper()).exists()
                else None
            ),
            "sector": Sector.values,
            "role": NetworkRole.values,
            "expertise": Expertise.values,
            "language": languages.CODES,
        },
    )
    filters.labels = FILTER_LABELS
    # Filters not recognised: nothing, and why (never the unfiltered list in their place).
    found = people(query, filters.selected) if filters.valid else []
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "countries/directory.html",
        {
            "query": query,
            "cards": [card(membership) for membership in page.object_list],
            "page_obj": page,
            "filter_groups": _filter_options(filters.selected),
            "chosen": sum(len(values) for values in filters.selected.values()),
            "problems": filters.problems(),
            "carry": filters.query(before=[("q", query)] if query else ()),
            "own_membership": Membership.objects.filter(user=request.user).first(),
        },
    )
