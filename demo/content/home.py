"""Demo content for seed_demo. Every person here is invented."""

DEMO_USERS = [
    # username, first, last, email, groups, country code, organisation, sector, superuser
    (
        "admin",
        "Hanna",
        "Admin",
        "admin@nordic-thb.example",
        [],
        None,
        "Network secretariat",
        "other",
        True,
    ),
    (
        "secretariat",
        "Nora",
        "Dahl",
        "nora.dahl@nordic-thb.example",
        ["Secretariat"],
        None,
        "Network secretariat",
        "other",
        False,
    ),
    (
        "fi-coordinator",
        "Aino",
        "Lehtonen",
        "aino.lehtonen@oikeus.example",
        ["Finland coordinators"],
        "FI",
        "Ministry of Justice, Finland",
        "ministry",
        False,
    ),
    (
        "fi-editor",
        "Mikko",
        "Saarinen",
        "mikko.saarinen@oikeus.example",
        ["Finland editors"],
        "FI",
        "Ministry of Justice, Finland",
        "ministry",
        False,
    ),
    (
        "se-coordinator",
        "Karin",
        "Lindqvist",
        "karin.lindqvist@lansstyrelsen.example",
        ["Sweden coordinators"],
        "SE",
        "County Administrative Board of Stockholm",
        "ministry",
        False,
    ),
    (
        "se-editor",
        "Johan",
        "Berg",
        "johan.berg@lansstyrelsen.example",
        ["Sweden editors"],
        "SE",
        "County Administrative Board of Stockholm",
        "ministry",
        False,
    ),
    (
        "no-coordinator",
        "Ingrid",
        "Solberg",
        "ingrid.solberg@jd.example",
        ["Norway coordinators"],
        "NO",
        "Ministry of Justice and Public Security, Norway",
        "ministry",
        False,
    ),
    (
        "dk-coordinator",
        "Mette",
        "Kjær",
        "mette.kjaer@cmm.example",
        ["Denmark coordinators"],
        "DK",
        "Danish Centre against Human Trafficking",
        "ministry",
        False,
    ),
    (
        "is-coordinator",
        "Guðrún",
        "Magnúsdóttir",
        "gudrun.m@dmr.example",
        ["Iceland coordinators"],
        "IS",
        "Ministry of Justice, Iceland",
        "ministry",
        False,
    ),
    (
        "fi-ministry",
        "Liisa",
        "Heikkilä",
        "liisa.heikkila@intermin.example",
        ["Finland ministry"],
        "FI",
        "Ministry of the Interior, Finland",
        "ministry",
        False,
    ),
    (
        "se-ministry",
        "Anders",
        "Holm",
        "anders.holm@regeringskansliet.example",
        ["Sweden ministry"],
        "SE",
        "Ministry of Employment, Sweden",
        "ministry",
        False,
    ),
    (
        "expert-police",
        "Erik",
        "Nyström",
        "erik.nystrom@polis.example",
        ["Experts"],
        "SE",
        "Swedish Police Authority, National Operations Department",
        "police",
        False,
    ),
    (
        "expert-ngo",
        "Sofia",
        "Virtanen",
        "sofia.virtanen@victimsupport.example",
        ["Experts"],
        "FI",
        "Victim Support Finland",
        "ngo",
        False,
    ),
    (
        "expert-labour",
        "Lars",
        "Haugen",
        "lars.haugen@arbeidstilsynet.example",
        ["Experts"],
        "NO",
        "Norwegian Labour Inspection Authority",
        "other",
        False,
    ),
]

HOME_INTRO = (
    "<p>The Nordic network of national anti-trafficking coordinators shares what works "
    "against trafficking in human beings: practices, seminar outputs and how each country "
    "follows up the network's recommendations.</p>"
)

HOME_BODY = [
    ("heading", {"text": "What the network is for", "size": "h2"}),
    (
        "paragraph",
        '<p>The <a page="seminars/helsinki-2021/">seminar on Nordic best practices against '
        "trafficking in human beings</a> (Helsinki, 18 November 2021) recommended a standing "
        "network of the national coordinators. The network supports information exchange and "
        "cooperation between authorities to prevent and combat trafficking in the Nordic "
        "countries, and brings police, victim-support organisations and researchers to the same "
        "table.</p>",
    ),
    ("heading", {"text": "Our principles", "size": "h2"}),
    (
        "paragraph",
        "<ul><li>Victim-centred: every measure is judged by what it does for victims.</li>"
        "<li>Human rights first, in line with the Council of Europe Convention and the EU "
        "anti-trafficking directive.</li><li>No form of exploitation, victim group or method "
        "is left out: sexual exploitation, forced labour, forced criminality and more are "
        "treated side by side.</li><li>Practical: we share what has been done and can be "
        "done again elsewhere.</li></ul>",
    ),
    (
        "key_figures",
        [
            {"value": "8", "label": "country spaces"},
            {"value": "80", "label": "experts at the founding seminar"},
            {"value": "6", "label": "working languages"},
        ],
    ),
]

NETWORK_PAGES = [
    {
        "slug": "about",
        "title": "About the network",
        "intro": "Who we are, how the network came about and how it works.",
        "audience": "public",
        "body": [
            (
                "paragraph",
                "<p>The network brings together the national anti-trafficking coordinators of "
                "Denmark, Finland, Iceland, Norway and Sweden, and of Åland, the Faroe Islands "
                "and Greenland. Its secretariat rotates with the presidency of the Nordic "
                'Council of Ministers.</p><p>Each country runs <a page="countries/">its own '
                "space</a> on this hub, where its coordinator publishes the country's "
                '<a page="practices/">practices</a> and reports on the follow-up of the '
                'network\'s <a page="recommendations/">recommendations</a>.</p>',
            ),
            ("heading", {"text": "How the network works", "size": "h2"}),
            (
                "paragraph",
                "<p>The coordinators meet twice a year, and hold a "
                '<a page="seminars/">seminar</a> open to experts from authorities, civil society '
                "and research every other year. Between meetings, work happens here: practices "
                "are shared, questions are asked and recommendations are followed up.</p>",
            ),
        ],
    },
    {
        "slug": "principles",
        "title": "Aims and principles",
        "intro": "What the members of the network are committed to.",
        "audience": "public",
        "body": [
            (
                "paragraph",
                "<p>The members of the network share a commitment to action against "
                "trafficking in human beings and to a victim-centred approach. Their work is "
                "based on human rights and on the international agreements and directives on "
                "trafficking. The network is independent of any political ideology or "
                "religion.</p>",
            ),
            ("heading", {"text": "The network aims to", "size": "h2"}),
            (
                "paragraph",
                "<ul><li>share information and expertise between the coordinators and the "
                "authorities they work with;</li><li>keep an up-to-date picture of "
                "trafficking in the Nordic region;</li><li>develop assistance to victims and "
                "cross-border referral;</li><li>follow policy, practice and legislation at "
                "national and international level.</li></ul>",
            ),
        ],
    },
    {
        "slug": "members-handbook",
        "title": "Members' handbook",
        "intro": "Practical guidance for members: contacts, meeting rules, how to share.",
        "audience": "members",
        "body": [
            (
                "paragraph",
                "<p>Members may share practices marked \u201cnetwork members\u201d with "
                "colleagues in their own organisation, but not publicly. Country-team "
                "material stays within the country's coordinators, editors and ministry.</p>",
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": "How accessible this hub is, what is not yet, and how to tell us.",
        "audience": "public",
        "body": [
            (
                "paragraph",
                "<p>The network secretariat wants everyone to be able to use this website, "
                "whatever their abilities or equipment. This statement covers the public "
                "site and the members' areas of the Nordic THB Coordinators Hub. It follows "
                "the EU Web Accessibility Directive (2016/2102) and the model statement of "
                "Commission Implementing Decision (EU) 2018/1523.</p>",
            ),
            ("heading", {"text": "Compliance status", "size": "h2"}),
            (
                "paragraph",
                "<p>This website is <b>partially compliant</b> with the Web Content "
                "Accessibility Guidelines (WCAG) 2.1 at level AA (the European standard "
                "EN 301 549), because of the content listed below. The site's own pages, "
                "forms, search and tracker meet level AA.</p>",
            ),
            ("heading", {"text": "Content that is not accessible", "size": "h2"}),
            (
                "paragraph",
                "<p><b>Documents from the member countries.</b> Some PDF reports uploaded by "
                "national coordinators, in particular scanned reports published before 2022, "
                "have no text layer or headings (WCAG 1.1.1, 1.3.1 and 2.4.2). Their main "
                "content is summarised on the practice page that links them; ask the secretariat "
                "for an accessible version.</p><p><b>Seminar recordings.</b> The recordings of "
                'the <a page="seminars/helsinki-2021/">Helsinki 2021 seminar</a> have captions '
                "in English only, and no audio description of the slides (WCAG 1.2.5); the "
                "slides are published as documents beside them.</p><p><b>Content in several "
                "languages.</b> Practices are written in their country's language, with an "
                "English summary; they are not translated into every Nordic language.</p>",
            ),
            ("heading", {"text": "How we test", "size": "h2"}),
            (
                "paragraph",
                "<p>Every release is checked with automated tests (axe-core) on every page "
                "type at desktop and phone widths, and the three main journeys (publishing, "
                "finding and following up) are run in a browser with the keyboard alone. "
                "The interface is available in English, Finnish, Swedish, Norwegian, "
                "Danish and Icelandic.</p>",
            ),
            ("heading", {"text": "Preparation of this statement", "size": "h2"}),
            (
                "paragraph",
                "<p>This statement was prepared on 23 November 2026 by self-assessment by "
                "the network secretariat. It was last reviewed on 23 November 2026.</p>",
            ),
            ("heading", {"text": "Feedback and contact", "size": "h2"}),
            (
                "paragraph",
                "<p>If you meet a barrier on this site, or need content in another format, "
                "write to the secretariat at "
                '<a href="mailto:secretariat@nordic-thb.example">'
                "secretariat@nordic-thb.example</a>. Tell us the page and the problem; we "
                "answer within 14 days.</p>",
            ),
            ("heading", {"text": "Enforcement procedure", "size": "h2"}),
            (
                "paragraph",
                "<p>If you are not satisfied with our answer, you can turn to the authority "
                "that supervises web accessibility in your country: in Finland the "
                "accessibility monitoring unit "
                '(<a href="https://www.saavutettavuusvaatimukset.fi/">'
                "saavutettavuusvaatimukset.fi</a>), in Sweden the Agency for Digital "
                'Government (<a href="https://www.digg.se/">digg.se</a>), in Norway the '
                "Authority for Universal Design of ICT "
                '(<a href="https://www.uutilsynet.no/">uutilsynet.no</a>) and in Denmark '
                "the Agency for Digital Government "
                '(<a href="https://digst.dk/">digst.dk</a>).</p>',
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "intro": "What personal data the hub keeps and why.",
        "audience": "public",
        "body": [
            (
                "paragraph",
                "<p>The hub stores the accounts of network members (name, email, country, "
                "organisation, sector) and the applications sent through the "
                '<a page="join/">join form</a>. It stores no data about victims: practices '
                "describe measures, never cases. The quick-exit button and the Shift key pressed "
                "three times leave the site at once.</p>",
            ),
        ],
    },
]

JOIN_FORM = {
    "slug": "join",
    # The network page the form links to for what becomes of an application.
    "privacy": "privacy",
    "title": "Join the network",
    "intro": (
        "<p>Authorities, civil-society organisations and researchers working against "
        "trafficking in the Nordic countries can apply to join the network or its mailing "
        "list. The secretariat reviews every application and answers within two weeks.</p>"
    ),
    "thank_you_text": (
        "<p>Thank you. Your application has reached the secretariat, who will contact you "
        "by email.</p>"
    ),
    "fields": [
        ("Full name", "singleline", True, "", ""),
        ("Email address", "email", True, "", "We only use it to answer your application."),
        ("Organisation", "singleline", True, "", ""),
        (
            "Country",
            "dropdown",
            True,
            "Denmark\nFinland\nIceland\nNorway\nSweden\nÅland\nFaroe Islands\nGreenland\nOther",
            "",
        ),
        ("Sector", "dropdown", True, "Police\nNGO\nMinistry\nResearch\nOther", ""),
        (
            "I apply for",
            "radio",
            True,
            "Network membership\nThe mailing list only",
            "",
        ),
        ("Message", "multiline", False, "", "Your work against trafficking, in a few lines."),
        (
            "I agree that the secretariat stores this application",
            "checkbox",
            True,
            "",
            # The form itself links the privacy notice (its privacy page), under its fields.
            "",
        ),
    ],
}

COUNTRY_CONTENT = {
    "FI": {
        "intro": "<p>Finland's national anti-trafficking coordinator works at the Ministry of "
        "Justice and leads the government's action plan against trafficking.</p>",
        "structures": "<p>The National Assistance System for Victims of Human Trafficking, "
        "run by the Joutseno reception centre, decides on entry into assistance. The "
        "Non-Discrimination Ombudsman is the national rapporteur. A national coordinator and "
        "an interministerial coordination group steer the action plan.</p>",
        "contacts": [
            (
                "Aino Lehtonen",
                "National anti-trafficking coordinator",
                "Ministry of Justice",
                "aino.lehtonen@oikeus.example",
                "+358 29 500 0101",
            ),
            (
                "Mikko Saarinen",
                "Senior specialist",
                "Ministry of Justice",
                "mikko.saarinen@oikeus.example",
                "",
            ),
        ],
    },
    "SE": {
        "intro": "<p>In Sweden, the County Administrative Board of Stockholm holds the "
        "national coordination against prostitution and trafficking.</p>",
        "structures": "<p>The national method support team (NMT) brings authorities "
        "together; regional coordinators in the police regions refer presumed victims to "
        "support through the national support programme run with civil society.</p>",
        "contacts": [
            (
                "Karin Lindqvist",
                "National coordinator",
                "County Administrative Board of Stockholm",
                "karin.lindqvist@lansstyrelsen.example",
                "+46 10 000 0202",
            ),
        ],
    },
    "NO": {
        "intro": "<p>Norway's coordination unit for victims of trafficking (KOM) gathers "
        "authorities and organisations around identification and assistance.</p>",
        "structures": "<p>The Ministry of Justice and Public Security coordinates the "
        "national action plan; KOM coordinates assistance; the ROSA project provides shelter "
        "and support for women.</p>",
        "contacts": [
            (
                "Ingrid Solberg",
                "National coordinator",
                "Ministry of Justice and Public Security",
                "ingrid.solberg@jd.example",
                "+47 22 00 03 03",
            ),
        ],
    },
    "DK": {
        "intro": "<p>The Danish Centre against Human Trafficking coordinates the national "
        "effort and the social support to victims.</p>",
        "structures": "<p>The Centre identifies victims together with the police and the "
        "immigration service, and runs outreach with NGO partners.</p>",
        "contacts": [
            (
                "Mette Kjær",
                "Head of centre",
                "Danish Centre against Human Trafficking",
                "mette.kjaer@cmm.example",
                "+45 00 00 04 04",
            ),
        ],
    },
    "IS": {
        "intro": "<p>Iceland's coordination against trafficking is led by the Ministry of "
        "Justice with the police and Bjarkarhlíð family justice centre.</p>",
        "structures": "<p>A coordination team of the police, social services and the "
        "Directorate of Labour meets monthly; Bjarkarhlíð offers a first contact point.</p>",
        "contacts": [
            (
                "Guðrún Magnúsdóttir",
                "Coordinator",
                "Ministry of Justice",
                "gudrun.m@dmr.example",
                "+354 500 0505",
            ),
        ],
    },
    "AX": {
        "intro": "<p>Åland's government coordinates anti-trafficking work with Finland's "
        "national assistance system, in Swedish.</p>",
        "structures": "<p>The Government of Åland's social department is the contact point; "
        "victims are referred to the Finnish National Assistance System.</p>",
        "contacts": [
            (
                "Linnea Sjöholm",
                "Contact point against trafficking",
                "Government of Åland",
                "linnea.sjoholm@regeringen.example",
                "",
            ),
        ],
    },
    "FO": {
        "intro": "<p>The Faroe Islands follow up trafficking cases with the Danish Centre "
        "against Human Trafficking and the Faroese police.</p>",
        "structures": "<p>The Ministry of Social Affairs coordinates; the police and social "
        "services identify victims and refer them.</p>",
        "contacts": [
            (
                "Rannvá Joensen",
                "Coordinator",
                "Ministry of Social Affairs, Faroe Islands",
                "rannva.joensen@stjornarrad.example",
                "",
            ),
        ],
    },
    "GL": {
        "intro": "<p>Greenland's work against trafficking is coordinated by the Government "
        "of Greenland with the Greenland police.</p>",
        "structures": "<p>The Agency for Social Affairs is the contact point; cases are "
        "followed with the Danish Centre against Human Trafficking.</p>",
        "contacts": [
            (
                "Aviaja Lynge",
                "Contact point",
                "Government of Greenland",
                "aviaja.lynge@naalakkersuisut.example",
                "",
            ),
        ],
    },
}
