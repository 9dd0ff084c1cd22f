"""Demo seminars for seed_demo. Every person here is invented."""

PEOPLE = [
    {
        "key": "hanna-kuusela",
        "name": "Hanna Kuusela",
        "role": "Senior Adviser, Nordic Cooperation",
        "organisation": "Ministry for Foreign Affairs, Finland",
        "country": "FI",
        "bio": (
            "Coordinated the justice and home affairs strand of Finland's 2021 Presidency of "
            "the Nordic Council of Ministers. Works on Nordic cooperation in the Ministry's "
            "Department for Europe."
        ),
    },
    {
        "key": "aino-lehtonen",
        "name": "Aino Lehtonen",
        "role": "National Anti-Trafficking Coordinator",
        "organisation": "Ministry of Justice, Finland",
        "country": "FI",
        "bio": (
            "Leads the office of Finland's National Anti-Trafficking Coordinator, placed at the "
            "Ministry of Justice, and steers the government's action plan against trafficking "
            "in human beings."
        ),
    },
    {
        "key": "liisa-heikkila",
        "name": "Liisa Heikkilä",
        "role": "Ministerial Adviser, Police Department",
        "organisation": "Ministry of the Interior, Finland",
        "country": "FI",
        "bio": (
            "Responsible for the police's work against organised crime and trafficking in the "
            "Ministry of the Interior. Previously worked on international police cooperation."
        ),
    },
    {
        "key": "lucia-ferrante",
        "name": "Lucia Ferrante",
        "role": "Policy Officer, Office of the EU Anti-Trafficking Coordinator",
        "organisation": "European Commission",
        "country": None,
        "bio": (
            "Follows the implementation of the EU Strategy on Combatting Trafficking in Human "
            "Beings 2021–2025 and the work of the EU network of national rapporteurs and "
            "equivalent mechanisms."
        ),
    },
    {
        "key": "karin-lindqvist",
        "name": "Karin Lindqvist",
        "role": "National Coordinator against Prostitution and Trafficking",
        "organisation": "County Administrative Board of Stockholm",
        "country": "SE",
        "bio": (
            "Heads Sweden's national coordination against prostitution and trafficking, "
            "including the national method support team and the regional coordinators."
        ),
    },
    {
        "key": "ingrid-solberg",
        "name": "Ingrid Solberg",
        "role": "National Coordinator",
        "organisation": "Ministry of Justice and Public Security, Norway",
        "country": "NO",
        "bio": (
            "Coordinates Norway's national action plan against trafficking in human beings and "
            "represents Norway in the Nordic network of national coordinators."
        ),
    },
    {
        "key": "mette-kjaer",
        "name": "Mette Kjær",
        "role": "Head of Centre",
        "organisation": "Danish Centre against Human Trafficking",
        "country": "DK",
        "bio": (
            "Heads the Danish Centre against Human Trafficking, which coordinates the national "
            "effort and the social support offered to victims in Denmark."
        ),
    },
    {
        "key": "gudrun-magnusdottir",
        "name": "Guðrún Magnúsdóttir",
        "role": "Coordinator against Trafficking in Human Beings",
        "organisation": "Ministry of Justice, Iceland",
        "country": "IS",
        "bio": (
            "Coordinates Iceland's work against trafficking across the police, social services "
            "and the Directorate of Labour. A lawyer by training."
        ),
    },
    {
        "key": "heli-rantanen",
        "name": "Heli Rantanen",
        "role": "Senior Adviser",
        "organisation": "Finnish Assistance System for Victims of Trafficking",
        "country": "FI",
        "bio": (
            "Develops the national referral model that guides authorities and organisations "
            "in referring presumed victims to the Finnish assistance system."
        ),
    },
    {
        "key": "asdis-helgadottir",
        "name": "Ásdís Helgadóttir",
        "role": "Team Coordinator",
        "organisation": "Icelandic Police",
        "country": "IS",
        "bio": (
            "Coordinates Iceland's multi-agency team for trafficking cases, which agrees on "
            "identification and referral in individual cases."
        ),
    },
    {
        "key": "tuomas-vaisanen",
        "name": "Tuomas Väisänen",
        "role": "Senior Inspector",
        "organisation": "Finnish Occupational Safety and Health Authority",
        "country": "FI",
        "bio": (
            "Inspects the working conditions of foreign workers and developed the labour "
            "inspectorate's checklist for recognising labour trafficking."
        ),
    },
    {
        "key": "ola-brekke",
        "name": "Ola Brekke",
        "role": "Senior Inspector",
        "organisation": "Norwegian Labour Inspection Authority",
        "country": "NO",
        "bio": (
            "Takes part in joint inspections with the police and the tax authorities against "
            "work-related crime and forced labour in Norway."
        ),
    },
    {
        "key": "louise-kjaergaard",
        "name": "Louise Kjærgaard",
        "role": "Outreach Coordinator",
        "organisation": "Danish Centre against Human Trafficking",
        "country": "DK",
        "bio": (
            "Coordinates outreach work among people in prostitution in Denmark, carried out "
            "with NGO partners in clinics, on the street and online."
        ),
    },
    {
        "key": "sofia-virtanen",
        "name": "Sofia Virtanen",
        "role": "Senior Specialist, Human Trafficking",
        "organisation": "Victim Support Finland",
        "country": "FI",
        "bio": (
            "Supports victims of crime, including victims of trafficking, and coordinates the "
            "Finnish civil-society platform against human trafficking."
        ),
    },
    {
        "key": "rasmus-holm",
        "name": "Rasmus Holm",
        "role": "Police Inspector",
        "organisation": "Danish Police",
        "country": "DK",
        "bio": (
            "Works on organised crime and introduced screening for signs of trafficking when "
            "people are arrested at cannabis plantations."
        ),
    },
    {
        "key": "henrik-aberg",
        "name": "Henrik Åberg",
        "role": "Detective Superintendent",
        "organisation": "Swedish Police Authority",
        "country": "SE",
        "bio": (
            "Leads investigations into organised theft and has developed the police's approach "
            "to identifying victims of forced criminality among suspects."
        ),
    },
    {
        "key": "erik-nystrom",
        "name": "Erik Nyström",
        "role": "Detective Inspector, National Operations Department",
        "organisation": "Swedish Police Authority",
        "country": "SE",
        "bio": (
            "Works on cross-border trafficking investigations and on the police's cooperation "
            "with civil-society organisations that support victims."
        ),
    },
    {
        "key": "silje-johansen",
        "name": "Silje Johansen",
        "role": "Project Leader",
        "organisation": "Salvation Army Norway",
        "country": "NO",
        "bio": (
            "Leads a project offering safe housing and assistance to people exposed to "
            "trafficking, working closely with the police and the municipalities."
        ),
    },
]

ORGANISATIONS = [
    # Finland
    {
        "name": "Ministry of Justice, Finland",
        "type": "ministry",
        "country": "FI",
        "website": "https://oikeusministerio.fi/",
    },
    {
        "name": "Ministry of the Interior, Finland",
        "type": "ministry",
        "country": "FI",
        "website": "https://intermin.fi/",
    },
    {
        "name": "Ministry for Foreign Affairs, Finland",
        "type": "ministry",
        "country": "FI",
        "website": "https://um.fi/",
    },
    {
        "name": "National Anti-Trafficking Coordinator, Finland",
        "type": "authority",
        "country": "FI",
        "website": "https://oikeusministerio.fi/",
    },
    {
        "name": "Finnish Assistance System for Victims of Trafficking",
        "type": "authority",
        "country": "FI",
        "website": "https://www.ihmiskauppa.fi/",
    },
    {
        "name": "Finnish Occupational Safety and Health Authority",
        "type": "labour_inspection",
        "country": "FI",
        "website": "https://www.tyosuojelu.fi/",
    },
    {
        "name": "Finnish Police",
        "type": "police",
        "country": "FI",
        "website": "https://poliisi.fi/",
    },
    {
        "name": "Victim Support Finland",
        "type": "ngo",
        "country": "FI",
        "website": "https://www.riku.fi/",
    },
    # Sweden
    {
        "name": "County Administrative Board of Stockholm",
        "type": "authority",
        "country": "SE",
        "website": "https://www.lansstyrelsen.se/stockholm/",
    },
    {
        "name": "Swedish Police Authority",
        "type": "police",
        "country": "SE",
        "website": "https://polisen.se/",
    },
    {
        "name": "Swedish Work Environment Authority",
        "type": "labour_inspection",
        "country": "SE",
        "website": "https://www.av.se/",
    },
    # Norway
    {
        "name": "Ministry of Justice and Public Security, Norway",
        "type": "ministry",
        "country": "NO",
        "website": "https://www.regjeringen.no/en/dep/jd/",
    },
    {
        "name": "Norwegian Police Service",
        "type": "police",
        "country": "NO",
        "website": "https://www.politiet.no/",
    },
    {
        "name": "Norwegian Labour Inspection Authority",
        "type": "labour_inspection",
        "country": "NO",
        "website": "https://www.arbeidstilsynet.no/",
    },
    {
        "name": "Norwegian Directorate for Children, Youth and Family Affairs",
        "type": "authority",
        "country": "NO",
        "website": "https://www.bufdir.no/",
    },
    {
        "name": "Salvation Army Norway",
        "type": "ngo",
        "country": "NO",
        "website": "https://www.frelsesarmeen.no/",
    },
    {
        "name": "City of Oslo",
        "type": "authority",
        "country": "NO",
        "website": "https://www.oslo.kommune.no/",
    },
    # Denmark
    {
        "name": "Danish Centre against Human Trafficking",
        "type": "authority",
        "country": "DK",
        "website": "https://menneskehandel.dk/",
    },
    {
        "name": "Danish Police",
        "type": "police",
        "country": "DK",
        "website": "https://politi.dk/",
    },
    {
        "name": "Danish Working Environment Authority",
        "type": "labour_inspection",
        "country": "DK",
        "website": "https://at.dk/",
    },
    {
        "name": "Red Cross Denmark",
        "type": "ngo",
        "country": "DK",
        "website": "https://www.rodekors.dk/",
    },
    # Iceland
    {
        "name": "Ministry of Justice, Iceland",
        "type": "ministry",
        "country": "IS",
        "website": "https://www.stjornarradid.is/",
    },
    {
        "name": "Icelandic Police",
        "type": "police",
        "country": "IS",
        "website": "https://www.logreglan.is/",
    },
    {
        "name": "Icelandic Directorate of Labour",
        "type": "authority",
        "country": "IS",
        "website": "https://vinnumalastofnun.is/",
    },
    {
        "name": "University of Iceland",
        "type": "research",
        "country": "IS",
        "website": "https://www.hi.is/",
    },
    # Åland, the Faroe Islands and Greenland
    {
        "name": "Government of Åland",
        "type": "authority",
        "country": "AX",
        "website": "https://www.regeringen.ax/",
    },
    {
        "name": "Government of the Faroe Islands",
        "type": "authority",
        "country": "FO",
        "website": "",
    },
    {
        "name": "Faroe Islands Police",
        "type": "police",
        "country": "FO",
        "website": "https://politi.dk/",
    },
    {
        "name": "Government of Greenland",
        "type": "authority",
        "country": "GL",
        "website": "https://naalakkersuisut.gl/",
    },
    # Nordic and international
    {
        "name": "European Commission",
        "type": "international",
        "country": None,
        "website": "https://commission.europa.eu/",
    },
    {
        "name": "Nordic Council of Ministers",
        "type": "international",
        "country": None,
        "website": "https://www.norden.org/",
    },
    {
        "name": "Nordic Council",
        "type": "international",
        "country": None,
        "website": "https://www.norden.org/",
    },
    {
        "name": "Nordic network of national anti-trafficking coordinators",
        "type": "other",
        "country": None,
        "website": "",
    },
]

SEMINARS = [
    {
        "slug": "helsinki-2021",
        "title": "Seminar on Nordic best practices against trafficking in human beings",
        "intro": (
            "Authorities and civil-society organisations from the Nordic countries met in "
            "Helsinki on 18 November 2021 to share what works against trafficking in human "
            "beings and to discuss closer Nordic cooperation. The seminar was part of "
            "Finland's Presidency of the Nordic Council of Ministers. Parts I and III were "
            "streamed for everyone who registered."
        ),
        "body": [
            "<p>The seminar brings together Nordic authorities and civil-society actors working "
            "against trafficking in human beings to share their expertise and best practices, "
            "so that actors in different countries can learn from each other. What is shared "
            "is meant to help participants strengthen the fight against trafficking in their "
            "own work and across the Nordic region.</p>",
            "<p>The seminar is not limited to one form of trafficking, one group of victims or "
            "one method: sexual exploitation, labour exploitation and forced criminality are "
            "discussed side by side, from a practical point of view. By focusing on measures "
            "that have been carried out in practice, the seminar gives participants ideas, "
            "knowledge and contacts for developing their own ways of working.</p>",
            "<p>About 80 experts working to prevent and combat trafficking in the Nordic "
            "countries are invited to Helsinki Congress Paasitorni. The working language is "
            "English. The workshops of Part II are for the invited participants on site "
            "only.</p>",
            "<p>Parts I (10.00–12.45) and III (17.10–18.20) are streamed. Registration for the "
            "stream is open to everyone until 16 November 2021. The link to the stream is sent "
            "to registrants by email, and the recording can be watched by registrants until "
            "18 December 2021.</p>",
            "<p>The seminar also discusses how Nordic cooperation against trafficking could be "
            "strengthened. Its findings and proposals feed into the study on the subject that "
            "the Nordic ministers of justice agreed on at their meeting in June 2021.</p>",
        ],
        "start": "2021-11-18T09:30",
        "end": "2021-11-18T18:30",
        "time_zone": "Europe/Helsinki",
        "venue": "Helsinki Congress Paasitorni",
        "address": "Paasivuorenkatu 5 A, 00530 Helsinki",
        "city": "Helsinki",
        "host_country": "FI",
        "organisers": [
            "Ministry of Justice, Finland",
            "Ministry of the Interior, Finland",
            "Ministry for Foreign Affairs, Finland",
            "National Anti-Trafficking Coordinator, Finland",
        ],
        "context": "Part of Finland's Presidency of the Nordic Council of Ministers 2021",
        "language": "en",
        "participants": (
            "About 80 invited experts from the authorities and civil-society organisations of "
            "the Nordic countries on site; parts I and III streamed for everyone who registers."
        ),
        "programme": [
            {
                "title": "Part I: Anti-trafficking work in the EU and the Nordic countries",
                "start": "10:00",
                "end": "12:45",
                "streamed": True,
                "open_to": "everyone",
                "description": (
                    "<p>The overall picture of work against trafficking in human beings at "
                    "different levels, including the European Union and the Nordic countries. "
                    "Streamed for registrants.</p>"
                ),
                "sessions": [
                    {
                        "start": "10:00",
                        "end": "10:15",
                        "kind": "opening",
                        "title": "Opening of the seminar",
                        "description": (
                            "<p>Welcome on behalf of Finland's Presidency of the Nordic "
                            "Council of Ministers and the organising ministries.</p>"
                        ),
                        "speakers": ["hanna-kuusela"],
                        "moderator": None,
                        "room": "Main hall",
                    },
                    {
                        "start": "10:15",
                        "end": "10:50",
                        "kind": "presentation",
                        "title": "The EU Strategy on Combatting Trafficking in Human Beings",
                        "description": (
                            "<p>Priorities of the EU strategy for 2021–2025, the review of the "
                            "anti-trafficking directive and what they mean for national "
                            "coordination.</p>"
                        ),
                        "speakers": ["lucia-ferrante"],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                    {
                        "start": "10:50",
                        "end": "11:20",
                        "kind": "presentation",
                        "title": "Trafficking in the Nordic countries: a shared picture",
                        "description": (
                            "<p>Common trends in the Nordic countries: labour exploitation in "
                            "seasonal and service work, sexual exploitation moving online, "
                            "forced criminality, and victims who move between the countries. "
                            "Where national systems differ, and why it matters.</p>"
                        ),
                        "speakers": ["aino-lehtonen"],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                    {
                        "start": "11:20",
                        "end": "11:35",
                        "kind": "break",
                        "title": "Coffee break",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "",
                    },
                    {
                        "start": "11:35",
                        "end": "12:25",
                        "kind": "panel",
                        "title": "National coordination in practice",
                        "description": (
                            "<p>How the national coordinators of Sweden, Norway, Denmark and "
                            "Iceland organise the work: mandates, action plans, referral of "
                            "victims and cooperation with civil society.</p>"
                        ),
                        "speakers": [
                            "karin-lindqvist",
                            "ingrid-solberg",
                            "mette-kjaer",
                            "gudrun-magnusdottir",
                        ],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                    {
                        "start": "12:25",
                        "end": "12:45",
                        "kind": "discussion",
                        "title": "Questions from the hall and the stream",
                        "description": (
                            "<p>Questions sent by stream registrants are taken together with "
                            "those from the hall. Introduction to the afternoon workshops.</p>"
                        ),
                        "speakers": ["aino-lehtonen"],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                ],
            },
            {
                "title": "Part II: Workshops on Nordic best practices",
                "start": "12:45",
                "end": "16:45",
                "streamed": False,
                "open_to": "invited",
                "description": (
                    "<p>Participants on site work in parallel workshops on the best practices "
                    "of the different countries, followed by two side events. For invited "
                    "participants only; Part II is not streamed.</p>"
                ),
                "sessions": [
                    {
                        "start": "12:45",
                        "end": "13:45",
                        "kind": "break",
                        "title": "Lunch",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "Restaurant",
                    },
                    {
                        "start": "13:45",
                        "end": "15:45",
                        "kind": "workshop",
                        "title": "Workshop 1: Identification and referral of victims",
                        "description": (
                            "<p>How a presumed victim is recognised and reaches assistance: "
                            "Finland's national referral model and Iceland's multi-agency "
                            "coordination team. Participants compare who may refer, what "
                            "happens when the victim does not want to report a crime, and how "
                            "referral works when the victim is in another Nordic country.</p>"
                        ),
                        "speakers": ["heli-rantanen", "asdis-helgadottir"],
                        "moderator": "karin-lindqvist",
                        "room": "Room 1",
                    },
                    {
                        "start": "13:45",
                        "end": "15:45",
                        "kind": "workshop",
                        "title": "Workshop 2: Labour exploitation",
                        "description": (
                            "<p>Recognising labour trafficking during inspections: the Finnish "
                            "labour inspectors' checklist and Norway's joint inspections "
                            "against work-related crime. How inspectors, police and victim "
                            "support can act together when an inspection finds signs of "
                            "forced labour.</p>"
                        ),
                        "speakers": ["tuomas-vaisanen", "ola-brekke"],
                        "moderator": "ingrid-solberg",
                        "room": "Room 2",
                    },
                    {
                        "start": "13:45",
                        "end": "15:45",
                        "kind": "workshop",
                        "title": "Workshop 3: Sexual exploitation and low-threshold support",
                        "description": (
                            "<p>Reaching people in prostitution who may be victims: outreach "
                            "in Denmark and anonymous, low-threshold consultation in Finland. "
                            "Building trust before any decision on a police report.</p>"
                        ),
                        "speakers": ["louise-kjaergaard", "sofia-virtanen"],
                        "moderator": "mette-kjaer",
                        "room": "Room 3",
                    },
                    {
                        "start": "13:45",
                        "end": "15:45",
                        "kind": "workshop",
                        "title": "Workshop 4: Forced criminality",
                        "description": (
                            "<p>When the suspect is also a victim: screening at arrests on "
                            "cannabis plantations in Denmark and identification of victims in "
                            "organised theft in Sweden. The non-punishment principle in "
                            "practice.</p>"
                        ),
                        "speakers": ["rasmus-holm", "henrik-aberg"],
                        "moderator": "gudrun-magnusdottir",
                        "room": "Room 4",
                    },
                    {
                        "start": "13:45",
                        "end": "15:45",
                        "kind": "workshop",
                        "title": "Workshop 5: Cooperation between police and NGOs",
                        "description": (
                            "<p>How police and victim-support organisations work together "
                            "without compromising the victim's trust: agreed contact persons, "
                            "safe housing during investigations and joint training in Sweden "
                            "and Norway.</p>"
                        ),
                        "speakers": ["erik-nystrom", "silje-johansen"],
                        "moderator": "liisa-heikkila",
                        "room": "Room 5",
                    },
                    {
                        "start": "15:45",
                        "end": "16:00",
                        "kind": "break",
                        "title": "Coffee break",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "",
                    },
                    {
                        "start": "16:00",
                        "end": "16:45",
                        "kind": "side_event",
                        "title": "Side event: Consultation for the Nordic study on cooperation",
                        "description": (
                            "<p>Participants are consulted for the study on closer Nordic "
                            "cooperation against trafficking agreed by the Nordic ministers of "
                            "justice. What should Nordic cooperation add to national and EU "
                            "structures?</p>"
                        ),
                        "speakers": ["ingrid-solberg", "lucia-ferrante"],
                        "moderator": "aino-lehtonen",
                        "room": "Room 1",
                    },
                    {
                        "start": "16:00",
                        "end": "16:45",
                        "kind": "side_event",
                        "title": "Side event: The victim's voice in designing services",
                        "description": (
                            "<p>Organised by civil-society organisations: how experiences of "
                            "people who have been exploited are used to improve housing, "
                            "outreach and assistance.</p>"
                        ),
                        "speakers": ["silje-johansen", "louise-kjaergaard"],
                        "moderator": "sofia-virtanen",
                        "room": "Room 2",
                    },
                ],
            },
            {
                "title": "Part III: Results and conclusions",
                "start": "17:10",
                "end": "18:20",
                "streamed": True,
                "open_to": "everyone",
                "description": (
                    "<p>The results of the workshops and the side events are presented and "
                    "conclusions are drawn. Streamed for registrants.</p>"
                ),
                "sessions": [
                    {
                        "start": "17:10",
                        "end": "17:45",
                        "kind": "presentation",
                        "title": "Reports from the workshops and side events",
                        "description": (
                            "<p>The moderators summarise each workshop: the practices "
                            "presented, what could be transferred to other countries, and the "
                            "obstacles participants raised.</p>"
                        ),
                        "speakers": [
                            "karin-lindqvist",
                            "ingrid-solberg",
                            "mette-kjaer",
                            "gudrun-magnusdottir",
                            "liisa-heikkila",
                            "sofia-virtanen",
                        ],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                    {
                        "start": "17:45",
                        "end": "18:05",
                        "kind": "panel",
                        "title": "Closer Nordic cooperation: what next?",
                        "description": (
                            "<p>A national coordinator, the police and civil society on the "
                            "concrete aims and means of Nordic cooperation against "
                            "trafficking.</p>"
                        ),
                        "speakers": [
                            "aino-lehtonen",
                            "erik-nystrom",
                            "silje-johansen",
                            "ingrid-solberg",
                        ],
                        "moderator": "hanna-kuusela",
                        "room": "Main hall",
                    },
                    {
                        "start": "18:05",
                        "end": "18:15",
                        "kind": "conclusions",
                        "title": "Conclusions of the seminar",
                        "description": (
                            "<p>The main findings and proposals, which feed into the Nordic "
                            "study agreed by the ministers of justice.</p>"
                        ),
                        "speakers": ["aino-lehtonen"],
                        "moderator": None,
                        "room": "Main hall",
                    },
                    {
                        "start": "18:15",
                        "end": "18:20",
                        "kind": "conclusions",
                        "title": "Closing words",
                        "description": "",
                        "speakers": ["liisa-heikkila"],
                        "moderator": None,
                        "room": "Main hall",
                    },
                ],
            },
        ],
        "conclusions": [
            "<p>Participants agreed that the Nordic countries face largely the same forms of "
            "trafficking: labour exploitation in seasonal work, construction, cleaning and "
            "restaurants; sexual exploitation that increasingly starts online; and forced "
            "criminality. Victims, recruiters and criminal networks move between the "
            "countries, while the authorities mostly work within national borders.</p>",
            "<p>Many practices presented in the workshops can be transferred from one country "
            "to another with modest adaptation, among them checklists for labour inspectors, "
            "joint inspections, anonymous low-threshold support and screening for signs of "
            "trafficking at arrests. Participants asked for a simple way to find such "
            "practices and the people behind them.</p>",
            "<p>Referral of victims across Nordic borders is often slow and depends on personal "
            "contacts. Participants proposed agreed contact points in every country and a "
            "shared description of how a presumed victim is referred to assistance in each "
            "of them.</p>",
            "<p>Police representatives and victim-support organisations alike expressed "
            "interest in practical cooperation. Cooperation works best where the roles of the "
            "police and the organisations are clear and the victim's trust is respected.</p>",
            "<p>The seminar concluded that the Nordic countries need a permanent structure for "
            "cooperation: a <strong>network of the national anti-trafficking "
            "coordinators</strong> that supports information exchange and cooperation between "
            "authorities, with links to civil society and research. The proposal is taken "
            "forward in the study agreed by the Nordic ministers of justice.</p>",
        ],
        "report": {
            "title": "Nordic best practices against trafficking in human beings: seminar report",
            "published": "2022-03-21",
            "text": (
                "Summary\n\n"
                "The seminar on Nordic best practices against trafficking in human beings was "
                "held at Helsinki Congress Paasitorni on 18 November 2021 as part of Finland's "
                "Presidency of the Nordic Council of Ministers. It was organised by the "
                "Ministry of Justice, the Ministry of the Interior and the Ministry for Foreign "
                "Affairs of Finland together with the National Anti-Trafficking Coordinator. "
                "About 80 invited experts from authorities and civil-society organisations in "
                "the Nordic countries took part on site, and the opening and closing parts were "
                "streamed. Participants shared best practices and their expertise, and "
                "discussed the need and the opportunities for closer Nordic cooperation "
                "against trafficking in human beings.\n\n"
                "Main findings\n\n"
                "The Nordic countries face similar forms of trafficking, and many cases cross "
                "their borders. Experts from different fields expressed a wish for closer "
                "cooperation and put forward concrete aims and means for it. Practices "
                "presented in the workshops, such as inspectors' checklists for labour "
                "trafficking, joint inspections, low-threshold support for people in "
                "prostitution and screening for forced criminality at arrests, can be adapted "
                "in other Nordic countries. Referral of victims between the countries is not "
                "yet organised and depends largely on individual contacts. Both the police and "
                "those who assist victims are interested in practical Nordic cooperation.\n\n"
                "Recommendations\n\n"
                "The report recommends establishing a Nordic network of the national "
                "anti-trafficking coordinators. The network would support information "
                "exchange and cooperation between authorities to prevent and combat "
                "trafficking in human beings in the Nordic countries. It should meet "
                "regularly, agree on contact points for cross-border referral, make national "
                "practices easy to find for colleagues in the other countries, and involve "
                "civil society and researchers in its work. Such a network would also respond "
                "to the wish of Nordic citizens, expressed in a survey by the Nordic Council "
                "and the Nordic Council of Ministers, that the Nordic countries do more "
                "together against cross-border crime.\n\n"
                "Follow-up\n\n"
                "The findings and proposals of the seminar feed into the study on Nordic "
                "cooperation against trafficking in human beings that the Nordic ministers of "
                "justice agreed on at their meeting in June 2021. The study will be presented "
                "to the ministers of justice during Norway's Presidency of the Nordic Council "
                "of Ministers."
            ),
        },
        "recordings": [
            {
                "title": "Recording of Part I",
                "part": "Part I",
                "url": "https://video.example/nordic-thb/helsinki-2021/part-1",
                "audience": "registrants",
                "available_until": "2021-12-18T23:59",
            },
            {
                "title": "Recording of Part III",
                "part": "Part III",
                "url": "https://video.example/nordic-thb/helsinki-2021/part-3",
                "audience": "registrants",
                "available_until": "2021-12-18T23:59",
            },
        ],
        "registration": {
            "opens": "2021-10-20T09:00",
            "closes": "2021-11-16T23:59",
            "capacity": 500,
            "intro": (
                "<p>Register to follow Parts I and III of the seminar online. Registration is "
                "open to everyone until 16 November 2021. We send the link to the stream to "
                "your email address before the seminar, and you can watch the recording until "
                "18 December 2021.</p><p>The workshops of Part II are for invited participants "
                "on site only.</p>"
            ),
            "thank_you": (
                "<p>Thank you for registering. You will receive the link to the stream by "
                "email before 18 November 2021. The same link gives access to the recording "
                "until 18 December 2021.</p>"
            ),
        },
        "registrants": [
            {
                "name": "Jenni Laaksonen",
                "email": "jenni.laaksonen@tyosuojelu.example",
                "organisation": "Finnish Occupational Safety and Health Authority",
                "country": "FI",
            },
            {
                "name": "Petteri Hiltunen",
                "email": "petteri.hiltunen@poliisi.example",
                "organisation": "Finnish Police",
                "country": "FI",
            },
            {
                "name": "Emma Sandström",
                "email": "emma.sandstrom@lansstyrelsen.example",
                "organisation": "County Administrative Board of Stockholm",
                "country": "SE",
            },
            {
                "name": "Viktor Engström",
                "email": "viktor.engstrom@polisen.example",
                "organisation": "Swedish Police Authority",
                "country": "SE",
            },
            {
                "name": "Nina Halvorsen",
                "email": "nina.halvorsen@frelsesarmeen.example",
                "organisation": "Salvation Army Norway",
                "country": "NO",
            },
            {
                "name": "Magnus Aune",
                "email": "magnus.aune@bufdir.example",
                "organisation": "Norwegian Directorate for Children, Youth and Family Affairs",
                "country": "NO",
            },
            {
                "name": "Sofie Thomsen",
                "email": "sofie.thomsen@rodekors.example",
                "organisation": "Red Cross Denmark",
                "country": "DK",
            },
            {
                "name": "Kasper Mikkelsen",
                "email": "kasper.mikkelsen@politi.example",
                "organisation": "Danish Police",
                "country": "DK",
            },
            {
                "name": "Birna Sigurðardóttir",
                "email": "birna.sigurdardottir@vinnumalastofnun.example",
                "organisation": "Icelandic Directorate of Labour",
                "country": "IS",
            },
            {
                "name": "Þóra Benediktsdóttir",
                "email": "thora.benediktsdottir@hi.example",
                "organisation": "University of Iceland",
                "country": "IS",
            },
            {
                "name": "Linda Mattsson",
                "email": "linda.mattsson@landskapet.example",
                "organisation": "Government of Åland",
                "country": "AX",
            },
            {
                "name": "Jóhanna Poulsen",
                "email": "johanna.poulsen@landsstyri.example",
                "organisation": "Government of the Faroe Islands",
                "country": "FO",
            },
            {
                "name": "Naja Kleist",
                "email": "naja.kleist@naalakkersuisut.example",
                "organisation": "Government of Greenland",
                "country": "GL",
            },
        ],
    },
    {
        "slug": "oslo-cross-border-cooperation",
        "title": "Nordic seminar on cross-border cooperation against trafficking in human beings",
        "intro": (
            "The Nordic network of national anti-trafficking coordinators meets in Oslo to "
            "follow up the recommendations of the Helsinki 2021 seminar, to look at cases "
            "that cross Nordic borders and to work on labour exploitation in fisheries and "
            "seafood processing. Part I is streamed for everyone who registers."
        ),
        "body": [
            "<p>The seminar reviews how the Nordic countries have followed up the "
            'recommendations of the <a page="seminars/helsinki-2021">seminar on Nordic best '
            "practices</a> held in Helsinki in "
            "November 2021, which led to the network of national anti-trafficking "
            "coordinators. Each coordinator reports on what has been done and what remains "
            "open.</p>",
            "<p>The main theme is cross-border cases: victims who are recruited in one Nordic "
            "country and exploited in another, investigations that need evidence from several "
            "countries, and safe referral to assistance when a victim moves. The afternoon "
            "workshops focus on labour exploitation in fisheries and seafood processing, a "
            "sector where several Nordic countries have found cases.</p>",
            "<p>About 60 coordinators, police officers, labour inspectors and representatives "
            "of victim-support organisations are invited to take part on site. The working "
            "language is English. The workshops of Part II are for invited participants "
            "only.</p>",
            "<p>Part I is streamed. Registration for the stream is open to everyone, and the "
            "link to the stream is sent to registrants by email.</p>",
        ],
        "start_in_days": 140,
        "start_time": "09:00",
        "end_time": "16:30",
        "time_zone": "Europe/Oslo",
        "venue": "Oslo Kongressenter",
        "address": "Youngs gate 21, 0181 Oslo",
        "city": "Oslo",
        "host_country": "NO",
        "organisers": [
            "Ministry of Justice and Public Security, Norway",
            "Nordic network of national anti-trafficking coordinators",
        ],
        "context": (
            "Hosted by Norway for the Nordic network of national anti-trafficking coordinators"
        ),
        "language": "en",
        "participants": (
            "About 60 invited coordinators and experts from the Nordic countries on site; "
            "Part I streamed for everyone who registers."
        ),
        "programme": [
            {
                "title": "Part I: Follow-up of the recommendations and cross-border cases",
                "start": "09:00",
                "end": "12:00",
                "streamed": True,
                "open_to": "everyone",
                "description": (
                    "<p>Where the Nordic countries stand in following up the recommendations "
                    "of the Helsinki 2021 seminar, and how cases that cross Nordic borders "
                    "are handled. Streamed for registrants.</p>"
                ),
                "sessions": [
                    {
                        "start": "09:00",
                        "end": "09:15",
                        "kind": "opening",
                        "title": "Welcome to Oslo",
                        "description": "<p>Opening on behalf of the host country.</p>",
                        "speakers": ["ingrid-solberg"],
                        "moderator": None,
                        "room": "Main hall",
                    },
                    {
                        "start": "09:15",
                        "end": "10:00",
                        "kind": "presentation",
                        "title": "Follow-up of the Helsinki recommendations: country reports",
                        "description": (
                            "<p>Short reports from the national coordinators on contact "
                            "points, cross-border referral and the sharing of practices since "
                            "the network was set up.</p>"
                        ),
                        "speakers": [
                            "aino-lehtonen",
                            "karin-lindqvist",
                            "mette-kjaer",
                            "gudrun-magnusdottir",
                        ],
                        "moderator": "ingrid-solberg",
                        "room": "Main hall",
                    },
                    {
                        "start": "10:00",
                        "end": "10:20",
                        "kind": "break",
                        "title": "Coffee break",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "",
                    },
                    {
                        "start": "10:20",
                        "end": "11:20",
                        "kind": "panel",
                        "title": "Cross-border cases: when a victim or an investigation moves",
                        "description": (
                            "<p>Police, the assistance system and a multi-agency team on what "
                            "happens when a case involves more than one Nordic country: "
                            "exchange of information, joint investigations and referral of "
                            "the victim to assistance in another country.</p>"
                        ),
                        "speakers": [
                            "erik-nystrom",
                            "rasmus-holm",
                            "heli-rantanen",
                            "asdis-helgadottir",
                        ],
                        "moderator": "silje-johansen",
                        "room": "Main hall",
                    },
                    {
                        "start": "11:20",
                        "end": "12:00",
                        "kind": "discussion",
                        "title": "Questions from the hall and the stream",
                        "description": "",
                        "speakers": [],
                        "moderator": "ingrid-solberg",
                        "room": "Main hall",
                    },
                ],
            },
            {
                "title": "Part II: Labour exploitation in fisheries and seafood processing",
                "start": "12:00",
                "end": "16:30",
                "streamed": False,
                "open_to": "invited",
                "description": (
                    "<p>Workshops for invited participants on site on labour exploitation in "
                    "fisheries and seafood processing, followed by the network's next steps. "
                    "Part II is not streamed.</p>"
                ),
                "sessions": [
                    {
                        "start": "12:00",
                        "end": "13:00",
                        "kind": "break",
                        "title": "Lunch",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "Restaurant",
                    },
                    {
                        "start": "13:00",
                        "end": "14:30",
                        "kind": "workshop",
                        "title": "Workshop 1: Inspections on fishing vessels and in seafood plants",
                        "description": (
                            "<p>Risk-based and joint inspections in the sector: what signs of "
                            "forced labour inspectors look for, and how they reach crews and "
                            "workers who do not speak the local language.</p>"
                        ),
                        "speakers": ["tuomas-vaisanen", "asdis-helgadottir"],
                        "moderator": "ola-brekke",
                        "room": "Room 1",
                    },
                    {
                        "start": "13:00",
                        "end": "14:30",
                        "kind": "workshop",
                        "title": "Workshop 2: Recruitment, debt and following the money",
                        "description": (
                            "<p>Recruitment agencies, fees and debt bondage: how financial "
                            "investigation and cooperation between Nordic police services can "
                            "reach those who profit from exploitation.</p>"
                        ),
                        "speakers": ["rasmus-holm", "henrik-aberg"],
                        "moderator": "erik-nystrom",
                        "room": "Room 2",
                    },
                    {
                        "start": "13:00",
                        "end": "14:30",
                        "kind": "workshop",
                        "title": "Workshop 3: Assistance and safe return for exploited workers",
                        "description": (
                            "<p>Housing, legal advice and compensation for exploited workers, "
                            "and safe return for those who wish to go home.</p>"
                        ),
                        "speakers": ["silje-johansen", "louise-kjaergaard"],
                        "moderator": "sofia-virtanen",
                        "room": "Room 3",
                    },
                    {
                        "start": "14:30",
                        "end": "14:45",
                        "kind": "break",
                        "title": "Coffee break",
                        "description": "",
                        "speakers": [],
                        "moderator": None,
                        "room": "",
                    },
                    {
                        "start": "14:45",
                        "end": "15:45",
                        "kind": "discussion",
                        "title": "Reports from the workshops",
                        "description": (
                            "<p>The moderators report on each workshop, followed by a "
                            "discussion of what the network should take forward.</p>"
                        ),
                        "speakers": ["ola-brekke", "erik-nystrom", "sofia-virtanen"],
                        "moderator": "ingrid-solberg",
                        "room": "Main hall",
                    },
                    {
                        "start": "15:45",
                        "end": "16:30",
                        "kind": "conclusions",
                        "title": "Next steps for the network",
                        "description": (
                            "<p>Agreement on the network's work plan until its next meeting "
                            "and closing of the seminar.</p>"
                        ),
                        "speakers": ["ingrid-solberg", "aino-lehtonen"],
                        "moderator": None,
                        "room": "Main hall",
                    },
                ],
            },
        ],
        "conclusions": [],
        "report": None,
        "recordings": [
            {
                "title": "Live stream of Part I",
                "part": "Part I",
                "url": "https://video.example/nordic-thb/oslo/live",
                "audience": "registrants",
                # Counted from the end of the seminar: the stream then serves as recording.
                "available_days_after_end": 30,
            },
        ],
        "registration": {
            "opens_in_days": -10,
            "closes_in_days": 133,
            "capacity": 120,
            "intro": (
                "<p>Register to follow Part I of the seminar online. Registration is open to "
                "everyone. We send the link to the stream to your email address a few days "
                "before the seminar.</p><p>The workshops of Part II are for invited "
                "participants on site only.</p>"
            ),
            "thank_you": (
                "<p>Thank you for registering. You will receive the link to the stream by "
                "email a few days before the seminar.</p>"
            ),
        },
        "registrants": [
            {
                "name": "Henna Salo",
                "email": "henna.salo@ihmiskauppa.example",
                "organisation": "Finnish Assistance System for Victims of Trafficking",
                "country": "FI",
            },
            {
                "name": "Klara Nordin",
                "email": "klara.nordin@av.example",
                "organisation": "Swedish Work Environment Authority",
                "country": "SE",
            },
            {
                "name": "Trond Eide",
                "email": "trond.eide@arbeidstilsynet.example",
                "organisation": "Norwegian Labour Inspection Authority",
                "country": "NO",
            },
            {
                "name": "Lise Berntsen",
                "email": "lise.berntsen@oslo.example",
                "organisation": "City of Oslo",
                "country": "NO",
            },
            {
                "name": "Ida Rasmussen",
                "email": "ida.rasmussen@at.example",
                "organisation": "Danish Working Environment Authority",
                "country": "DK",
            },
            {
                "name": "Sigrún Hauksdóttir",
                "email": "sigrun.hauksdottir@logreglan.example",
                "organisation": "Icelandic Police",
                "country": "IS",
            },
            {
                "name": "Símun Hansen",
                "email": "simun.hansen@politi-fo.example",
                "organisation": "Faroe Islands Police",
                "country": "FO",
            },
        ],
    },
]

#: The practices presented at each seminar (by slug), with the session: some public, some
#: for members or one country's team only, so each reader sees a different list.
PRESENTED_PRACTICES = {
    "helsinki-2021": [
        ("auttamisjarjestelmaan-ohjaaminen", "Workshop 1: Identification and referral of victims"),
        (
            "barnahus-for-barn-utsatta-for-manniskohandel",
            "Workshop 1: Identification and referral of victims",
        ),
        ("tyoperaisen-ihmiskaupan-tarkistuslista", "Workshop 2: Labour exploitation"),
        ("felles-kontroller-arbeidslivskriminalitet", "Workshop 2: Labour exploitation"),
        (
            "matalan-kynnyksen-konsultaatio",
            "Workshop 3: Sexual exploitation and low-threshold support",
        ),
        (
            "opsogende-arbejde-prostitution",
            "Workshop 3: Sexual exploitation and low-threshold support",
        ),
        ("offer-i-organiserade-stoldligor", "Workshop 4: Forced criminality"),
        ("police-district-contact-roster", "Workshop 5: Cooperation between police and NGOs"),
    ],
    "oslo-cross-border-cooperation": [
        (
            "tilsyn-fiskeri-og-sjomatindustri",
            "Workshop 1: Inspections on fishing vessels and in seafood plants",
        ),
        (
            "fishing-vessel-crew-awareness",
            "Workshop 1: Inspections on fishing vessels and in seafood plants",
        ),
        (
            "follow-the-money-bank-partnership",
            "Workshop 2: Recruitment, debt and following the money",
        ),
        ("forberedt-hjemrejse", "Workshop 3: Assistance and safe return for exploited workers"),
    ],
}

REGISTRATION_FIELDS = [
    # (label, field_type, required, choices, help_text)
    ("Full name", "singleline", True, "", ""),
    (
        "Email address",
        "email",
        True,
        "",
        "We send the stream link and your confirmation here.",
    ),
    ("Organisation", "singleline", True, "", ""),
    (
        "Country",
        "dropdown",
        True,
        "Denmark\nFinland\nIceland\nNorway\nSweden\nÅland\nFaroe Islands\nGreenland\nOther",
        "",
    ),
    (
        "Anything we should know",
        "multiline",
        False,
        "",
        "For example accessibility needs or a request for interpretation.",
    ),
    (
        "I agree that the organisers store my registration for this seminar",
        "checkbox",
        True,
        "",
        "Only the organisers of the seminar see your registration.",
    ),
]
