"""The library's starting taxonomies, in the six working languages.

The secretariat edits the terms afterwards as snippets; ``ensure_terms`` only adds what is
missing, so it never overwrites their edits.
"""

from core.languages import CODES as LANGS

# slug: (en, fi, sv, nb, da, is)
FORMS = {
    "sexual-exploitation": (
        "Sexual exploitation",
        "Seksuaalinen hyväksikäyttö",
        "Sexuell exploatering",
        "Seksuell utnytting",
        "Seksuel udnyttelse",
        "Kynferðisleg misneyting",
    ),
    "forced-labour": (
        "Forced labour",
        "Pakkotyö",
        "Tvångsarbete",
        "Tvangsarbeid",
        "Tvangsarbejde",
        "Nauðungarvinna",
    ),
    "forced-criminality": (
        "Forced criminality",
        "Pakottaminen rikolliseen toimintaan",
        "Tvång att begå brott",
        "Tvungen kriminalitet",
        "Tvungen kriminalitet",
        "Þvinguð brotastarfsemi",
    ),
    "forced-begging": (
        "Forced begging",
        "Pakkokerjäläisyys",
        "Tvångstiggeri",
        "Tvungen tigging",
        "Tvungen tiggeri",
        "Þvinguð betl",
    ),
    "forced-marriage": (
        "Forced marriage",
        "Pakkoavioliitto",
        "Tvångsäktenskap",
        "Tvangsekteskap",
        "Tvangsægteskab",
        "Nauðungarhjónaband",
    ),
    "organ-removal": (
        "Organ removal",
        "Elinten poisto",
        "Organhandel",
        "Fjerning av organer",
        "Fjernelse af organer",
        "Brottnám líffæra",
    ),
    "other": ("Other", "Muu", "Annat", "Annet", "Andet", "Annað"),
}

TARGET_GROUPS = {
    "children": ("Children", "Lapset", "Barn", "Barn", "Børn", "Börn"),
    "women": ("Women", "Naiset", "Kvinnor", "Kvinner", "Kvinder", "Konur"),
    "men": ("Men", "Miehet", "Män", "Menn", "Mænd", "Karlar"),
    "migrant-workers": (
        "Migrant workers",
        "Ulkomaiset työntekijät",
        "Migrantarbetare",
        "Arbeidsinnvandrere",
        "Vandrende arbejdstagere",
        "Farandverkafólk",
    ),
    "asylum-seekers": (
        "Asylum seekers and refugees",
        "Turvapaikanhakijat ja pakolaiset",
        "Asylsökande och flyktingar",
        "Asylsøkere og flyktninger",
        "Asylansøgere og flygtninge",
        "Umsækjendur um vernd og flóttafólk",
    ),
    "people-in-prostitution": (
        "People in prostitution",
        "Seksityötä tekevät",
        "Personer i prostitution",
        "Personer i prostitusjon",
        "Personer i prostitution",
        "Fólk í vændi",
    ),
    "undocumented-migrants": (
        "Undocumented migrants",
        "Paperittomat",
        "Papperslösa",
        "Papirløse migranter",
        "Udokumenterede migranter",
        "Skilríkjalausir farandmenn",
    ),
    "persons-with-disabilities": (
        "Persons with disabilities",
        "Vammaiset henkilöt",
        "Personer med funktionsnedsättning",
        "Personer med funksjonsnedsettelse",
        "Personer med handicap",
        "Fatlað fólk",
    ),
}

SECTORS = {
    "police": ("Police", "Poliisi", "Polis", "Politi", "Politi", "Lögregla"),
    "border-guard": (
        "Border guard",
        "Rajavartiolaitos",
        "Gränskontroll",
        "Grensekontroll",
        "Grænsekontrol",
        "Landamæraeftirlit",
    ),
    "prosecution": (
        "Prosecution",
        "Syyttäjälaitos",
        "Åklagare",
        "Påtalemyndighet",
        "Anklagemyndighed",
        "Ákæruvald",
    ),
    "courts": ("Courts", "Tuomioistuimet", "Domstolar", "Domstoler", "Domstole", "Dómstólar"),
    "labour-inspection": (
        "Labour inspection",
        "Työsuojelu",
        "Arbetsmiljöinspektion",
        "Arbeidstilsyn",
        "Arbejdstilsyn",
        "Vinnueftirlit",
    ),
    "social-services": (
        "Social services",
        "Sosiaalipalvelut",
        "Socialtjänst",
        "Sosialtjenester",
        "Socialforvaltning",
        "Félagsþjónusta",
    ),
    "health-care": (
        "Health care",
        "Terveydenhuolto",
        "Hälso- och sjukvård",
        "Helsetjenester",
        "Sundhedsvæsen",
        "Heilbrigðisþjónusta",
    ),
    "ngos": (
        "NGOs",
        "Järjestöt",
        "Ideella organisationer",
        "Frivillige organisasjoner",
        "NGO'er",
        "Frjáls félagasamtök",
    ),
    "municipalities": (
        "Municipalities",
        "Kunnat",
        "Kommuner",
        "Kommuner",
        "Kommuner",
        "Sveitarfélög",
    ),
    "research": ("Research", "Tutkimus", "Forskning", "Forskning", "Forskning", "Rannsóknir"),
    "private-sector": (
        "Private sector",
        "Yksityinen sektori",
        "Privat sektor",
        "Privat sektor",
        "Privat sektor",
        "Einkageirinn",
    ),
}

APPROACHES = {
    "prevention": (
        "Prevention",
        "Ennaltaehkäisy",
        "Förebyggande",
        "Forebygging",
        "Forebyggelse",
        "Forvarnir",
    ),
    "protection": ("Protection", "Suojelu", "Skydd", "Beskyttelse", "Beskyttelse", "Vernd"),
    "prosecution": (
        "Prosecution",
        "Syytteeseenpano",
        "Lagföring",
        "Straffeforfølgning",
        "Retsforfølgning",
        "Saksókn",
    ),
    "partnership": (
        "Partnership",
        "Kumppanuus",
        "Partnerskap",
        "Partnerskap",
        "Partnerskab",
        "Samstarf",
    ),
}


def ensure_terms(apps=None) -> None:
    """Create missing taxonomy terms (by slug); never overwrite edited names.

    Args:
        apps: the app registry of a data migration, or None for the live models.
    """
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
    for model_name, terms in (
        ("FormOfExploitation", FORMS),
        ("TargetGroup", TARGET_GROUPS),
        ("Sector", SECTORS),
        ("Approach", APPROACHES),
    ):
        model = apps.get_model("practices", model_name)
        for order, (slug, names) in enumerate(terms.items()):
            model.objects.get_or_create(
                slug=slug,
                defaults={"sort_order": order}
                | {f"name_{lang}": name for lang, name in zip(LANGS, names, strict=True)},
            )
