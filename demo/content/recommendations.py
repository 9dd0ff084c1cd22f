"""Demo content of the recommendation tracker, built by ``demo.seeding.recommendations``.

Pure data. Every recommendation lists, for each target country, the history of its
implementation as ``steps``: ``(when, status)`` or ``(when, status, note)``, oldest first.
``when`` is an ISO date, or a whole number of days before the day the seed runs (so recent
reports stay recent). A step without a note takes the recommendation's note for that
status. ``target`` is an ISO date, or a number of days after the seed runs (rounded to the
end of that month); without one, an open item takes the recommendation's due date.
``summary`` and ``next_step`` default to the recommendation's text for the final status;
``{authority}`` and ``{country}`` in them are filled in. ``authority`` names a key of
``AUTHORITIES`` (or, with a space in it, the authority itself).

The people and the reports named here are invented; the authorities are the kind of
national bodies that would be responsible.
"""

ALL = ("DK", "FI", "IS", "NO", "SE", "AX", "FO", "GL")
STATES = ("DK", "FI", "IS", "NO", "SE")

TRACKER = {
    "title": "Recommendation tracker",
    "slug": "recommendations",
    "intro": (
        "<p>The recommendations of the network's seminars, studies and annual meetings, and "
        "how each Nordic country and autonomous territory follows them up. The matrix shows "
        "one row per recommendation and one column per country: each cell gives the status "
        "in words, with a colour and an icon, and when it was last updated. Open a "
        "recommendation for each country's measures and the history of its updates, or a "
        "country for its progress. The national coordinators keep their own country's "
        "entries up to date.</p>"
    ),
}

SEMINAR_REPORT = "Nordic best practices against trafficking in human beings: seminar report"
ANNUAL_2023 = "Network annual meeting 2023 conclusions"
STUDY_2024 = "Nordic study on labour exploitation 2024"
ANNUAL_2024 = "Network annual meeting 2024 conclusions"

#: The body responsible in each country, by area of work.
AUTHORITIES = {
    "FI": {
        "coordination": "National Anti-Trafficking Coordinator, Ministry of Justice",
        "referral": "Assistance System for Victims of Human Trafficking",
        "police": "National Police Board",
        "immigration": "Finnish Immigration Service",
        "compensation": "State Treasury and Ministry of Justice",
        "labour": "Occupational safety and health authorities",
        "procurement": "Ministry of Finance, public procurement unit",
        "children": "Ministry of Social Affairs and Health",
        "data": "National Anti-Trafficking Coordinator, Ministry of Justice",
        "rapporteur": "Non-Discrimination Ombudsman",
    },
    "SE": {
        "coordination": "Swedish Gender Equality Agency (Jämställdhetsmyndigheten)",
        "referral": "Swedish Gender Equality Agency, national method support team",
        "police": "Swedish Police Authority",
        "immigration": "Swedish Migration Agency (Migrationsverket)",
        "compensation": "Crime Victim Authority (Brottsoffermyndigheten)",
        "labour": "Swedish Work Environment Authority (Arbetsmiljöverket)",
        "procurement": "National Agency for Public Procurement (Upphandlingsmyndigheten)",
        "children": "National Board of Health and Welfare (Socialstyrelsen)",
        "data": "Swedish Gender Equality Agency (Jämställdhetsmyndigheten)",
        "rapporteur": "Government Offices of Sweden, Ministry of Employment",
    },
    "NO": {
        "coordination": "Ministry of Justice and Public Security",
        "referral": "Coordination Unit for Victims of Trafficking (KOM), Police Directorate",
        "police": "Norwegian Police Directorate (Politidirektoratet)",
        "immigration": "Norwegian Directorate of Immigration (UDI)",
        "compensation": "Norwegian Criminal Injuries Compensation Authority",
        "labour": "Norwegian Labour Inspection Authority (Arbeidstilsynet)",
        "procurement": "Norwegian Agency for Public and Financial Management (DFØ)",
        "children": "Norwegian Directorate for Children, Youth and Family Affairs (Bufdir)",
        "data": "Coordination Unit for Victims of Trafficking (KOM), Police Directorate",
        "rapporteur": "Ministry of Justice and Public Security",
    },
    "DK": {
        "coordination": "Danish Centre against Human Trafficking",
        "referral": "Danish Centre against Human Trafficking",
        "police": "Danish National Police (Rigspolitiet)",
        "immigration": "Danish Immigration Service (Udlændingestyrelsen)",
        "compensation": "Danish Criminal Injuries Compensation Board (Erstatningsnævnet)",
        "labour": "Danish Working Environment Authority (Arbejdstilsynet)",
        "procurement": "Danish Competition and Consumer Authority",
        "children": "National Board of Social Services (Social- og Boligstyrelsen)",
        "data": "Danish Centre against Human Trafficking",
        "rapporteur": "Ministry of Justice, Denmark",
    },
    "IS": {
        "coordination": "Ministry of Justice, Iceland",
        "referral": "Ministry of Justice, coordination team on human trafficking",
        "police": "National Commissioner of the Icelandic Police",
        "immigration": "Directorate of Immigration (Útlendingastofnun)",
        "compensation": "Compensation Committee for Victims of Crime",
        "labour": "Administration of Occupational Safety and Health (Vinnueftirlitið)",
        "procurement": "Ministry of Finance and Economic Affairs",
        "children": "National Agency for Children and Families (Barna- og fjölskyldustofa)",
        "data": "National Commissioner of the Icelandic Police",
        "rapporteur": "Prime Minister's Office, Iceland",
    },
    "AX": {
        "coordination": "Government of Åland (Ålands landskapsregering)",
        "referral": "Government of Åland, social welfare unit",
        "police": "Åland Police Authority (Ålands polismyndighet)",
        "labour": "Government of Åland, occupational safety and health unit",
        "children": "Government of Åland, social welfare unit",
        "data": "Statistics and Research Åland (ÅSUB)",
        "rapporteur": "Government of Åland (Ålands landskapsregering)",
    },
    "FO": {
        "coordination": "Government of the Faroe Islands, Prime Minister's Office",
        "referral": "Ministry of Social Affairs, Faroe Islands",
        "police": "Faroese Police (Føroya Politi)",
        "labour": "Faroese Working Environment Authority (Arbeiðseftirlitið)",
        "children": "Faroese Child Protection Agency",
        "data": "Statistics Faroe Islands (Hagstova Føroya)",
        "rapporteur": "Government of the Faroe Islands, Prime Minister's Office",
    },
    "GL": {
        "coordination": "Government of Greenland (Naalakkersuisut)",
        "referral": "Ministry of Social Affairs, Government of Greenland",
        "police": "Greenland Police",
        "labour": "Greenland Working Environment Authority",
        "children": "Ministry of Social Affairs, Government of Greenland",
        "data": "Statistics Greenland",
        "rapporteur": "Government of Greenland (Naalakkersuisut)",
    },
}

RECOMMENDATIONS = [
    # -- from the Helsinki seminar report ----------------------------------------------
    {
        "code": "R-2022-01",
        "slug": "nordic-network-of-coordinators",
        "title": "Establish a Nordic network of national anti-trafficking coordinators",
        "theme": "cooperation",
        "audience": "public",
        "seminar": "helsinki-2021",
        "report": SEMINAR_REPORT,
        "issued": "2022-03-21",
        "due": "2023-06-30",
        "countries": ALL,
        "authority": "coordination",
        "text": (
            "<p>Establish a Nordic network of the national anti-trafficking coordinators to "
            "support information exchange and cooperation between authorities in preventing "
            "and combating trafficking in human beings in the Nordic countries. The network "
            "should meet regularly, agree on contact points for cross-border referral, make "
            "national practices easy to find for colleagues in the other countries, and "
            "involve civil society and researchers in its work.</p>"
        ),
        "rationale": (
            "<p>The seminar in Helsinki on 18 November 2021 found that the Nordic countries "
            "face largely the same forms of trafficking and that many cases cross their "
            "borders, while cooperation between the authorities depends on personal "
            "contacts. Police representatives and victim-support organisations alike asked "
            "for a permanent structure for cooperation.</p>"
        ),
        "summaries": {
            "not_started": "The recommendation has been noted; no decision on taking part in "
            "the network has been made yet.",
            "planned": "{authority} has decided to take part in the network and is preparing "
            "a national mandate and a contact person.",
            "in_progress": "A national contact person takes part in the network's meetings; "
            "the national mandate for coordination work is being prepared.",
            "partly": "{country} takes part in the network through a named contact person, "
            "but no one yet has a formal mandate to coordinate anti-trafficking work "
            "nationally.",
            "implemented": "{country} is a full member of the network. {authority} "
            "coordinates national anti-trafficking work, takes part in the network's "
            "meetings and is its contact point for cross-border cases.",
        },
        "next_steps": {
            "not_started": "Decide whether and how to take part in the network.",
            "planned": "Appoint the national contact person and notify the secretariat.",
            "in_progress": "Adopt the national mandate and confirm full membership.",
            "partly": "Adopt a formal national mandate for coordinating anti-trafficking work.",
            "implemented": "Keep the national entries in the hub up to date and take part in "
            "the annual meeting.",
        },
        "notes": {
            "not_started": "Recommendation received and noted. No measures decided yet.",
            "planned": "Decision to take part in the network; preparation of the national "
            "mandate started.",
            "in_progress": "Contact person appointed and taking part in network meetings "
            "while the mandate is prepared.",
            "partly": "Taking part in the network; the national mandate is still missing.",
            "implemented": "Full member of the network.",
        },
        "implementations": {
            "FI": {
                "steps": [
                    (
                        "2022-04-05",
                        "planned",
                        "The Ministry of Justice has started preparing the network with the "
                        "other national coordinators. Finland offered to host the founding "
                        "meeting.",
                    ),
                    (
                        "2022-09-14",
                        "in_progress",
                        "Draft terms of reference circulated to the Nordic coordinators. The "
                        "founding meeting is set for Helsinki on 23 November 2022.",
                    ),
                    (
                        "2022-11-24",
                        "implemented",
                        "The network was founded in Helsinki on 23 November 2022 and adopted "
                        "its terms of reference. Finland chairs it for the first two years.",
                    ),
                    (
                        130,
                        "implemented",
                        "Finland has handed over the chair as agreed and remains the contact "
                        "point for cross-border cases. The Finnish entries in the hub have "
                        "been reviewed.",
                    ),
                ],
                "links": "https://oikeusministerio.fi.example/en/nordic-network "
                "Terms of reference of the Nordic network (2022)",
            },
            "SE": {
                "steps": [
                    (
                        "2022-05-12",
                        "planned",
                        "The Government has asked the Swedish Gender Equality Agency to "
                        "represent Sweden in the network.",
                    ),
                    (
                        "2022-11-24",
                        "implemented",
                        "Sweden took part in the founding meeting in Helsinki. The Swedish "
                        "Gender Equality Agency is the national member and contact point.",
                    ),
                ],
            },
            "NO": {
                "steps": [
                    ("2022-06-01", "planned"),
                    (
                        "2022-11-28",
                        "implemented",
                        "Norway joined the network at its founding meeting. The Ministry of "
                        "Justice and Public Security is the national member; KOM is the "
                        "operational contact point.",
                    ),
                ],
            },
            "DK": {
                "steps": [
                    (
                        "2022-05-30",
                        "in_progress",
                        "The Danish Centre against Human Trafficking takes part in the "
                        "preparations for the network.",
                    ),
                    (
                        "2023-01-16",
                        "implemented",
                        "Denmark is a member of the network. The Danish Centre against Human "
                        "Trafficking is the national contact point.",
                    ),
                ],
            },
            "IS": {
                "steps": [
                    ("2022-06-20", "planned"),
                    (
                        "2023-02-02",
                        "in_progress",
                        "A contact person at the Ministry of Justice takes part in network "
                        "meetings. The mandate for coordinating national anti-trafficking work "
                        "is being prepared.",
                    ),
                    (
                        "2023-05-10",
                        "implemented",
                        "The Ministry of Justice has the formal mandate to coordinate "
                        "anti-trafficking work in Iceland and is the national member of the "
                        "network.",
                    ),
                ],
            },
            "AX": {
                "steps": [
                    (
                        "2022-10-03",
                        "planned",
                        "The Government of Åland will take part in the network alongside "
                        "Finland and is naming its own contact person.",
                    ),
                    (
                        "2023-03-14",
                        "implemented",
                        "Åland takes part in the network with its own contact person in the "
                        "Government of Åland.",
                    ),
                ],
            },
            "FO": {
                "steps": [
                    (
                        "2022-12-05",
                        "not_started",
                        "The Government of the Faroe Islands has noted the recommendation. "
                        "The division of tasks with the Danish authorities must be settled "
                        "first.",
                    ),
                    (
                        "2024-02-20",
                        "in_progress",
                        "A contact person at the Prime Minister's Office takes part in network "
                        "meetings as an observer. A formal mandate is being prepared.",
                    ),
                    (
                        "2026-03-12",
                        "partly",
                        "The Faroese contact person now takes part as a full member. The "
                        "national mandate to coordinate anti-trafficking work has not yet "
                        "been adopted.",
                    ),
                ],
                "target": "2026-06-30",
            },
            "GL": {
                "steps": [
                    (
                        "2023-01-20",
                        "not_started",
                        "Naalakkersuisut has noted the recommendation and will consider it "
                        "with the Danish authorities.",
                    ),
                    (
                        "2024-06-11",
                        "planned",
                        "Naalakkersuisut decided to appoint a contact point for trafficking "
                        "matters in the Ministry of Social Affairs.",
                    ),
                    (
                        75,
                        "in_progress",
                        "The contact point has been appointed and took part in the last "
                        "annual meeting online. Its mandate will be set out in the coming "
                        "action plan.",
                    ),
                ],
                "target": 200,
            },
        },
    },
    {
        "code": "R-2022-02",
        "slug": "contact-points-for-cross-border-referral",
        "title": "Agree on national contact points for the cross-border referral of victims",
        "theme": "identification",
        "audience": "public",
        "seminar": "helsinki-2021",
        "report": SEMINAR_REPORT,
        "issued": "2022-03-21",
        "due": "2024-12-31",
        "countries": ALL,
        "authority": "referral",
        "text": (
            "<p>Name a national contact point in every Nordic country for the referral of "
            "presumed victims of trafficking to assistance across Nordic borders, and publish "
            "a shared description of how a presumed victim is referred to assistance in each "
            "country.</p>"
        ),
        "rationale": (
            "<p>Referral of victims between the Nordic countries is slow and depends largely "
            "on individual contacts. When a victim moves, or is identified in one country "
            "after being exploited in another, the authorities need to know at once whom to "
            "call and what the victim can expect.</p>"
        ),
        "summaries": {
            "not_started": "No national contact point for cross-border referral has been "
            "named yet.",
            "planned": "{authority} will serve as the national contact point for "
            "cross-border referral; the routine is being drafted.",
            "in_progress": "{authority} acts as the contact point in practice. A written "
            "routine and a description of national referral for the other countries are "
            "being prepared.",
            "partly": "A national contact point is named and known to the other countries, "
            "but the description of how a presumed victim is referred to assistance is not "
            "yet published.",
            "implemented": "{authority} is the national contact point for cross-border "
            "referral. The national referral routine is described in English in the hub and "
            "has been used in cross-border cases.",
        },
        "next_steps": {
            "not_started": "Name the national contact point and tell the secretariat.",
            "planned": "Adopt the referral routine and name a deputy for the contact point.",
            "in_progress": "Publish the description of national referral in English.",
            "partly": "Publish the description of national referral in English and test the "
            "routine in a joint exercise.",
            "implemented": "Review the routine after a year of cross-border cases.",
        },
        "notes": {
            "not_started": "Discussed with the authorities concerned; no contact point named yet.",
            "planned": "A contact point has been proposed; the routine is being drafted.",
            "in_progress": "The contact point handles cross-border requests while the "
            "routine is written.",
            "partly": "Contact point named and listed in the hub; the description of "
            "referral is still missing.",
            "implemented": "Contact point and referral routine in place and published.",
        },
        "implementations": {
            "FI": {
                "steps": [
                    (
                        "2022-05-03",
                        "in_progress",
                        "The Assistance System for Victims of Human Trafficking acts as the "
                        "contact point for cross-border referrals.",
                    ),
                    (
                        "2023-02-27",
                        "implemented",
                        "The national referral model has been translated into English and "
                        "published in the hub. The Assistance System is the contact point.",
                    ),
                ],
                "practices": ["auttamisjarjestelmaan-ohjaaminen"],
            },
            "SE": {
                "steps": [
                    ("2022-06-15", "planned"),
                    (
                        "2023-03-20",
                        "in_progress",
                        "The national method support team handles requests from the other "
                        "Nordic countries; the regional coordinators are the local contacts.",
                    ),
                    (
                        "2023-11-07",
                        "implemented",
                        "The routine for cross-border referral has been adopted and is "
                        "described in the hub.",
                    ),
                ],
                "practices": ["nationellt-metodstod-och-regionkoordinatorer"],
            },
            "NO": {
                "steps": [
                    (
                        "2022-09-01",
                        "planned",
                        "KOM is proposed as the contact point; the routine is being drafted "
                        "with the Directorate of Immigration.",
                    ),
                    (
                        "2023-06-19",
                        "partly",
                        "KOM is the named contact point and has handled several Nordic "
                        "requests. The English description of the referral routine is still "
                        "in preparation.",
                    ),
                    (
                        95,
                        "partly",
                        "The description of the referral routine is being updated after the "
                        "reorganisation of KOM. It will be published in the hub when "
                        "approved.",
                    ),
                ],
                "target": 45,
            },
            "DK": {
                "steps": [
                    (
                        "2022-04-28",
                        "implemented",
                        "The Danish Centre against Human Trafficking already serves as the "
                        "national contact point, with a round-the-clock hotline that "
                        "professionals in the other Nordic countries can call.",
                    ),
                    (
                        "2023-09-05",
                        "implemented",
                        "The description of referral in Denmark has been published in "
                        "English in the hub.",
                    ),
                ],
                "practices": ["hotline-and-chat-denmark"],
            },
            "IS": {
                "steps": [
                    ("2022-10-10", "planned"),
                    (
                        "2023-08-22",
                        "in_progress",
                        "The coordination team answers requests from the other countries. A "
                        "written routine is being drafted with the police and the support "
                        "centres.",
                    ),
                    (
                        "2026-01-19",
                        "in_progress",
                        "The routine has been drafted but waits for the new action plan; "
                        "requests are still handled case by case.",
                    ),
                ],
                "target": "2026-09-30",
            },
            "AX": {
                "steps": [
                    (
                        "2022-08-16",
                        "planned",
                        "Åland will refer presumed victims through the Finnish Assistance "
                        "System; an agreement is being negotiated.",
                    ),
                    (
                        "2023-04-24",
                        "implemented",
                        "The cooperation agreement between the Government of Åland and the "
                        "Finnish Assistance System has been signed. Cross-border referral from "
                        "Åland goes through the Assistance System.",
                    ),
                ],
                "practices": ["aland-samarbetsavtal-hjalpsystemet"],
            },
            "FO": {
                "steps": [
                    (
                        "2023-01-09",
                        "planned",
                        "Presumed victims in the Faroe Islands are referred to support in "
                        "Denmark; the routine with the Danish Centre against Human "
                        "Trafficking is being written.",
                    ),
                    (
                        "2024-05-14",
                        "partly",
                        "A routine for referral to Denmark is agreed, but there is no named "
                        "contact point for referrals from the other Nordic countries.",
                    ),
                    (
                        140,
                        "partly",
                        "The Ministry of Social Affairs is preparing to name a contact point; "
                        "meanwhile requests go through the Faroese Police.",
                    ),
                ],
                "target": 120,
            },
            "GL": {
                "steps": [
                    ("2023-03-06", "not_started"),
                    (
                        "2025-10-02",
                        "planned",
                        "Naalakkersuisut intends to name the Ministry of Social Affairs as the "
                        "contact point once its anti-trafficking action plan is adopted.",
                    ),
                ],
                "target": "2026-12-31",
            },
        },
    },
    {
        "code": "R-2022-03",
        "slug": "joint-training-on-identification",
        "title": "Organise joint Nordic training on the identification of victims",
        "theme": "identification",
        "audience": "public",
        "seminar": "helsinki-2021",
        "report": SEMINAR_REPORT,
        "issued": "2022-03-21",
        "due": None,
        "countries": ALL,
        "authority": "police",
        "text": (
            "<p>Organise joint Nordic training on the identification of presumed victims for "
            "frontline staff — police, border guards, labour inspectors, and social and "
            "health services — based on a common set of indicators, and open national "
            "training material to colleagues in the other countries.</p>"
        ),
        "rationale": (
            "<p>Workshops at the Helsinki seminar showed that many victims are met by "
            "frontline staff who do not recognise the signs of trafficking. Several "
            "countries have good training material that the others could use with modest "
            "adaptation.</p>"
        ),
        "summaries": {
            "not_started": "No joint or national training on identification has been "
            "arranged under this recommendation yet.",
            "planned": "{authority} plans training on identification for frontline staff "
            "based on the common Nordic indicators.",
            "in_progress": "Training material based on the common indicators is being "
            "prepared, and the first courses are being arranged.",
            "partly": "Frontline staff in some sectors have been trained on identification; "
            "others, such as health and social services, are still to follow.",
            "implemented": "Regular training on identification is given to frontline staff, "
            "and the national material is open to the other Nordic countries.",
        },
        "next_steps": {
            "not_started": "Map which frontline staff need training and what material exists.",
            "planned": "Adapt the joint Nordic material and schedule the first courses.",
            "in_progress": "Hold the first courses and share the material with the network.",
            "partly": "Extend training to the sectors not yet covered.",
            "implemented": "Update the material each year with cases from the network.",
        },
        "notes": {
            "not_started": "No training arranged yet.",
            "planned": "Training planned; material being chosen.",
            "in_progress": "Material being adapted and first courses arranged.",
            "partly": "First groups of frontline staff trained.",
            "implemented": "Training on identification is now part of regular training.",
        },
        "implementations": {
            "FI": {
                "authority": "Finnish Border Guard and the Assistance System",
                "steps": [
                    (
                        "2022-06-08",
                        "in_progress",
                        "Border guards' training on identification is being revised with the "
                        "Assistance System.",
                    ),
                    (
                        "2023-10-30",
                        "implemented",
                        "Identification training is part of basic and further training for "
                        "border guards and the police; the material is shared in the hub.",
                    ),
                ],
            },
            "SE": {
                "authority": "referral",
                "steps": [
                    ("2022-09-12", "in_progress"),
                    (
                        "2024-03-04",
                        "partly",
                        "The national method support team trains police, migration and social "
                        "services staff; health care is not yet covered.",
                    ),
                    (
                        58,
                        "partly",
                        "A web course for health care staff is being tested in two regions.",
                    ),
                ],
                "target": 150,
            },
            "NO": {
                "authority": "Norwegian Police University College",
                "steps": [
                    ("2022-08-29", "planned"),
                    ("2023-05-15", "in_progress"),
                    (
                        "2024-09-09",
                        "implemented",
                        "Identification and victim-centred interviewing are part of the "
                        "training of investigators; the course is open to Nordic colleagues.",
                    ),
                ],
                "practices": ["victim-centred-interview-training"],
            },
            "DK": {
                "authority": "referral",
                "steps": [
                    (
                        "2022-06-30",
                        "in_progress",
                        "The Danish Centre against Human Trafficking offers identification "
                        "training to municipalities and the police.",
                    ),
                    (
                        "2024-01-22",
                        "partly",
                        "Training has reached the police districts and municipal social "
                        "services; health staff use the new checklist but have not been "
                        "trained.",
                    ),
                    (
                        110,
                        "partly",
                        "Training of health staff in two regions is planned for next year.",
                    ),
                ],
                "target": 300,
            },
            "IS": {
                "steps": [
                    ("2023-01-16", "planned"),
                    (
                        "2024-04-08",
                        "in_progress",
                        "Border police at Keflavík Airport have been trained; training of "
                        "labour inspectors and social services is being arranged.",
                    ),
                    (
                        44,
                        "in_progress",
                        "Two courses for social services staff held; a course for labour "
                        "inspectors is scheduled.",
                    ),
                ],
                "target": 90,
            },
            "AX": {
                "steps": [
                    (
                        "2023-02-13",
                        "planned",
                        "Training for the Åland police and social services will be arranged "
                        "with the Finnish Assistance System.",
                    ),
                    (
                        "2025-11-03",
                        "planned",
                        "Training postponed while the material is translated into Swedish.",
                    ),
                ],
                "target": "2026-05-31",
            },
            "FO": {
                "steps": [
                    (
                        "2023-03-20",
                        "not_started",
                        "No training arranged yet; the Faroese Police use Danish material.",
                    ),
                    (
                        140,
                        "planned",
                        "Faroese police officers and social workers will join the Danish "
                        "police's identification course next year.",
                    ),
                ],
                "target": 280,
            },
            "GL": {
                "authority": "referral",
                "steps": [
                    ("2022-11-14", "planned"),
                    ("2023-09-25", "in_progress"),
                    (
                        150,
                        "partly",
                        "Case workers in Nuuk and two other towns have been trained; training "
                        "in the remaining towns continues.",
                    ),
                ],
                "target": 240,
                "practices": ["uddannelse-af-sagsbehandlere-i-gronland"],
            },
        },
    },
    {
        "code": "R-2022-04",
        "slug": "screening-for-forced-criminality",
        "title": "Screen for trafficking when people are arrested for crimes they may have "
        "been forced to commit",
        "theme": "justice",
        "audience": "members",
        "seminar": "helsinki-2021",
        "report": SEMINAR_REPORT,
        "issued": "2022-03-21",
        "due": None,
        "countries": ALL,
        "authority": "police",
        "text": (
            "<p>Give the police and prosecutors guidance on screening for signs of "
            "trafficking at arrests for crimes such as cannabis cultivation, theft and drug "
            "transport; refer presumed victims to assistance; and apply the principle that "
            "victims are not punished for offences they were compelled to commit.</p>"
        ),
        "rationale": (
            "<p>The workshop on forced criminality at the Helsinki seminar heard of victims "
            "who were prosecuted and convicted before anyone asked how they came to commit "
            "the crime. Screening at arrest, as practised in some police districts, found "
            "victims who would otherwise have been missed.</p>"
        ),
        "summaries": {
            "not_started": "No guidance on screening for trafficking at arrests has been "
            "issued yet.",
            "planned": "{authority} will prepare guidance on screening for signs of "
            "trafficking at arrests and on the non-punishment principle.",
            "in_progress": "Guidance on screening at arrests is being drafted with "
            "prosecutors and the assistance system.",
            "partly": "Screening at arrests is done in some police districts or for some "
            "crimes; national guidance on non-punishment is still missing.",
            "implemented": "The police screen for signs of trafficking at arrests for crimes "
            "typical of forced criminality, refer presumed victims to assistance, and "
            "prosecutors follow national guidance on non-punishment.",
            "not_applicable": "No separate measure: {authority} applies the guidance of the "
            "Danish police, and no case of forced criminality has been found.",
        },
        "next_steps": {
            "not_started": "Decide who prepares the guidance.",
            "planned": "Draft the guidance with the prosecution service.",
            "in_progress": "Consult the prosecution service and the assistance system on the "
            "draft guidance.",
            "partly": "Extend screening nationally and adopt guidance on non-punishment.",
            "implemented": "Follow up how often screening leads to referral to assistance.",
            "not_applicable": "",
        },
        "notes": {
            "not_started": "No measure decided yet.",
            "planned": "Guidance to be prepared.",
            "in_progress": "Drafting of the guidance started.",
            "partly": "Screening in use in part of the country.",
            "implemented": "Screening and guidance in place nationally.",
            "not_applicable": "Not applicable.",
        },
        "implementations": {
            "DK": {
                "steps": [
                    (
                        "2022-05-09",
                        "partly",
                        "Screening is done at arrests in cannabis plantations in some police "
                        "districts.",
                    ),
                    (
                        "2023-06-12",
                        "implemented",
                        "Screening at arrests is national practice, and the Director of "
                        "Public Prosecutions has issued guidance on non-punishment.",
                    ),
                ],
                "practices": ["screening-ved-anholdelser-i-hashplantager"],
            },
            "SE": {
                "steps": [
                    ("2022-08-22", "planned"),
                    (
                        "2023-12-11",
                        "in_progress",
                        "The police and the Swedish Gender Equality Agency are testing "
                        "screening in cases of organised theft.",
                    ),
                    (
                        37,
                        "in_progress",
                        "Guidance on screening at arrests is in consultation with the "
                        "Prosecution Authority.",
                    ),
                ],
                "target": 80,
                "practices": ["offer-i-organiserade-stoldligor"],
            },
            "FI": {
                "steps": [
                    ("2022-10-17", "in_progress"),
                    (
                        "2026-02-09",
                        "partly",
                        "The police screen at arrests in drug and theft cases in the Helsinki "
                        "region. National guidance on non-punishment is awaited from the "
                        "Prosecution Authority.",
                    ),
                ],
                "target": "2026-08-31",
            },
            "NO": {
                "steps": [
                    ("2022-11-21", "planned"),
                    (
                        "2024-02-12",
                        "partly",
                        "Screening is part of the police's checklist in Oslo and two other "
                        "police districts.",
                    ),
                    (
                        66,
                        "partly",
                        "The checklist is being evaluated before it is used nationally.",
                    ),
                ],
                "target": 210,
            },
            "IS": {
                "steps": [
                    ("2023-04-17", "planned"),
                    (
                        120,
                        "planned",
                        "The guidance will be prepared once the amendments to the Police Act "
                        "are adopted.",
                    ),
                ],
                "target": 365,
            },
            "AX": {
                "steps": [
                    (
                        "2023-05-22",
                        "not_started",
                        "The Åland Police Authority follows the Finnish police's guidance; no "
                        "separate measure decided yet.",
                    ),
                    (
                        160,
                        "not_started",
                        "The question will be taken up in the work on Åland's action plan "
                        "next year.",
                    ),
                ],
                "target": 400,
            },
            "FO": {
                "steps": [
                    (
                        "2023-06-05",
                        "not_applicable",
                        "The Faroese Police apply the guidance of the Danish police. No case "
                        "of forced criminality has been found in the Faroe Islands.",
                    ),
                ],
            },
            "GL": {
                "steps": [
                    ("2023-06-26", "not_started"),
                    (
                        100,
                        "planned",
                        "Greenland Police will adapt the Danish screening guidance.",
                    ),
                ],
                "target": 330,
            },
        },
    },
    # -- from the annual meeting 2023 --------------------------------------------------
    {
        "code": "R-2023-01",
        "slug": "reflection-period-and-residence-permits",
        "title": "Give presumed victims the same clear information on the reflection period "
        "and residence permits",
        "theme": "residence",
        "audience": "public",
        "seminar": None,
        "report": ANNUAL_2023,
        "issued": "2023-10-12",
        "due": "2025-06-30",
        "countries": STATES,
        "authority": "immigration",
        "text": (
            "<p>Harmonise what presumed victims are told about the recovery and reflection "
            "period and residence permits: a common Nordic leaflet in the main languages of "
            "victims, the same minimum length of the reflection period, and a residence "
            "permit that does not depend only on the victim's cooperation with the "
            "authorities.</p>"
        ),
        "rationale": (
            "<p>Victims who move between the Nordic countries meet different rules and are "
            "often given no written information they can read. The annual meeting agreed "
            "that the states should at least give the same information and the same minimum "
            "protection.</p>"
        ),
        "summaries": {
            "not_started": "The recommendation is being considered; no measure decided yet.",
            "planned": "{authority} will adapt the common Nordic leaflet; changes to the "
            "reflection period are under consideration.",
            "in_progress": "The common leaflet is being translated, and changes to the rules "
            "on the reflection period and residence permits are being prepared.",
            "partly": "The common leaflet is in use and the reflection period meets the "
            "Nordic minimum, but a residence permit still largely depends on cooperation "
            "with the authorities.",
            "implemented": "Presumed victims receive the common Nordic leaflet in their own "
            "language; the reflection period and the permit rules meet the agreed minimum.",
        },
        "next_steps": {
            "not_started": "Decide how to take the recommendation forward.",
            "planned": "Translate the leaflet and prepare the changes to the rules.",
            "in_progress": "Publish the leaflet and present the changes to the rules.",
            "partly": "Review the conditions of the residence permit.",
            "implemented": "Update the leaflet when the rules change.",
        },
        "notes": {
            "not_started": "Recommendation noted.",
            "planned": "Leaflet and rule changes planned.",
            "in_progress": "Work on the leaflet and the rules started.",
            "partly": "Leaflet in use; permit rules unchanged.",
            "implemented": "Leaflet in use and rules meet the agreed minimum.",
        },
        "implementations": {
            "NO": {
                "steps": [
                    (
                        "2023-11-20",
                        "in_progress",
                        "UDI is revising its guidance on the reflection period and residence "
                        "permits.",
                    ),
                    (
                        "2024-06-03",
                        "implemented",
                        "UDI's revised guidance is published, and the common Nordic leaflet "
                        "is given to presumed victims in nine languages.",
                    ),
                ],
                "practices": ["veileder-refleksjonsperiode-og-opphold"],
            },
            "FI": {
                "steps": [
                    ("2023-12-04", "planned"),
                    ("2024-09-16", "in_progress"),
                    (
                        85,
                        "partly",
                        "The Nordic leaflet is in use in seven languages, and the recovery "
                        "period meets the Nordic minimum. A residence permit still largely "
                        "depends on cooperation with the authorities.",
                    ),
                ],
                "target": 180,
            },
            "SE": {
                "steps": [
                    ("2024-01-15", "planned"),
                    (
                        "2025-03-10",
                        "in_progress",
                        "Migrationsverket is preparing the Swedish version of the leaflet; "
                        "changes to the reflection period are being reviewed by the "
                        "Government.",
                    ),
                    (
                        30,
                        "in_progress",
                        "The leaflet is ready for print. The Government inquiry on the "
                        "reflection period reports next spring.",
                    ),
                ],
                "target": 150,
            },
            "DK": {
                "steps": [
                    (
                        "2024-02-05",
                        "planned",
                        "The Danish Immigration Service will adapt the Nordic leaflet; a "
                        "longer reflection period is under consideration.",
                    ),
                    (
                        "2025-09-22",
                        "planned",
                        "No change yet; the work waits for the revised national action plan.",
                    ),
                ],
                "target": "2026-06-30",
                "practices": ["forberedt-hjemrejse"],
            },
            "IS": {
                "steps": [
                    (
                        "2024-03-18",
                        "not_started",
                        "The recommendation will be considered in the revision of the Foreign "
                        "Nationals Act.",
                    ),
                    (
                        52,
                        "planned",
                        "The Directorate of Immigration will translate the Nordic leaflet; "
                        "the amendment of the Act is in preparation.",
                    ),
                ],
                "target": 270,
            },
        },
    },
    {
        "code": "R-2023-02",
        "slug": "compensation-for-victims",
        "title": "Make compensation a routine part of every trafficking case",
        "theme": "justice",
        "audience": "public",
        "seminar": None,
        "report": ANNUAL_2023,
        "issued": "2023-10-12",
        "due": "2026-12-31",
        "countries": STATES,
        "authority": "compensation",
        "text": (
            "<p>Inform every victim of the right to compensation from the offender and from "
            "the state, help victims present their claims in criminal proceedings, and make "
            "state compensation available where the offender cannot pay, including to "
            "victims who have left the country.</p>"
        ),
        "rationale": (
            "<p>Few victims of trafficking in the Nordic countries receive compensation. "
            "Claims are often not presented in the criminal case, and victims who have "
            "returned home rarely know they can still apply.</p>"
        ),
        "summaries": {
            "planned": "{authority} is preparing information for victims and a review of "
            "state compensation.",
            "in_progress": "The police and prosecutors have been given guidance on "
            "compensation claims; state compensation for victims living abroad is being "
            "reviewed.",
            "partly": "State compensation is available, but victims are not yet routinely "
            "informed of it at first contact.",
            "implemented": "Victims are informed of their right to compensation at first "
            "contact and helped to present claims; state compensation can be paid to "
            "victims living abroad.",
        },
        "next_steps": {
            "planned": "Publish information on compensation in the main languages of victims.",
            "in_progress": "Complete the review of state compensation.",
            "partly": "Make information on compensation part of the first interview.",
            "implemented": "Report the number of victims compensated each year.",
        },
        "notes": {
            "planned": "Work on compensation planned.",
            "in_progress": "Guidance and review under way.",
            "partly": "State compensation available; information not yet routine.",
            "implemented": "Compensation is a routine part of trafficking cases.",
        },
        "implementations": {
            "DK": {
                "steps": [
                    ("2023-11-13", "in_progress"),
                    (
                        "2024-10-21",
                        "implemented",
                        "Victims are informed of the right to compensation at first contact, "
                        "and the Centre helps them present claims. State compensation can be "
                        "paid to victims who have left Denmark.",
                    ),
                ],
                "practices": ["erstatning-til-ofre"],
            },
            "FI": {
                "steps": [
                    ("2023-12-11", "planned"),
                    (
                        "2024-11-18",
                        "in_progress",
                        "The police and prosecutors use a new checklist on compensation "
                        "claims; the State Treasury is reviewing compensation to victims "
                        "living abroad.",
                    ),
                    (
                        41,
                        "in_progress",
                        "The State Treasury's review is complete; the Ministry of Justice is "
                        "preparing the amendment it calls for.",
                    ),
                ],
                "target": 35,
            },
            "SE": {
                "steps": [
                    ("2024-02-19", "in_progress"),
                    (
                        64,
                        "partly",
                        "Compensation is available to victims who have left Sweden; "
                        "information at first contact is not yet routine in every police "
                        "region.",
                    ),
                ],
                "target": 38,
            },
            "NO": {
                "steps": [
                    (
                        "2024-01-29",
                        "partly",
                        "Victims can claim compensation from the state, but they are not "
                        "systematically informed of it.",
                    ),
                    (
                        125,
                        "partly",
                        "A joint information sheet from the police and the Compensation "
                        "Authority is being tested.",
                    ),
                ],
                "target": 80,
            },
            "IS": {
                "steps": [
                    ("2024-04-22", "planned"),
                    (
                        27,
                        "planned",
                        "The Compensation Committee will publish information in English and "
                        "Polish; legal aid for presenting claims is under review.",
                    ),
                ],
                "target": 220,
            },
        },
    },
    {
        "code": "R-2023-03",
        "slug": "independent-national-rapporteur",
        "title": "Give every country an independent national rapporteur on trafficking",
        "theme": "coordination",
        "audience": "public",
        "seminar": None,
        "report": ANNUAL_2023,
        "issued": "2023-10-12",
        "due": "2027-12-31",
        "countries": ALL,
        "authority": "rapporteur",
        "text": (
            "<p>Appoint, or confirm, an independent national rapporteur or an equivalent "
            "mechanism that monitors anti-trafficking work, collects data and reports to "
            "parliament, separate from the national coordinator.</p>"
        ),
        "rationale": (
            "<p>The EU Anti-Trafficking Directive and the Council of Europe Convention call "
            "for national rapporteurs or equivalent mechanisms. Where the coordinator also "
            "monitors the work, no one looks at it independently.</p>"
        ),
        "summaries": {
            "not_started": "No decision on an independent rapporteur has been made.",
            "planned": "{authority} is considering where an independent rapporteur function "
            "should be placed.",
            "in_progress": "A proposal for an independent rapporteur is being prepared.",
            "implemented": "{authority} is the independent national rapporteur and reports "
            "to parliament.",
            "not_applicable": "No separate rapporteur is needed: the national rapporteur of "
            "Finland also covers Åland.",
        },
        "next_steps": {
            "not_started": "Take a position on the recommendation in the next action plan.",
            "planned": "Decide where the rapporteur function will be placed.",
            "in_progress": "Present the proposal to parliament.",
            "implemented": "Share the rapporteur's reports with the network.",
            "not_applicable": "",
        },
        "notes": {
            "not_started": "No decision yet.",
            "planned": "Options for a rapporteur being considered.",
            "in_progress": "Proposal being prepared.",
            "implemented": "Independent rapporteur in place.",
            "not_applicable": "Not applicable.",
        },
        "implementations": {
            "FI": {
                "steps": [
                    (
                        "2023-11-06",
                        "implemented",
                        "The Non-Discrimination Ombudsman is Finland's independent national "
                        "rapporteur on trafficking and reports to Parliament.",
                    ),
                ],
                "links": "https://yvtltk.fi.example/en/rapporteur "
                "Reports of the national rapporteur",
            },
            "SE": {
                "steps": [
                    (
                        "2024-03-25",
                        "planned",
                        "The Government is considering where an independent rapporteur "
                        "function should be placed.",
                    ),
                    (
                        140,
                        "planned",
                        "The Government has asked for an analysis of the options; it is due "
                        "next year.",
                    ),
                ],
                "target": 400,
            },
            "NO": {
                "steps": [
                    (
                        "2024-01-08",
                        "not_started",
                        "The Ministry will consider the recommendation in the next review of "
                        "the action plan.",
                    ),
                    (
                        "2025-08-18",
                        "not_started",
                        "No decision yet; the review of the action plan has been postponed.",
                    ),
                ],
            },
            "DK": {
                "steps": [
                    ("2023-12-18", "planned"),
                    (
                        "2025-01-13",
                        "in_progress",
                        "The Danish Institute for Human Rights has been asked to assess how it "
                        "could take on the rapporteur's role.",
                    ),
                    (
                        90,
                        "in_progress",
                        "The assessment is finished, and a bill is being prepared.",
                    ),
                ],
                "target": 300,
            },
            "IS": {
                "steps": [
                    ("2024-05-06", "not_started"),
                    (
                        150,
                        "not_started",
                        "The question will be addressed in the new action plan; no resources "
                        "have been set aside yet.",
                    ),
                ],
                "target": 500,
            },
            "AX": {
                "steps": [
                    (
                        "2023-11-27",
                        "not_applicable",
                        "Finland's national rapporteur also covers Åland; no separate "
                        "rapporteur is needed.",
                    ),
                ],
            },
            "FO": {
                "steps": [
                    ("2024-02-26", "not_started"),
                    (
                        170,
                        "not_started",
                        "The Faroese Government waits for the Danish decision on a "
                        "rapporteur, which may also cover the Faroe Islands.",
                    ),
                ],
                "target": 600,
            },
            "GL": {
                "steps": [
                    (
                        "2024-04-15",
                        "planned",
                        "Naalakkersuisut will ask the Greenland Human Rights Council to "
                        "consider the role.",
                    ),
                    (
                        115,
                        "planned",
                        "The Human Rights Council will discuss the role at its next meeting.",
                    ),
                ],
                "target": 420,
            },
        },
    },
    {
        "code": "R-2023-04",
        "slug": "protection-of-child-victims",
        "title": "Protect child victims: a guardian without delay and child-friendly interviews",
        "theme": "assistance",
        "audience": "public",
        "seminar": None,
        "report": ANNUAL_2023,
        "issued": "2023-10-12",
        "due": "2027-06-30",
        "countries": ALL,
        "authority": "children",
        "text": (
            "<p>Appoint a guardian without delay for every unaccompanied child who may be a "
            "victim of trafficking, interview children in child-friendly settings such as a "
            "Barnahus, and make sure that a child who goes missing from care is searched for "
            "and reported across Nordic borders.</p>"
        ),
        "rationale": (
            "<p>Unaccompanied children who go missing from reception or care are at high "
            "risk of exploitation, and several have been found in another Nordic country. "
            "The Barnahus model, developed in Iceland, is in use in most of the region.</p>"
        ),
        "summaries": {
            "planned": "{authority} is preparing a routine for appointing guardians without "
            "delay and for child-friendly interviews.",
            "in_progress": "A routine for appointing guardians within a day is being "
            "prepared; child-friendly interviews are available in part of the country.",
            "partly": "Child victims are interviewed in child-friendly settings, but "
            "guardians are not always appointed without delay, or missing children are not "
            "reported across borders.",
            "implemented": "Every presumed child victim is interviewed in a Barnahus, a "
            "guardian is appointed without delay for unaccompanied children, and missing "
            "children are reported across Nordic borders.",
        },
        "next_steps": {
            "planned": "Agree the routine with the authorities concerned.",
            "in_progress": "Adopt the routine and train the staff who apply it.",
            "partly": "Close the remaining gaps in guardianship and reporting of missing children.",
            "implemented": "Share the routine with the network.",
        },
        "notes": {
            "planned": "Routine for child victims planned.",
            "in_progress": "Routine being prepared.",
            "partly": "Part of the routine in place.",
            "implemented": "Routine for child victims in place.",
        },
        "implementations": {
            "SE": {
                "steps": [
                    ("2023-11-20", "partly"),
                    (
                        "2024-12-09",
                        "implemented",
                        "Children presumed to be victims are interviewed at a Barnahus, and a "
                        "guardian is appointed within a day for unaccompanied children.",
                    ),
                ],
                "practices": ["barnahus-for-barn-utsatta-for-manniskohandel"],
            },
            "IS": {
                "steps": [
                    (
                        "2023-12-04",
                        "implemented",
                        "Barnahús interviews all child victims, including presumed victims of "
                        "trafficking, and a guardian is appointed without delay.",
                    ),
                ],
                "practices": ["barnahus-fyrir-tholendur-mansals"],
            },
            "NO": {
                "steps": [
                    ("2024-01-22", "in_progress"),
                    (
                        "2025-02-24",
                        "partly",
                        "The strengthened guardianship scheme is in place; a routine for "
                        "reporting missing children across Nordic borders is still missing.",
                    ),
                    (
                        70,
                        "partly",
                        "Police districts are testing a shared routine for children who go "
                        "missing from care.",
                    ),
                ],
                "target": 230,
                "practices": ["styrket-vergeordning-enslige-mindrearige"],
            },
            "FI": {
                "steps": [
                    ("2023-12-18", "planned"),
                    (
                        "2024-10-07",
                        "in_progress",
                        "The Finnish Immigration Service and the Assistance System are "
                        "preparing a routine for appointing guardians within a day. Barnahus "
                        "units serve all university hospital regions.",
                    ),
                    (
                        33,
                        "in_progress",
                        "The routine for appointing guardians is out for consultation.",
                    ),
                ],
                "target": 120,
            },
            "DK": {
                "steps": [
                    ("2024-02-12", "in_progress"),
                    (
                        105,
                        "partly",
                        "The children's houses interview child victims; appointing a guardian "
                        "still takes several weeks in some municipalities.",
                    ),
                ],
                "target": 260,
            },
            "AX": {
                "steps": [
                    (
                        "2024-03-11",
                        "planned",
                        "Åland will use the Barnahus in Turku for interviews; a routine is "
                        "being agreed.",
                    ),
                    (
                        88,
                        "planned",
                        "The agreement with the hospital district is being finalised.",
                    ),
                ],
                "target": 150,
            },
            "FO": {
                "steps": [
                    (
                        "2024-04-08",
                        "in_progress",
                        "A children's house is being set up in Tórshavn with Danish support.",
                    ),
                    (
                        48,
                        "in_progress",
                        "The children's house has started a trial; the guardianship rules are "
                        "being revised.",
                    ),
                ],
                "target": 200,
            },
            "GL": {
                "steps": [
                    ("2024-05-27", "planned"),
                    (
                        "2026-01-26",
                        "planned",
                        "Work on the guardianship rules has been delayed; children are "
                        "interviewed by the police together with the social services.",
                    ),
                ],
                "target": "2026-10-31",
            },
        },
    },
    # -- from the Nordic study on labour exploitation 2024 ---------------------------
    {
        "code": "R-2024-01",
        "slug": "labour-inspection-cooperation",
        "title": "Strengthen labour inspection cooperation against labour exploitation",
        "theme": "labour",
        "audience": "public",
        "seminar": None,
        "report": STUDY_2024,
        "issued": "2024-04-18",
        "due": "2027-06-30",
        "countries": ALL,
        "authority": "labour",
        "text": (
            "<p>Carry out joint inspections with the police, tax and immigration authorities "
            "in high-risk sectors, give labour inspectors a shared checklist for signs of "
            "trafficking, and exchange information between the Nordic inspectorates on "
            "employers and recruitment agencies that operate in several countries.</p>"
        ),
        "rationale": (
            "<p>The study found the same recruitment agencies and subcontracting chains "
            "behind cases of labour exploitation in several Nordic countries, in "
            "construction, cleaning, agriculture, fisheries and restaurants. Inspectors "
            "rarely know what their colleagues across the border have found.</p>"
        ),
        "summaries": {
            "not_started": "No measure decided yet.",
            "planned": "{authority} plans to adopt a checklist and joint inspections in "
            "high-risk sectors.",
            "in_progress": "Joint inspections are being carried out in high-risk sectors; a "
            "checklist for signs of trafficking is being introduced.",
            "partly": "Joint inspections and a checklist are in use, but information is not "
            "yet exchanged with the other Nordic inspectorates.",
            "implemented": "Joint inspections and a checklist are established practice, and "
            "information is exchanged with the other Nordic inspectorates.",
        },
        "next_steps": {
            "not_started": "Assess what inspections in high-risk sectors are possible.",
            "planned": "Adopt the checklist and plan the first joint inspections.",
            "in_progress": "Evaluate the checklist and agree on exchange with Nordic "
            "inspectorates.",
            "partly": "Agree on a legal basis for exchanging information with the other "
            "inspectorates.",
            "implemented": "Share the results of joint inspections at the annual meeting.",
        },
        "notes": {
            "not_started": "No measure decided yet.",
            "planned": "Checklist and joint inspections planned.",
            "in_progress": "Joint inspections started.",
            "partly": "Joint inspections and checklist in use.",
            "implemented": "Joint inspections, checklist and Nordic exchange in place.",
        },
        "implementations": {
            "FI": {
                "steps": [
                    ("2024-05-13", "partly"),
                    (
                        "2025-04-14",
                        "implemented",
                        "Inspectors use the national checklist, joint inspections with the "
                        "police and the Tax Administration are carried out in high-risk "
                        "sectors, and information is exchanged with the Swedish and Norwegian "
                        "inspectorates.",
                    ),
                ],
                "practices": ["tyoperaisen-ihmiskaupan-tarkistuslista"],
            },
            "NO": {
                "steps": [
                    (
                        "2024-05-27",
                        "implemented",
                        "Joint inspections through the centres against work-related crime and "
                        "a checklist for inspectors are established practice. Norway has "
                        "offered its material to the network.",
                    ),
                ],
                "practices": ["felles-kontroller-arbeidslivskriminalitet"],
            },
            "SE": {
                "steps": [
                    ("2024-06-10", "in_progress"),
                    (
                        80,
                        "partly",
                        "Joint inspections are carried out in nail salons, restaurants and "
                        "berry picking. Exchanging information with other Nordic "
                        "inspectorates needs a legal basis.",
                    ),
                ],
                "target": 210,
                "practices": [
                    "gemensamma-kontroller-nagelsalonger-restauranger",
                    "berry-picker-joint-checks",
                ],
            },
            "DK": {
                "steps": [
                    ("2024-06-24", "in_progress"),
                    (
                        57,
                        "in_progress",
                        "Joint inspections in agriculture and restaurants continue; a "
                        "checklist of trafficking indicators is being tested.",
                    ),
                ],
                "target": 170,
                "practices": ["faelles-kontrol-landbrug-og-restauranter"],
            },
            "IS": {
                "steps": [
                    ("2024-08-12", "in_progress"),
                    (
                        46,
                        "partly",
                        "Joint workplace inspections in tourism and construction are regular, "
                        "and a checklist is in use. Exchange with the Nordic inspectorates "
                        "has not started.",
                    ),
                ],
                "target": 190,
                "practices": ["vinnustadaeftirlit-ferdathjonusta"],
            },
            "AX": {
                "steps": [
                    (
                        "2024-09-09",
                        "planned",
                        "The occupational safety unit will adopt the Finnish checklist and "
                        "plans joint inspections in agriculture and tourism with the police.",
                    ),
                    (
                        125,
                        "planned",
                        "The first joint inspections are scheduled for the next season.",
                    ),
                ],
                "target": 140,
            },
            "FO": {
                "steps": [
                    (
                        "2024-09-23",
                        "in_progress",
                        "Inspections of foreign crew on fishing vessels are carried out with "
                        "the police.",
                    ),
                    (
                        135,
                        "in_progress",
                        "The Working Environment Authority and the Norwegian inspectorate have "
                        "agreed to exchange experience on fisheries.",
                    ),
                ],
                "target": 220,
                "practices": ["fishing-vessel-crew-awareness"],
            },
            "GL": {
                "steps": [
                    (
                        "2024-11-04",
                        "not_started",
                        "Labour inspection in Greenland has few resources; the recommendation "
                        "will be considered in the next plan.",
                    ),
                    (
                        160,
                        "not_started",
                        "The Working Environment Authority has asked the Danish inspectorate "
                        "for support in planning inspections.",
                    ),
                ],
            },
        },
    },
    {
        "code": "R-2024-02",
        "slug": "procurement-against-forced-labour",
        "title": "Use public procurement to prevent forced labour in supply chains",
        "theme": "labour",
        "audience": "public",
        "seminar": None,
        "report": STUDY_2024,
        "issued": "2024-04-18",
        "due": "2027-12-31",
        "countries": STATES,
        "authority": "procurement",
        "text": (
            "<p>Include contract clauses on decent working conditions and forced labour in "
            "public procurement, follow them up in high-risk contracts such as cleaning, "
            "construction and food, and share model clauses and follow-up methods between "
            "the Nordic countries.</p>"
        ),
        "rationale": (
            "<p>Public buyers purchase services in the sectors where the study found most "
            "labour exploitation. Clauses that are never followed up change little.</p>"
        ),
        "summaries": {
            "not_started": "No measure decided yet.",
            "planned": "{authority} will publish model clauses against forced labour.",
            "in_progress": "Guidance with model clauses against forced labour is being prepared.",
            "partly": "Contract clauses on working conditions are required in some sectors, "
            "but follow-up in high-risk contracts is not yet systematic.",
            "implemented": "Model clauses against forced labour are published and used, and "
            "follow-up of high-risk contracts is supported by guidance.",
        },
        "next_steps": {
            "not_started": "Decide who prepares model clauses.",
            "planned": "Draft the model clauses.",
            "in_progress": "Publish the guidance and model clauses.",
            "partly": "Extend follow-up to food and other high-risk contracts.",
            "implemented": "Share follow-up results with the network.",
        },
        "notes": {
            "not_started": "No measure decided yet.",
            "planned": "Model clauses planned.",
            "in_progress": "Guidance being prepared.",
            "partly": "Clauses in use in some sectors.",
            "implemented": "Model clauses and follow-up guidance in place.",
        },
        "implementations": {
            "SE": {
                "steps": [
                    ("2024-05-20", "partly"),
                    (
                        "2025-05-05",
                        "implemented",
                        "Model contract clauses against forced labour are published by the "
                        "National Agency for Public Procurement and used by the regions; a "
                        "guide supports follow-up in high-risk contracts.",
                    ),
                ],
                "practices": ["upphandlingsklausuler-mot-tvangsarbete"],
            },
            "NO": {
                "steps": [
                    ("2024-06-03", "in_progress"),
                    (
                        98,
                        "partly",
                        "Public buyers must require decent working conditions in cleaning and "
                        "construction contracts; follow-up in food contracts is not yet "
                        "systematic.",
                    ),
                ],
                "target": 260,
            },
            "FI": {
                "steps": [
                    ("2024-06-17", "planned"),
                    (
                        "2025-06-16",
                        "in_progress",
                        "The Ministry of Finance is preparing guidance on human rights due "
                        "diligence in procurement, with model clauses adapted from Sweden.",
                    ),
                    (
                        60,
                        "in_progress",
                        "The guidance is out for consultation with municipalities and the "
                        "wellbeing services counties.",
                    ),
                ],
                "target": 200,
            },
            "DK": {
                "steps": [
                    ("2024-08-26", "planned"),
                    (
                        142,
                        "planned",
                        "Model clauses will be published with the guidance on socially "
                        "responsible procurement.",
                    ),
                ],
                "target": 320,
            },
            "IS": {
                "steps": [
                    ("2024-09-30", "not_started"),
                    (
                        99,
                        "planned",
                        "The Ministry will publish the Nordic model clauses in Icelandic.",
                    ),
                ],
                "target": 310,
            },
        },
    },
    # -- from the annual meeting 2024 --------------------------------------------------
    {
        "code": "R-2024-03",
        "slug": "common-nordic-indicators",
        "title": "Report every year on a common Nordic set of indicators",
        "theme": "data",
        "audience": "public",
        "seminar": None,
        "report": ANNUAL_2024,
        "issued": "2024-10-10",
        "due": "2027-03-31",
        "countries": ALL,
        "authority": "data",
        "text": (
            "<p>Collect and publish each year the same core figures in every Nordic country "
            "— presumed victims identified, referred and assisted, by form of exploitation, "
            "sex and age; investigations, prosecutions and convictions — following the set "
            "of indicators agreed in the network.</p>"
        ),
        "rationale": (
            "<p>National figures are collected on different bases, so the Nordic countries "
            "cannot be compared and trends across the region cannot be seen. The network "
            "agreed a short common set of indicators at its 2024 annual meeting.</p>"
        ),
        "summaries": {
            "not_started": "No measure decided yet.",
            "planned": "{authority} will report on the common indicators from next year.",
            "in_progress": "National statistics are being aligned with the common indicators.",
            "partly": "Figures on victims follow the common indicators; figures on "
            "investigations, prosecutions and convictions do not yet.",
            "implemented": "The yearly national figures follow the common Nordic indicators "
            "and are shared with the network.",
        },
        "next_steps": {
            "not_started": "Map which figures are already collected.",
            "planned": "Agree with the data holders on the figures to report.",
            "in_progress": "Publish the first figures on the common indicators.",
            "partly": "Align the figures of the police, prosecution and courts.",
            "implemented": "Send the yearly figures to the secretariat by 31 March.",
        },
        "notes": {
            "not_started": "No measure decided yet.",
            "planned": "Reporting on the indicators planned.",
            "in_progress": "Alignment of statistics started.",
            "partly": "Victim figures follow the indicators.",
            "implemented": "Yearly figures follow the indicators.",
        },
        "implementations": {
            "DK": {
                "steps": [
                    ("2024-11-11", "in_progress"),
                    (
                        "2025-09-01",
                        "implemented",
                        "The Centre's yearly statistics follow the common Nordic indicators.",
                    ),
                ],
            },
            "FI": {
                "steps": [
                    ("2024-11-25", "in_progress"),
                    (
                        72,
                        "partly",
                        "The Assistance System's figures follow the common indicators; "
                        "figures on investigations and convictions are still reported on a "
                        "different basis.",
                    ),
                ],
                "target": 130,
            },
            "SE": {
                "steps": [
                    ("2024-12-09", "planned"),
                    (
                        25,
                        "in_progress",
                        "The Swedish Gender Equality Agency is aligning the national "
                        "situation report with the indicators; figures from the courts have "
                        "been requested.",
                    ),
                ],
                "target": 40,
            },
            "NO": {
                "steps": [
                    ("2025-01-13", "in_progress"),
                    (
                        83,
                        "partly",
                        "KOM's yearly report uses the indicators; the police's case "
                        "statistics will be aligned next year.",
                    ),
                ],
                "target": 300,
            },
            "IS": {
                "steps": [
                    ("2025-02-17", "planned"),
                    (109, "planned", "The police and the Ministry have agreed the figures."),
                ],
                "target": 250,
            },
            "AX": {
                "steps": [
                    (
                        "2025-02-24",
                        "planned",
                        "Statistics and Research Åland will report the Åland figures within "
                        "the Finnish statistics.",
                    ),
                    (
                        61,
                        "in_progress",
                        "The Åland figures are now reported separately in the Finnish "
                        "statistics; the first full year is being compiled.",
                    ),
                ],
                "target": 200,
            },
            "FO": {
                "steps": [
                    ("2025-03-10", "not_started"),
                    (
                        118,
                        "not_started",
                        "Cases are so few that figures are reported only in the Danish "
                        "statistics; a Faroese breakdown is being discussed.",
                    ),
                ],
                "target": 400,
            },
            "GL": {
                "steps": [
                    ("2025-03-24", "not_started"),
                    (
                        130,
                        "planned",
                        "Statistics Greenland will add the indicators to the crime statistics.",
                    ),
                ],
                "target": 380,
            },
        },
    },
    {
        "code": "R-2024-04",
        "slug": "online-recruitment",
        "title": "Detect and counter online recruitment and advertising for exploitation",
        "theme": "prevention",
        "audience": "members",
        "seminar": None,
        "report": ANNUAL_2024,
        "issued": "2024-10-10",
        "due": "2027-12-31",
        "countries": ALL,
        "authority": "police",
        "text": (
            "<p>Monitor online platforms for advertisements and recruitment that point to "
            "trafficking, agree with the main platforms on swift reporting and removal, and "
            "share methods and trends between the Nordic police authorities.</p>"
        ),
        "rationale": (
            "<p>Most sexual exploitation now starts online, and job advertisements on social "
            "media are a growing route into labour exploitation. The platforms are the same "
            "across the region.</p>"
        ),
        "summaries": {
            "not_started": "No measure decided yet.",
            "planned": "{authority} plans to extend online monitoring to recruitment and to "
            "agree on reporting with the platforms.",
            "in_progress": "Online monitoring is being extended, and talks with the main "
            "platforms are under way.",
            "partly": "Online monitoring of sexual exploitation is routine; monitoring of "
            "labour recruitment is being tested.",
            "implemented": "Online monitoring covers sexual and labour exploitation, and "
            "reporting agreements with the main platforms are in place.",
            "not_applicable": "No separate measure: the online monitoring of the Finnish "
            "police also covers Åland.",
        },
        "next_steps": {
            "not_started": "Assess the resources needed for online monitoring.",
            "planned": "Set up the monitoring and contact the platforms.",
            "in_progress": "Conclude the reporting agreements with the platforms.",
            "partly": "Make monitoring of labour recruitment routine.",
            "implemented": "Share methods and trends at the annual meeting.",
            "not_applicable": "",
        },
        "notes": {
            "not_started": "No measure decided yet.",
            "planned": "Online monitoring planned.",
            "in_progress": "Monitoring extended; talks with platforms started.",
            "partly": "Monitoring of sexual exploitation routine.",
            "implemented": "Monitoring and platform agreements in place.",
            "not_applicable": "Not applicable.",
        },
        "implementations": {
            "SE": {
                "steps": [
                    ("2024-11-18", "in_progress"),
                    (
                        50,
                        "in_progress",
                        "The police's online unit monitors escort and job advertisement "
                        "sites; a reporting agreement with two platforms has been signed.",
                    ),
                ],
                "target": 160,
            },
            "FI": {
                "steps": [
                    ("2024-12-02", "planned"),
                    (
                        67,
                        "planned",
                        "The National Police Board will extend online monitoring to labour "
                        "recruitment advertisements.",
                    ),
                ],
                "target": 240,
            },
            "NO": {
                "authority": "National Criminal Investigation Service (Kripos)",
                "steps": [
                    ("2024-12-16", "in_progress"),
                    (
                        92,
                        "in_progress",
                        "Kripos shares its methods for online monitoring with the network; "
                        "talks with the platforms continue.",
                    ),
                ],
                "target": 280,
            },
            "DK": {
                "steps": [
                    ("2025-01-06", "in_progress"),
                    (
                        39,
                        "partly",
                        "Online monitoring of sites for buying sex is routine; monitoring of "
                        "labour recruitment is being tested.",
                    ),
                ],
                "target": 190,
            },
            "IS": {
                "steps": [
                    ("2025-01-20", "planned"),
                    (
                        145,
                        "planned",
                        "Resources for online monitoring are in the police's budget proposal "
                        "for next year.",
                    ),
                ],
                "target": 300,
            },
            "AX": {
                "steps": [
                    (
                        "2025-02-03",
                        "not_applicable",
                        "The Finnish police's online monitoring also covers Åland; the Åland "
                        "Police Authority passes on what it finds.",
                    ),
                ],
            },
            "FO": {
                "steps": [
                    ("2025-02-17", "not_started"),
                    (
                        155,
                        "not_started",
                        "The Faroese Police will take the question up with the Danish police.",
                    ),
                ],
                "target": 500,
            },
            "GL": {
                "steps": [
                    ("2025-03-03", "not_started"),
                    (
                        84,
                        "planned",
                        "Greenland Police will take part in the Danish police's online monitoring.",
                    ),
                ],
                "target": 360,
            },
        },
    },
]
