"""The whole site, for the tests that look at it whole (the browser journeys and the HTML
check): one page of each type and each state they visit, built by the apps' own factories
on top of the suite's base (tests/conftest.py), never by the demo.

What it holds, by address:
- network pages: /about/, /principles/, /accessibility/, /privacy/, /members-handbook/
  (members) and the join form /join/, linking the privacy notice;
- the library: a public practice in each working language (Finnish, Swedish, Icelandic,
  Norwegian, Danish, English), a members-only practice in Finnish and in Swedish, one
  for Finland's country team, and 22 labour-inspection practices against forced labour,
  so that the library's and search's results run to a second page;
- the seminars: the past Helsinki seminar with its outputs and the practices presented
  there (the civil-society platform, and a members-only one), and the coming one in Oslo,
  whose live stream is for registrants;
- the tracker: a public recommendation to every country (R-2022-01) with a status
  history and Finland citing the civil-society platform as evidence, a members-only one
  (R-2024-05), and two more with statuses in several countries;
- questions and answers: a thread on the civil-society platform (two answers, one hidden
  by the secretariat), one on Finland's space and one on R-2022-01.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from countries.models import Country, CountryPage
from demo.seeding.translations import seed_translations
from home.models import HomePage
from practices.models import PracticePage
from recommendations.choices import Status
from recommendations.updates import apply_update
from seminars.models import PresentedPractice, SeminarRecording
from tests.home.factories import join_form, members_handbook, network_page
from tests.practices.factories import civil_society_platform, publish_practice
from tests.recommendations.factories import impl_of, publish_recommendation
from tests.seminars.factories import cross_border_seminar, helsinki_seminar

#: The network's public pages: slug -> (title, intro, paragraphs).
NETWORK_PAGES = {
    "about": (
        "About the network",
        "The Nordic network of national anti-trafficking coordinators, and what this hub is for.",
        [
            "The national coordinators of Denmark, Finland, Iceland, Norway and Sweden, with "
            "Åland, the Faroe Islands and Greenland, share what works against trafficking in "
            "human beings.",
            "Coordinators publish practices, follow up the network's recommendations and "
            "prepare its seminars here.",
        ],
    ),
    "principles": (
        "Our principles",
        "How the network works together.",
        [
            "The rights and safety of victims come first: nothing that could identify a "
            "victim is shared on this hub.",
        ],
    ),
    "accessibility": (
        "Accessibility statement",
        "How accessible this hub is, what is not yet, and how to tell us.",
        [
            "The hub aims to meet the Web Content Accessibility Guidelines 2.1 at level AA.",
            "Some older documents attached to practices are scanned PDF files; ask the "
            "secretariat for an accessible version.",
        ],
    ),
    "privacy": (
        "Privacy notice",
        "What the hub stores about you, why, and for how long.",
        [
            "The secretariat stores the name, organisation and email address of each member "
            "and of each person who registers for a seminar.",
        ],
    ),
}

#: Public practices in the spaces' own languages:
#: (country, slug, language, title, summary, English summary, forms, sectors).
PRACTICES = [
    (
        "FI",
        "auttamisjarjestelmaan-ohjaaminen",
        "fi",
        "Kansallinen ohjausmalli ihmiskaupan uhrien auttamisjärjestelmään",
        "Ihmiskaupan uhrien auttamisjärjestelmä toimii Suomen kansallisena "
        "ohjausmekanismina, johon viranomaiset, järjestöt ja uhrit itse voivat ottaa "
        "yhteyttä ympäri vuorokauden.",
        "The Assistance System for Victims of Human Trafficking is Finland's national "
        "referral mechanism, open around the clock to authorities, NGOs and victims.",
        ["sexual-exploitation", "forced-labour"],
        ["social-services"],
    ),
    (
        "FI",
        "ihmiskaupan-tunnistaminen-tyosuojelussa",
        "fi",
        "Ihmiskaupan tunnistaminen työsuojelutarkastuksissa",
        "Työsuojelutarkastajat tunnistavat ihmiskaupan ja työperäisen hyväksikäytön merkkejä "
        "tarkastuksilla ja ohjaavat mahdolliset uhrit auttamisjärjestelmään.",
        "Labour inspectors recognise the signs of trafficking and labour exploitation during "
        "inspections and refer possible victims to the assistance system.",
        ["forced-labour"],
        ["labour-inspection"],
    ),
    (
        "FI",
        "marjanpoimijoiden-tiedotuskampanja",
        "fi",
        "Marjanpoimijoiden tiedotuskampanja ihmiskaupasta",
        "Luonnonmarjojen poimijoille kerrotaan heidän oikeuksistaan ja ihmiskaupan "
        "merkeistä heidän omilla kielillään ennen poimintakautta.",
        "Wild-berry pickers learn about their rights and the signs of trafficking in their "
        "own languages before the picking season.",
        ["forced-labour"],
        ["ngos", "private-sector"],
    ),
    (
        "FI",
        "ihmiskaupan-uhrien-oikeudellinen-neuvonta",
        "fi",
        "Ihmiskaupan uhrien maksuton oikeudellinen neuvonta",
        "Järjestön juristit neuvovat ihmiskaupan uhreja maksutta rikosprosessissa, "
        "korvausvaatimuksissa ja oleskeluluvissa.",
        "An NGO's lawyers give victims of trafficking free advice on criminal proceedings, "
        "compensation claims and residence permits.",
        ["sexual-exploitation", "forced-labour", "forced-criminality"],
        ["ngos"],
    ),
    (
        "FI",
        "ihmiskauppa-koulutus-poliisille",
        "fi",
        "Ihmiskauppa-koulutus poliisille ja rajavartijoille",
        "Verkkokurssi opettaa poliisille ja rajavartijoille, miten ihmiskauppa tunnistetaan "
        "ja miten uhria kuullaan turvallisesti.",
        "An online course teaches police officers and border guards how to recognise "
        "trafficking and how to interview a victim safely.",
        ["sexual-exploitation", "forced-labour"],
        ["police", "border-guard"],
    ),
    (
        "SE",
        "barnahus-for-barn-utsatta-for-manniskohandel",
        "sv",
        "Barnahus för barn som utsatts för människohandel",
        "Barn som misstänks vara offer för människohandel tas emot på Barnahus, där polis, "
        "åklagare, socialtjänst och barnhälsovård samverkar under ett tak.",
        "Children suspected of being victims of trafficking are received at a Barnahus, "
        "where police, prosecutors, social services and child health care work together.",
        ["sexual-exploitation", "forced-criminality"],
        ["police", "social-services"],
    ),
    (
        "SE",
        "nationellt-metodstod-mot-manniskohandel",
        "sv",
        "Nationellt metodstöd och regionkoordinatorer mot människohandel",
        "Ett nationellt metodstöd ger myndigheter och organisationer råd i enskilda ärenden "
        "om människohandel och tvångsarbete.",
        "A national support function advises authorities and organisations on individual "
        "cases of trafficking and forced labour.",
        ["forced-labour", "sexual-exploitation"],
        ["municipalities", "labour-inspection"],
    ),
    (
        "IS",
        "barnahus-fyrir-tholendur-mansals",
        "is",
        "Barnahús fyrir börn sem eru þolendur mansals",
        "Börn sem grunur leikur á að séu þolendur mansals fá viðtal og stuðning í Barnahúsi, "
        "þar sem lögregla, barnavernd og heilbrigðisþjónusta vinna saman.",
        "Children suspected of being victims of trafficking are interviewed and supported "
        "at the Barnahús, where police, child protection and health care work together.",
        ["sexual-exploitation"],
        ["police", "social-services"],
    ),
    (
        "NO",
        "koordineringsenheten-for-ofre-for-menneskehandel",
        "nb",
        "Koordineringsenheten for ofre for menneskehandel",
        "Koordineringsenheten gir råd til etater og organisasjoner som møter mulige ofre for "
        "menneskehandel, og samler tall om identifiserte ofre.",
        "The coordination unit advises agencies and organisations that meet possible victims "
        "of trafficking and gathers figures on identified victims.",
        ["sexual-exploitation", "forced-labour"],
        ["police", "ngos"],
    ),
    (
        "DK",
        "opsogende-arbejde-blandt-udenlandske-kvinder",
        "da",
        "Opsøgende arbejde blandt udenlandske kvinder i prostitution",
        "Opsøgende medarbejdere møder kvinder i prostitution, der kan være ofre for "
        "menneskehandel, og tilbyder rådgivning på deres eget sprog.",
        "Outreach workers meet women in prostitution who may be victims of trafficking and "
        "offer advice in their own language.",
        ["sexual-exploitation"],
        ["ngos", "social-services"],
    ),
]

#: Where the labour-inspection practices are: (country, town).
INSPECTIONS = [
    (country, town)
    for country, towns in {
        "NO": ("Bergen", "Stavanger", "Trondheim", "Tromsø", "Kristiansand", "Drammen"),
        "DK": ("Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle"),
        "SE": ("Göteborg", "Malmö", "Umeå", "Luleå", "Uppsala", "Växjö"),
        "FI": ("Tampere", "Oulu", "Turku", "Kuopio", "Vaasa"),
    }.items()
    for town in towns
]

#: The tracker's recommendations: code -> (slug, title, theme, audience, issued).
RECOMMENDATIONS = {
    "R-2022-01": (
        "nordic-network-of-coordinators",
        "Establish a Nordic network of national anti-trafficking coordinators",
        "cooperation",
        "public",
        datetime.date(2022, 3, 21),
    ),
    "R-2022-02": (
        "national-referral-mechanisms",
        "Give every country a national referral mechanism open to all victims",
        "identification",
        "public",
        datetime.date(2022, 3, 21),
    ),
    "R-2023-01": (
        "labour-inspection-mandate",
        "Give labour inspectors a mandate to detect trafficking for forced labour",
        "labour",
        "public",
        datetime.date(2023, 5, 10),
    ),
    "R-2024-05": (
        "online-recruitment",
        "Detect and counter online recruitment and advertising for exploitation",
        "prevention",
        "members",
        datetime.date(2024, 10, 10),
    ),
}

#: Where each country stands on them: code -> {country: (status, note)}.
STATUSES = {
    "R-2022-01": {
        "FI": (Status.IMPLEMENTED, "Finland takes part in the network's meetings."),
        "SE": (Status.IMPLEMENTED, "Sweden's coordinator represents the country."),
        "NO": (Status.PARTLY, "Norway takes part; a deputy is not yet named."),
        "DK": (Status.IN_PROGRESS, "The Danish centre prepares the mandate."),
    },
    "R-2022-02": {
        "FI": (Status.IMPLEMENTED, "The assistance system is the referral mechanism."),
        "IS": (Status.PLANNED, "A bill is planned for the spring session."),
    },
    "R-2023-01": {
        "NO": (Status.IN_PROGRESS, "The labour inspection's mandate is being reviewed."),
        "SE": (Status.PARTLY, "Joint inspections run in three regions."),
    },
}


def _paragraphs(texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


#: The English titles of PRACTICES, as their editors write them.
ENGLISH_TITLES = {
    "auttamisjarjestelmaan-ohjaaminen": "National referral to the assistance system for victims",
    "ihmiskaupan-tunnistaminen-tyosuojelussa": "Identifying trafficking in labour inspections",
    "barnahus-fyrir-tholendur-mansals": "Barnahús for child victims of trafficking",
    "koordineringsenheten-for-ofre-for-menneskehandel": (
        "The coordination unit for victims of trafficking"
    ),
}


def _library(spaces):
    civil_society_platform(spaces["FI"])
    for country, slug, language, title, summary, summary_en, forms, sectors in PRACTICES:
        extra = {"title_en": ENGLISH_TITLES[slug]} if slug in ENGLISH_TITLES else {}
        publish_practice(
            spaces[country],
            slug=slug,
            language=language,
            title=title,
            **extra,
            summary=summary,
            summary_en=summary_en,
            # A description in the practice's own language, as its editors write it.
            body=_paragraphs([summary]),
            forms=forms,
            sectors=sectors,
            approaches=["protection"],
        )
    publish_practice(
        spaces["FI"],
        slug="matalan-kynnyksen-konsultaatio",
        language="fi",
        audience="members",
        title="Matalan kynnyksen konsultaatio seksialan ihmiskaupan uhreille",
        summary=(
            "Järjestön työpari tarjoaa nimetöntä ja matalan kynnyksen konsultaatiota "
            "seksialalla ihmiskaupan uhreiksi joutuneille."
        ),
        summary_en=(
            "An NGO's two-person team offers anonymous, low-threshold consultation to victims "
            "of trafficking in the sex industry."
        ),
        body=_paragraphs(["Konsultaatioon voi tulla nimettömänä, eikä sitä kirjata."]),
        forms=["sexual-exploitation"],
        sectors=["ngos"],
    )
    publish_practice(
        spaces["SE"],
        slug="offer-i-organiserade-stoldligor",
        language="sv",
        audience="members",
        title="Identifiering av offer i organiserade stöldligor",
        summary=(
            "Polisens checklista för att upptäcka när personer som grips för stölder i "
            "organiserade stöldligor kan vara offer för människohandel."
        ),
        summary_en=(
            "The police's checklist to detect when people arrested for thefts by organised "
            "gangs may be victims of trafficking for forced criminality."
        ),
        body=_paragraphs(["Checklistan används vid varje gripande för stöld."]),
        forms=["forced-criminality"],
        sectors=["police"],
    )
    publish_practice(
        spaces["FI"],
        slug="follow-the-money-bank-partnership",
        audience="country",
        title="Follow-the-money partnership with banks in trafficking cases",
        summary=(
            "The police and the largest banks share red-flag indicators so that transactions "
            "linked to trafficking are reported faster."
        ),
        forms=["sexual-exploitation", "forced-labour"],
        sectors=["police", "private-sector"],
    )
    for number, (country, town) in enumerate(INSPECTIONS, start=1):
        publish_practice(
            spaces[country],
            slug=f"joint-labour-inspections-{number}",
            title=f"Joint labour inspections against trafficking in {town}",
            summary=(
                f"Labour inspectors, the police and the tax authority in {town} inspect "
                "workplaces together and refer possible victims of trafficking for forced "
                "labour to assistance."
            ),
            forms=["forced-labour"],
            sectors=["labour-inspection", "police"],
            approaches=["prevention", "partnership"],
            start_year=2015 + number % 8,
        )


def _seminars():
    helsinki = helsinki_seminar()
    # Practices presented there: a public one and one for members only.
    for order, slug in enumerate(["civil-society-platform", "matalan-kynnyksen-konsultaatio"]):
        helsinki.presented_practices.add(
            PresentedPractice(
                sort_order=order,
                practice=PracticePage.objects.get(slug=slug),
                session="Workshop 3: Sexual exploitation and low-threshold support",
            )
        )
    helsinki.save_revision().publish()
    oslo = cross_border_seminar()
    ends = timezone.make_aware(datetime.datetime.combine(oslo.start_date, oslo.end_time))
    SeminarRecording.objects.create(
        page=oslo,
        title="Live stream of Part I",
        url="https://video.example/nordic-thb/oslo/live",
        audience="registrants",
        available_until=ends + datetime.timedelta(days=30),
    )


def _tracker():
    every_country = list(Country.objects.values_list("code", flat=True))
    coordinators = {user.username: user for user in get_user_model().objects.all()}
    for code, (slug, title, theme, audience, issued) in RECOMMENDATIONS.items():
        page = publish_recommendation(
            code,
            countries=every_country,
            audience=audience,
            slug=slug,
            title=title,
            theme=theme,
            issued=issued,
            text=f"<p>{title}, and report on it to the network each year.</p>",
        )
        for country, (status, note) in STATUSES.get(code, {}).items():
            coordinator = coordinators[f"{country.lower()}-coordinator"]
            apply_update(impl_of(page, country), coordinator, {"status": status}, note=note)
        if code == "R-2022-01":  # evidence: shown on the practice's page too
            impl_of(page, "FI").evidence_practices.add(
                PracticePage.objects.get(slug="civil-society-platform")
            )


def _questions():
    from tests.questions.factories import answer_to, question_on

    people = {user.username: user for user in get_user_model().objects.all()}
    platform = PracticePage.objects.get(slug="civil-society-platform")
    question = question_on(
        platform,
        people["expert-police"],
        title="Who chairs the platform's meetings?",
        body="We plan a similar platform in Sweden and wonder how the chair is chosen.",
    )
    answer_to(question, people["fi-coordinator"], body="The members elect a chair each year.")
    hidden = answer_to(question, people["expert-ngo"], body="Ask Liisa, her number is here.")
    hidden.hide(people["secretariat"], "A personal phone number")
    question_on(
        CountryPage.objects.get(country__code="FI"),
        people["fi-coordinator"],
        title="Who reviews the national action plan?",
        language="en",
    )
    question_on(
        Page.objects.get(slug="nordic-network-of-coordinators").specific,
        people["se-coordinator"],
        title="Does a network meeting count as reporting?",
    )


def build_site():
    """Build the whole site on the base (idempotent only within one rolled-back run)."""
    for slug, (title, intro, paragraphs) in NETWORK_PAGES.items():
        network_page(
            slug=slug,
            title=title,
            intro=intro,
            body=_paragraphs(paragraphs),
            show_in_menus=slug in ("about", "principles"),
        )
    members_handbook(
        intro="What members of the network need to know.",
        body=_paragraphs(["Members meet twice a year and share their drafts here first."]),
    )
    join_form(privacy_page=Page.objects.child_of(HomePage.objects.get()).get(slug="privacy"))
    _library({space.country.code: space for space in CountryPage.objects.select_related("country")})
    _seminars()
    _tracker()
    _questions()
    # The network pages in the six languages, as the demo has them: the checks of the
    # interface language then read translated pages as well as English fallbacks.
    seed_translations(HomePage.objects.get(), user=None)
