"""Synthetic practices for ``bench_search``: plausible THB text in the six languages.

Nothing here touches the database. Text is drawn from a small word bank per language:
the terms of the THB thesaurus (``search.thesaurus_data``) and of the library's taxonomies
(``practices.taxonomy``), mixed with everyday words of project descriptions. The core
concepts come first in the thesaurus, so they are drawn more often, as in real practices.
The same seed always gives the same corpus, so figures from two runs compare.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from core.languages import CODES as LANGUAGES
from practices import taxonomy
from search.thesaurus_data import CONCEPTS

DEFAULT_SEED = 20_240_611

# Everyday words of project descriptions; a few inflected forms where the language
# inflects a lot, so the stemmers have something to do.
COMMON_WORDS = {
    "en": """the and of to for in with on by a is are was were that this their who which
        project programme support staff national local authorities municipality cooperation
        training social workers services guidance network persons people cases women men
        children young migrants work workplace employers inspectors practice method model
        team early joint regional new safe housing counselling legal health information
        language outreach research results evaluation year years week month contact
        partners case managers guidelines risk signs checklist multi-agency interviews
        sector construction cleaning restaurants agriculture berry pickers online platform
        helps offers trains meets reaches builds improves ensures develops""",
    "fi": """ja on sekä tai että joka jotka kanssa myös kaikki uusi hanke hankkeen toiminta
        tuki tukea palvelut kunta kunnan viranomaiset viranomaisten poliisin
        sosiaalityöntekijät työntekijät koulutus koulutusta yhteistyö yhteistyötä verkosto
        ohjaus neuvonta asuminen turvallinen henkilöt ihmiset naiset miehet lapset nuoret
        maahanmuuttajat työ työpaikka työnantajat tarkastajat malli menetelmä tiimi
        varhainen alueellinen kansallinen tietoa kieli tulokset arviointi vuosi vuonna
        viikko kuukausi tapaukset tapausten ihmiskaupan uhrien uhreille uhreja työperäinen
        rakennusala siivous ravintola maatalous marjanpoimijat verkossa auttaa tarjoaa
        kouluttaa tavoittaa parantaa kehittää""",
    "sv": """och är i av för med till på som att det en ett de deras projekt projektet arbete
        stöd personal nationell lokal myndigheter kommunen kommuner samverkan utbildning
        socialtjänsten socialsekreterare tjänster vägledning nätverk personer människor fall
        kvinnor män barn unga migranter arbetsplats arbetsgivare inspektörer metod modell
        team tidig gemensam regional ny trygg boende rådgivning juridisk hälsa information
        språk resultat utvärdering år vecka månad kontakt partner riktlinjer risk tecken
        byggbranschen städning restauranger jordbruk bärplockare nätet människohandelns
        offrens utnyttjande hjälper erbjuder utbildar når förbättrar utvecklar""",
    "nb": """og er i av for med til på som at det en et de deres prosjekt prosjektet arbeid
        støtte ansatte nasjonal lokal myndigheter kommunen kommuner samarbeid opplæring
        barnevernet tjenester veiledning nettverk personer mennesker saker kvinner menn barn
        unge migranter arbeidsplass arbeidsgivere inspektører metode modell team tidlig
        felles regional ny trygg bolig rådgivning juridisk helse informasjon språk
        resultater evaluering år uke måned kontakt partnere retningslinjer risiko tegn
        byggebransjen renhold restauranter landbruk bærplukkere nett utnyttelse hjelper
        tilbyr lærer når forbedrer utvikler""",
    "da": """og er i af for med til på som at det en et de deres projekt projektet arbejde
        støtte medarbejdere national lokal myndigheder kommunen kommuner samarbejde
        uddannelse socialrådgivere tilbud vejledning netværk personer mennesker sager
        kvinder mænd børn unge migranter arbejdsplads arbejdsgivere inspektører metode
        model team tidlig fælles regional ny tryg bolig rådgivning juridisk sundhed
        information sprog resultater evaluering år uge måned kontakt partnere
        retningslinjer risiko tegn byggebranchen rengøring restauranter landbrug udnyttelse
        hjælper tilbyder uddanner når forbedrer udvikler""",
    "is": """og er í á af fyrir með til sem að það þeir þau verkefni verkefnið vinna
        stuðningur starfsfólk innlend staðbundin stjórnvöld sveitarfélagið sveitarfélög
        samstarf þjálfun félagsþjónusta þjónusta ráðgjöf tengslanet einstaklingar fólk mál
        konur karlar börn ungmenni innflytjendur vinnustaður atvinnurekendur eftirlitsmenn
        aðferð líkan teymi snemma sameiginleg svæðisbundin ný öruggt húsnæði lögfræðileg
        heilsa upplýsingar tungumál niðurstöður mat ár vika mánuður samband
        samstarfsaðilar leiðbeiningar áhætta merki byggingariðnaður þrif veitingastaðir
        landbúnaður netinu misnotkun hjálpar býður þjálfar nær bætir þróar""",
}
COMMON_WORDS = {code: tuple(words.split()) for code, words in COMMON_WORDS.items()}

# Countries (ISO codes of the eight spaces) and the language most of their practices
# are written in; the rest are in English.
COUNTRY_LANGUAGE = {
    "DK": "da",
    "FI": "fi",
    "IS": "is",
    "NO": "nb",
    "SE": "sv",
    "AX": "sv",
    "FO": "da",
    "GL": "da",
}
ENGLISH_SHARE = 0.3
# Audience tiers (core.choices.Audience values): mostly public.
AUDIENCES = (("public", 0.8), ("members", 0.15), ("country", 0.05))
EVIDENCE_LEVELS = ("promising", "emerging")
FIRST_YEAR, LAST_YEAR = 2005, 2025
THB_SHARE = 0.3  # share of a sentence's words that are THB or taxonomy terms


@dataclass(frozen=True)
class SyntheticPractice:
    """Field values of one synthetic PracticePage (taxonomy terms by slug)."""

    country: str
    language: str
    title: str
    title_en: str
    summary: str
    summary_en: str
    paragraphs: list[str]
    audience: str
    start_year: int
    end_year: int | None
    evidence_level: str
    forms: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    approaches: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def _term_bank() -> dict[str, tuple[list[str], list[float]]]:
    """Per language: THB and taxonomy terms, with cumulative weights (for ``choices``)
    falling with the concept's rank."""
    bank = {}
    for position, code in enumerate(LANGUAGES):
        terms, weights = [], []
        for rank, concept in enumerate(CONCEPTS):
            concept_weight = 1 / (rank + 1) ** 0.5
            forms = concept[code]
            for i, term in enumerate(forms):
                # The most usual form most of the time.
                share = 0.6 if i == 0 else 0.4 / max(len(forms) - 1, 1)
                terms.append(term)
                weights.append(concept_weight * (share if len(forms) > 1 else 1.0))
        for names in (
            *taxonomy.FORMS.values(),
            *taxonomy.TARGET_GROUPS.values(),
            *taxonomy.SECTORS.values(),
            *taxonomy.APPROACHES.values(),
        ):
            terms.append(names[position].lower())
            weights.append(0.15)
        bank[code] = (terms, list(itertools.accumulate(weights)))
    return bank


def _heading(text: str) -> str:
    """A title made of the first words (at most ten) of a text's first sentence."""
    return " ".join(text.split(".")[0].split()[:10])


class PracticeGenerator:
    """Deterministic generator of synthetic practices.

    Args:
        form_slugs, sector_slugs, target_group_slugs, approach_slugs: the taxonomy terms
            that exist in the database (practices are tagged with a few of each).
        seed: the random seed; the same seed gives the same corpus.
    """

    def __init__(
        self,
        form_slugs,
        sector_slugs,
        target_group_slugs=(),
        approach_slugs=(),
        seed: int = DEFAULT_SEED,
    ):
        self.random = random.Random(seed)  # noqa: S311 - synthetic text, not secrets
        self.terms = _term_bank()
        self.slugs = {
            "forms": sorted(form_slugs),
            "sectors": sorted(sector_slugs),
            "target_groups": sorted(target_group_slugs),
            "approaches": sorted(approach_slugs),
        }

    # -- text --------------------------------------------------------------------------
    def _words(self, language: str, count: int) -> list[str]:
        rng = self.random
        terms, cum_weights = self.terms[language]
        common = COMMON_WORDS[language]
        words: list[str] = []
        while len(words) < count:
            if rng.random() < THB_SHARE:
                words.extend(rng.choices(terms, cum_weights=cum_weights)[0].split())
            else:
                words.append(rng.choice(common))
        return words

    def sentence(self, language: str, low: int = 8, high: int = 18) -> str:
        words = self._words(language, self.random.randint(low, high))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def title(self, language: str) -> str:
        words = self._words(language, self.random.randint(5, 10))[:10]
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def summary(self, language: str) -> str:
        return " ".join(self.sentence(language) for _ in range(self.random.randint(2, 3)))

    def body(self, language: str) -> list[str]:
        """A few paragraphs, 250–400 words in all."""
        target = self.random.randint(250, 400)
        paragraphs, total = [], 0
        while total < target:
            sentences = []
            for _ in range(self.random.randint(3, 6)):
                sentence = self.sentence(language)
                sentences.append(sentence)
                total += len(sentence.split())
                if total >= target:
                    break
            paragraphs.append(" ".join(sentences))
        return paragraphs

    # -- metadata ----------------------------------------------------------------------
    def _pick(self, kind: str, low: int, high: int) -> list[str]:
        pool = self.slugs[kind]
        if not pool:
            return []
        return sorted(self.random.sample(pool, min(len(pool), self.random.randint(low, high))))

    def practice(self, country: str) -> SyntheticPractice:
        """One practice owned by ``country`` (an ISO code of a space)."""
        rng = self.random
        language = "en" if rng.random() < ENGLISH_SHARE else COUNTRY_LANGUAGE.get(country, "en")
        audience = rng.choices([a for a, _ in AUDIENCES], [w for _, w in AUDIENCES])[0]
        start_year = rng.randint(FIRST_YEAR, LAST_YEAR)
        ongoing = rng.random() < 0.6
        end_year = None if ongoing else rng.randint(start_year, LAST_YEAR)
        title, summary = self.title(language), self.summary(language)
        summary_en = "" if language == "en" else self.summary("en")
        return SyntheticPractice(
            country=country,
            language=language,
            title=title,
            # From the English summary: no draw of its own, so a seed's corpus is the
            # one it was before practices had an English title.
            title_en=_heading(summary_en),
            summary=summary,
            summary_en=summary_en,
            paragraphs=self.body(language),
            audience=audience,
            start_year=start_year,
            end_year=end_year,
            evidence_level=rng.choice(EVIDENCE_LEVELS),
            forms=self._pick("forms", 1, 2),
            sectors=self._pick("sectors", 1, 3),
            target_groups=self._pick("target_groups", 1, 2),
            approaches=self._pick("approaches", 1, 2),
        )

    def practices(self, n: int, countries=tuple(COUNTRY_LANGUAGE)):
        """``n`` practices spread evenly over ``countries``."""
        countries = list(countries)
        for i in range(n):
            yield self.practice(countries[i % len(countries)])
