"""Demo questions and answers (/questions/…), on a practice, a recommendation and a
country space. Every person and every word here is invented.

Each thread: where it is asked (a page's slug, or a country code for its space), who asks,
in which language, its title and text, and its answers (who, language, text, and for one
of them the secretariat's reason for hiding it).
"""

QUESTIONS = [
    {
        "page": "civil-society-platform",
        "author": "expert-police",
        "language": "en",
        "title": "How do you keep the platform's meetings useful for the police?",
        "body": (
            "We are setting up a similar platform in Västra Götaland. Our police officers "
            "came to two meetings and then stopped. How do you choose the topics, and does "
            "anyone from the police sit on the planning group?"
        ),
        "answers": [
            {
                "author": "expert-ngo",
                "language": "en",
                "body": (
                    "We ask each member organisation for one case a quarter, anonymised, "
                    "and the police pick which one is discussed. Since then they come."
                ),
            },
            {
                "author": "fi-coordinator",
                "language": "en",
                "body": (
                    "The National Police Board has a seat in the planning group. Write to "
                    "the secretariat and they will put you in touch."
                ),
            },
        ],
    },
    {
        "page": "nordic-network-of-coordinators",
        "author": "se-coordinator",
        "language": "sv",
        "title": "Räknas nätverksmötet som rapportering till rekommendationen?",
        "body": (
            "Vi deltog i alla tre nätverksmöten i år. Räcker det som underlag för status "
            "”genomförd”, eller förväntas ett skriftligt bidrag?"
        ),
        "answers": [
            {
                "author": "secretariat",
                "language": "en",
                "body": (
                    "Taking part counts as progress, not as implemented: the recommendation "
                    "asks for a yearly written report. A short note in the tracker is enough."
                ),
            },
            {
                "author": "expert-ngo",
                "language": "en",
                "body": (
                    "You can reach the person who wrote last year's report on +358 40 000 0000."
                ),
                "hidden": "A private phone number: ask the secretariat for contacts instead.",
            },
        ],
    },
    {
        # Finland's space: its team reads it; the Finnish country-team practice's thread
        # below is for the same team only.
        "page": "FI",
        "author": "fi-coordinator",
        "language": "fi",
        "title": "Kuka kommentoi kansallisen toimintasuunnitelman luonnosta?",
        "body": (
            "Luonnos lähtee lausunnolle maaliskuussa. Ehtiikö joku tiimistä lukea "
            "työperäistä ihmiskauppaa koskevan luvun ennen sitä?"
        ),
        "answers": [
            {
                "author": "fi-editor",
                "language": "fi",
                "body": "Luen luvun helmikuun aikana ja kommentoin suoraan luonnokseen.",
            },
        ],
    },
    {
        "page": "follow-the-money-bank-partnership",
        "author": "fi-editor",
        "language": "en",
        "title": "Can we share the banks' indicator list with the labour inspectors?",
        "body": (
            "The list is marked for the partnership only. Before the spring inspections we "
            "would like to give it to the inspectors of the South region."
        ),
        "answers": [],
    },
]
