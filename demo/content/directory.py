"""Demo profiles of the member directory (/members/). Every person here is invented.

Username → what the member tells the network and what they chose to show. Members not
listed keep the defaults: listed with name, organisation and country only.
"""

DIRECTORY_PROFILES = {
    "secretariat": {
        "job_title": "Head of the network secretariat",
        "network_role": "secretariat",
        "expertise": ["legislation", "data"],
        "languages": ["en", "nb", "sv"],
        "work_email": "secretariat@nordic-thb.example",
        "work_phone": "+47 21 00 00 10",
        "show_details": True,
        "show_contact": True,
    },
    "fi-coordinator": {
        "job_title": "National Rapporteur's adviser",
        "network_role": "national_coordinator",
        "expertise": ["identification", "legislation"],
        "languages": ["fi", "sv", "en"],
        "show_details": True,
    },
    "se-coordinator": {
        "job_title": "National coordinator against prostitution and trafficking",
        "network_role": "national_coordinator",
        "expertise": ["sexual_exploitation", "victim_assistance", "prevention"],
        "languages": ["sv", "en"],
        "work_phone": "+46 10 223 10 00",
        "show_details": True,
        "show_contact": True,
    },
    "no-coordinator": {
        "job_title": "Senior adviser, national coordinating unit",
        "network_role": "national_coordinator",
        "expertise": ["legislation", "identification"],
        "languages": ["nb", "en"],
        "show_details": True,
    },
    "dk-coordinator": {
        "job_title": "Head of unit",
        "network_role": "victim_support",
        "expertise": ["victim_assistance", "identification"],
        "languages": ["da", "en"],
        "work_email": "mette.kjaer@cmm.example",
        "show_details": True,
        "show_contact": True,
    },
    "is-coordinator": {
        # Listed with name, organisation and country only: the default.
        "job_title": "Legal expert",
        "network_role": "policy",
        "languages": ["is", "en", "da"],
    },
    "se-ministry": {
        "job_title": "Desk officer, labour market",
        "network_role": "policy",
        "expertise": ["labour_exploitation", "legislation"],
        "languages": ["sv", "en"],
        "show_details": True,
    },
    "fi-ministry": {
        # Not in the directory at all.
        "listed": False,
    },
    "expert-police": {
        "job_title": "Detective inspector, human trafficking unit",
        "network_role": "police_expert",
        "expertise": ["investigation", "financial", "online"],
        "languages": ["sv", "en"],
        "work_email": "erik.nystrom@polis.example",
        "work_phone": "+46 77 114 14 00",
        "show_details": True,
        "show_contact": True,
    },
    "expert-ngo": {
        "job_title": "Victim support counsellor",
        "network_role": "victim_support",
        "expertise": ["victim_assistance", "child_trafficking"],
        "languages": ["fi", "sv", "en"],
        "show_details": True,
    },
    "expert-labour": {
        "job_title": "Senior inspector, work-related crime",
        "network_role": "labour_inspection",
        "expertise": ["labour_exploitation", "identification", "forced_criminality"],
        "languages": ["nb", "en", "sv"],
        "work_email": "lars.haugen@arbeidstilsynet.example",
        "work_phone": "+47 73 19 97 00",
        "show_details": True,
        "show_contact": True,
    },
}
