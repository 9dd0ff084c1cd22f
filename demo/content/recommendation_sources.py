"""Demo recommendations of the bodies the ministries report to, built by
``demo.seeding.recommendations`` after the network's own (``demo.content.recommendations``).

Pure data, in the same shape as the network's recommendations (see that module), plus
``source`` (a key of ``SOURCES``) and ``corresponds_to`` (codes of the recommendations,
of any source, that ask for the same thing). Every step carries its own note.

The documents, their symbols, paragraph numbers and wording are INVENTED, shaped like
the real ones (GRETA's evaluation round reports, the UPR's recommendations, CEDAW's
concluding observations, the EU Anti-Trafficking Coordinator's progress report, the US
Trafficking in Persons report); only the addresses point to the bodies' real pages.
"""

SOURCES = {
    "greta-3rd-round-finland": {
        "kind": "greta",
        "name": "GRETA third evaluation round report on Finland (demo)",
        "body": "Council of Europe, GRETA",
        "round": "Third evaluation round",
        "issued": "2024-06-14",
        "country": "FI",
        "url": "https://www.coe.int/en/web/anti-human-trafficking",
    },
    "greta-3rd-round-norway": {
        "kind": "greta",
        "name": "GRETA third evaluation round report on Norway (demo)",
        "body": "Council of Europe, GRETA",
        "round": "Third evaluation round",
        "issued": "2023-11-22",
        "country": "NO",
        "url": "https://www.coe.int/en/web/anti-human-trafficking",
    },
    "upr-4th-cycle-sweden": {
        "kind": "upr",
        "name": "Universal Periodic Review of Sweden, report of the working group (demo)",
        "body": "UN Human Rights Council",
        "round": "4th UPR cycle",
        "issued": "2024-03-28",
        "country": "SE",
        "url": "https://www.ohchr.org/en/hr-bodies/upr/upr-main",
    },
    "cedaw-finland-8": {
        "kind": "cedaw",
        "name": "CEDAW concluding observations on the eighth periodic report of Finland (demo)",
        "body": "UN Committee on the Elimination of Discrimination against Women",
        "round": "Eighth periodic report",
        "issued": "2024-10-30",
        "country": "FI",
        "url": "https://www.ohchr.org/en/treaty-bodies/cedaw",
    },
    "eu-atc-progress-2025": {
        "kind": "eu",
        "name": "EU Anti-Trafficking Coordinator: fifth progress report (demo)",
        "body": "European Commission, EU Anti-Trafficking Coordinator",
        "round": "Fifth progress report",
        "issued": "2025-02-18",
        "country": None,
        "url": "https://home-affairs.ec.europa.eu/policies/internal-security/organised-crime-and-human-trafficking/together-against-trafficking-human-beings_en",
    },
    "us-tip-2025": {
        "kind": "us_tip",
        "name": "Trafficking in Persons Report 2025 (demo)",
        "body": "US Department of State",
        "round": "TIP report 2025",
        "issued": "2025-06-24",
        "country": None,
        "url": "https://www.state.gov/trafficking-in-persons-report/",
    },
}

#: What a step says when it gives no note of its own; texts for the final status.
_NOTES = {
    "not_started": "Recommendation received and noted. No measures decided yet.",
    "planned": "Measures decided; the work is being prepared.",
    "in_progress": "Measures under way.",
    "partly": "Part of the recommendation is in place.",
    "implemented": "The recommendation is implemented.",
    "not_applicable": "The recommendation does not apply.",
}
_SUMMARIES = {
    "not_started": "The recommendation has been noted by {authority}.",
    "planned": "{authority} has planned measures in response.",
    "in_progress": "{authority} is carrying out the measures.",
    "partly": "{country} has put part of the recommendation in place.",
    "implemented": "{country} has implemented the recommendation.",
    "not_applicable": "The recommendation does not apply to {country}.",
}
_NEXT_STEPS = {
    "not_started": "Decide on the measures.",
    "planned": "Start the measures.",
    "in_progress": "Complete the measures and report to the issuing body.",
    "partly": "Complete the remaining part.",
    "implemented": "Report on it in the next round.",
    "not_applicable": "",
}


def _external(**spec) -> dict:
    """A recommendation of another source, with the shared defaults of the network's."""
    return {
        "seminar": None,
        "report": "",
        "audience": "public",
        "rationale": "",
        "notes": _NOTES,
        "summaries": _SUMMARIES,
        "next_steps": _NEXT_STEPS,
        **spec,
    }


RECOMMENDATIONS = [
    _external(
        code="GRETA(2024)05 para 112",
        slug="greta-2024-05-para-112",
        title="Train all front-line staff to identify victims of trafficking for labour "
        "exploitation",
        theme="identification",
        source="greta-3rd-round-finland",
        issued="2024-06-14",
        due="2026-06-30",
        countries=("FI",),
        authority="labour",
        corresponds_to=("R-2022-03", "R-2024-01"),
        text=(
            "<p>GRETA urges the Finnish authorities to ensure that labour inspectors, police "
            "officers, border guards and social workers receive regular training on the "
            "indicators of trafficking for the purpose of labour exploitation, and that the "
            "training is evaluated.</p>"
        ),
        implementations={
            "FI": {
                "steps": [
                    (
                        "2024-09-10",
                        "planned",
                        "A training plan for labour inspectors and police was agreed with "
                        "the Assistance System.",
                    ),
                    (
                        60,
                        "in_progress",
                        "Two regional training days held; the online course for border "
                        "guards is being built.",
                    ),
                ],
                "target": 240,
            },
        },
    ),
    _external(
        code="GRETA(2024)05 para 187",
        slug="greta-2024-05-para-187",
        title="Make compensation from the perpetrators effective for victims of trafficking",
        theme="justice",
        source="greta-3rd-round-finland",
        issued="2024-06-14",
        due="2026-06-30",
        countries=("FI",),
        authority="compensation",
        corresponds_to=("R-2023-02",),
        text=(
            "<p>GRETA considers that the Finnish authorities should make sure that "
            "prosecutors routinely request compensation in trafficking cases and that "
            "victims receive the compensation awarded, including through the State.</p>"
        ),
        implementations={
            "FI": {
                "steps": [
                    (
                        "2024-10-02",
                        "in_progress",
                        "Guidance for prosecutors on compensation claims is being revised.",
                    ),
                    (
                        45,
                        "partly",
                        "The revised guidance is in use; State compensation for awards not "
                        "paid by perpetrators is still under review.",
                    ),
                ],
                "target": 300,
            },
        },
    ),
    _external(
        code="GRETA(2023)11 para 64",
        slug="greta-2023-11-para-64",
        title="Appoint a guardian for every unaccompanied child presumed to be a victim "
        "without delay",
        theme="assistance",
        source="greta-3rd-round-norway",
        issued="2023-11-22",
        due="2025-12-31",
        countries=("NO",),
        authority="children",
        corresponds_to=("R-2023-04",),
        text=(
            "<p>GRETA urges the Norwegian authorities to appoint a legal guardian for every "
            "unaccompanied child presumed to be a victim of trafficking as soon as the child "
            "is identified, and to monitor the time it takes.</p>"
        ),
        implementations={
            "NO": {
                "steps": [
                    (
                        "2024-02-15",
                        "planned",
                        "Bufdir was asked to propose a faster appointment procedure.",
                    ),
                    (
                        "2024-11-20",
                        "in_progress",
                        "The new procedure is tested in two municipalities.",
                    ),
                    (
                        30,
                        "implemented",
                        "The procedure applies nationwide; guardians are now appointed "
                        "within three working days.",
                    ),
                ],
            },
        },
    ),
    _external(
        code="UPR 4th cycle 145.67",
        slug="upr-4th-cycle-145-67",
        title="Establish an independent national rapporteur on trafficking in human beings",
        theme="coordination",
        source="upr-4th-cycle-sweden",
        issued="2024-03-28",
        due="2027-12-31",
        countries=("SE",),
        authority="rapporteur",
        corresponds_to=("R-2023-03",),
        text=(
            "<p>Establish an independent national rapporteur on trafficking in human beings, "
            "with a mandate to monitor the implementation of national measures "
            "(recommendation supported by Sweden).</p>"
        ),
        implementations={
            "SE": {
                "steps": [
                    (
                        "2024-06-12",
                        "planned",
                        "The Government announced an inquiry into a national rapporteur.",
                    ),
                    (
                        90,
                        "in_progress",
                        "The inquiry's terms of reference were adopted; its report is due "
                        "next year.",
                    ),
                ],
                "target": 400,
            },
        },
    ),
    _external(
        code="CEDAW/C/FIN/CO/8 para 29",
        slug="cedaw-c-fin-co-8-para-29",
        title="Identify women and girls who are victims of trafficking and give them "
        "assistance regardless of their cooperation with the authorities",
        theme="identification",
        source="cedaw-finland-8",
        issued="2024-10-30",
        due="2028-10-31",
        countries=("FI",),
        authority="referral",
        corresponds_to=("R-2022-03", "GRETA(2024)05 para 112"),
        text=(
            "<p>The Committee recommends that the State party strengthen the early "
            "identification of women and girls who are victims of trafficking, including "
            "among asylum seekers, and ensure that their access to assistance does not "
            "depend on their cooperation in criminal proceedings.</p>"
        ),
        implementations={
            "FI": {
                "steps": [
                    (
                        40,
                        "planned",
                        "The Ministry of Social Affairs and Health is preparing an amendment "
                        "on assistance without cooperation with the authorities.",
                    ),
                ],
                "target": 500,
            },
        },
    ),
    _external(
        code="EU ATC 2025 rec 3",
        slug="eu-atc-2025-rec-3",
        title="Use public procurement rules to keep goods made with forced labour out of "
        "public contracts",
        theme="labour",
        source="eu-atc-progress-2025",
        issued="2025-02-18",
        due="2026-12-31",
        countries=("DK", "FI", "SE"),
        authority="procurement",
        corresponds_to=("R-2024-02",),
        text=(
            "<p>Member States should include safeguards against trafficking for labour "
            "exploitation in their public procurement, in line with the Forced Labour "
            "Regulation, and report on them to the EU Anti-Trafficking Coordinator.</p>"
        ),
        implementations={
            "DK": {"steps": [(75, "planned", "Guidance for contracting authorities planned.")]},
            "FI": {
                "steps": [
                    ("2025-04-01", "planned", "Included in the procurement strategy's plan."),
                    (20, "in_progress", "Model contract clauses under consultation."),
                ]
            },
            "SE": {
                "steps": [
                    (
                        50,
                        "partly",
                        "Model clauses in use by the National Agency for Public Procurement; "
                        "not yet required.",
                    )
                ]
            },
        },
    ),
    _external(
        code="TIP 2025 FI-3",
        slug="tip-2025-fi-3",
        title="Increase proactive labour inspections in high-risk sectors",
        theme="labour",
        source="us-tip-2025",
        issued="2025-06-24",
        due="2026-06-30",
        countries=("FI",),
        authority="labour",
        corresponds_to=("R-2024-01", "GRETA(2024)05 para 112"),
        text=(
            "<p>Increase proactive inspections in sectors at high risk of forced labour, "
            "such as agriculture, construction, cleaning and restaurants, and refer "
            "potential victims to assistance.</p>"
        ),
        implementations={
            "FI": {
                "steps": [
                    (
                        35,
                        "in_progress",
                        "Joint inspections with the police in the berry and construction "
                        "sectors this season.",
                    )
                ],
                "target": 200,
            },
        },
    ),
    _external(
        code="TIP 2025 IS-2",
        slug="tip-2025-is-2",
        title="Vigorously prosecute trafficking cases and seek compensation for victims",
        theme="justice",
        source="us-tip-2025",
        issued="2025-06-24",
        due="2026-06-30",
        countries=("IS",),
        authority="police",
        corresponds_to=("R-2023-02",),
        text=(
            "<p>Vigorously investigate and prosecute trafficking crimes, and routinely seek "
            "restitution for victims in criminal cases.</p>"
        ),
        implementations={
            "IS": {
                "steps": [
                    (
                        55,
                        "planned",
                        "The National Commissioner plans a specialised investigation team.",
                    )
                ],
                "target": 260,
            },
        },
    ),
]
