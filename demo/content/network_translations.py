"""The network pages in Finnish, Swedish, Norwegian, Danish and Icelandic, for seed_demo.

Keyed by language, then by the page's slug (``home`` for the home page, ``footer`` for the
footer text of the site settings). Each entry holds the translated fields of that page:
``title``, ``intro`` and ``body`` (the same blocks as the English body in
``demo/content/home.py``, in the same order), and for the join form ``thank_you_text`` and
its fields' labels, help texts and choices, keyed by the English label.

Terms follow the interface's translations and the search thesaurus: fi ihmiskauppa,
koordinaattori, hyvä käytäntö, työtila; sv människohandel, samordnare, gott exempel,
landsrum; nb menneskehandel, koordinator, praksis; da menneskehandel, koordinator, praksis;
is mansal, samræmingaraðili, starfsvenja, vinnusvæði.
"""

SECRETARIAT_LINK = (
    '<a href="mailto:secretariat@nordic-thb.example">secretariat@nordic-thb.example</a>'
)


def _heading(text):
    return ("heading", {"text": text, "size": "h2"})


def _list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def _figures(spaces, experts, languages):
    return (
        "key_figures",
        [
            {"value": "8", "label": spaces},
            {"value": "80", "label": experts},
            {"value": "6", "label": languages},
        ],
    )


def _accessibility(
    intro,
    compliance,
    documents,
    recordings,
    languages,
    testing,
    preparation,
    feedback,
    enforcement,
    headings,
):
    h_status, h_content, h_test, h_prep, h_feedback, h_enforcement = headings
    return [
        ("paragraph", _paragraphs(intro)),
        _heading(h_status),
        ("paragraph", _paragraphs(compliance)),
        _heading(h_content),
        ("paragraph", _paragraphs(documents, recordings, languages)),
        _heading(h_test),
        ("paragraph", _paragraphs(testing)),
        _heading(h_prep),
        ("paragraph", _paragraphs(preparation)),
        _heading(h_feedback),
        ("paragraph", _paragraphs(feedback)),
        _heading(h_enforcement),
        ("paragraph", _paragraphs(enforcement)),
    ]


def _links(finland, sweden, norway, denmark):
    """The four supervisory authorities, each linked, in the order of the English text."""
    return (
        f'{finland} (<a href="https://www.saavutettavuusvaatimukset.fi/">'
        "saavutettavuusvaatimukset.fi</a>)",
        f'{sweden} (<a href="https://www.digg.se/">digg.se</a>)',
        f'{norway} (<a href="https://www.uutilsynet.no/">uutilsynet.no</a>)',
        f'{denmark} (<a href="https://digst.dk/">digst.dk</a>)',
    )


_FI_AUTHORITIES = _links(
    "Suomessa saavutettavuuden valvontayksikkö",
    "Ruotsissa Myndigheten för digital förvaltning",
    "Norjassa Tilsynet for universell utforming av ikt",
    "Tanskassa Digitaliseringsstyrelsen",
)
_SV_AUTHORITIES = _links(
    "i Finland enheten för tillsyn över tillgänglighet",
    "i Sverige Myndigheten för digital förvaltning",
    "i Norge Tilsynet for universell utforming av ikt",
    "i Danmark Digitaliseringsstyrelsen",
)
_NB_AUTHORITIES = _links(
    "i Finland tilsynsenheten for digital tilgjengelighet",
    "i Sverige Myndigheten för digital förvaltning",
    "i Norge Tilsynet for universell utforming av ikt",
    "i Danmark Digitaliseringsstyrelsen",
)
_DA_AUTHORITIES = _links(
    "i Finland tilsynsenheden for digital tilgængelighed",
    "i Sverige Myndigheten för digital förvaltning",
    "i Norge Tilsynet for universell utforming av ikt",
    "i Danmark Digitaliseringsstyrelsen",
)
_IS_AUTHORITIES = _links(
    "í Finnlandi eftirlitseiningar með stafrænu aðgengi",
    "í Svíþjóð Myndigheten för digital förvaltning",
    "í Noregi Tilsynet for universell utforming av ikt",
    "í Danmörku Digitaliseringsstyrelsen",
)


TRANSLATIONS = {
    # -- Finnish ---------------------------------------------------------------------------
    "fi": {
        "home": {
            "title": "Pohjoismaisten ihmiskaupan vastaisten koordinaattorien yhteistyöalusta",
            "intro": "<p>Ihmiskaupan vastaisten kansallisten koordinaattorien pohjoismainen "
            "verkosto jakaa tietoa siitä, mikä toimii ihmiskauppaa vastaan: hyviä "
            "käytäntöjä, seminaarien tuloksia ja tietoa siitä, miten kukin maa panee "
            "täytäntöön verkoston suositukset.</p>",
            "body": [
                _heading("Verkoston tehtävä"),
                (
                    "paragraph",
                    _paragraphs(
                        '<a page="seminars/helsinki-2021/">Ihmiskaupan vastaisia pohjoismaisia '
                        "hyviä käytäntöjä käsitellyt seminaari</a> (Helsinki, 18. marraskuuta "
                        "2021) suositteli kansallisten koordinaattorien pysyvän verkoston "
                        "perustamista. Verkosto tukee viranomaisten välistä tiedonvaihtoa ja "
                        "yhteistyötä ihmiskaupan ehkäisemiseksi ja torjumiseksi Pohjoismaissa ja "
                        "tuo poliisin, uhreja tukevat järjestöt ja tutkijat saman pöydän ääreen."
                    ),
                ),
                _heading("Periaatteemme"),
                (
                    "paragraph",
                    _list(
                        "Uhrilähtöisyys: jokaista toimenpidettä arvioidaan sen mukaan, mitä "
                        "se merkitsee uhreille.",
                        "Ihmisoikeudet edellä, Euroopan neuvoston ihmiskaupan vastaisen "
                        "yleissopimuksen ja EU:n ihmiskauppadirektiivin mukaisesti.",
                        "Mitään hyväksikäytön muotoa, uhriryhmää tai menetelmää ei jätetä "
                        "syrjään: seksuaalista hyväksikäyttöä, pakkotyötä, rikoksiin "
                        "pakottamista ja muita muotoja käsitellään rinnakkain.",
                        "Käytännönläheisyys: jaamme sen, mitä on tehty ja mitä voidaan "
                        "toistaa muualla.",
                    ),
                ),
                _figures(
                    "maakohtaista työtilaa", "asiantuntijaa perustamisseminaarissa", "työkieltä"
                ),
            ],
        },
        "practices": {
            "title": "Hyvät käytännöt",
            "intro": "<p>Ihmiskaupan vastaisia hyviä käytäntöjä kaikista Pohjoismaista, "
            "alkuperäisellä kielellään ja englanninkielisellä tiivistelmällä.</p>",
        },
        "countries": {
            "title": "Maat",
            "intro": "<p>Kullakin Pohjoismaalla on oma työtilansa, jota ylläpitää maan "
            "kansallinen ihmiskaupan vastainen koordinaattori.</p>",
        },
        "seminars": {
            "title": "Seminaarit",
            "intro": "<p>Verkoston seminaarit: ohjelmat, puhujat, esitykset, tallenteet ja "
            "raportit sekä niiden pohjalta annetut suositukset.</p>",
        },
        "recommendations": {
            "title": "Suositusten seuranta",
            "intro": "<p>Verkoston seminaarien, selvitysten ja vuosikokousten suositukset "
            "sekä se, miten kukin Pohjoismaa ja itsehallintoalue panee ne täytäntöön. "
            "Taulukossa on rivi kutakin suositusta ja sarake kutakin maata kohden: kussakin "
            "solussa tila kerrotaan sanoin, värillä ja kuvakkeella, ja siinä näkyy, milloin "
            "tietoa on viimeksi päivitetty. Avaa suositus, niin näet kunkin maan toimenpiteet "
            "ja päivityshistorian, tai maa, niin näet sen edistymisen. Kansalliset "
            "koordinaattorit pitävät oman maansa tiedot ajan tasalla.</p>",
        },
        "about": {
            "title": "Tietoa verkostosta",
            "intro": "Keitä olemme, miten verkosto syntyi ja miten se toimii.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Verkosto kokoaa yhteen Islannin, Norjan, Ruotsin, Suomen ja Tanskan "
                        "sekä Ahvenanmaan, Färsaarten ja Grönlannin kansalliset ihmiskaupan "
                        "vastaiset koordinaattorit. Sen sihteeristö vaihtuu Pohjoismaiden "
                        "ministerineuvoston puheenjohtajuuden mukana.",
                        'Kullakin maalla on tällä alustalla <a page="countries/">oma '
                        "työtilansa</a>, jossa maan koordinaattori julkaisee maan "
                        '<a page="practices/">hyviä käytäntöjä</a> ja raportoi verkoston '
                        '<a page="recommendations/">suositusten toimeenpanosta</a>.',
                    ),
                ),
                _heading("Miten verkosto toimii"),
                (
                    "paragraph",
                    _paragraphs(
                        "Koordinaattorit kokoontuvat kahdesti vuodessa ja järjestävät joka toinen "
                        'vuosi <a page="seminars/">seminaarin</a>, joka on avoin viranomaisten, '
                        "kansalaisyhteiskunnan ja tutkimuksen asiantuntijoille. Kokousten välillä "
                        "työ tehdään täällä: hyviä käytäntöjä jaetaan, kysymyksiä esitetään ja "
                        "suositusten toimeenpanoa seurataan."
                    ),
                ),
            ],
        },
        "principles": {
            "title": "Tavoitteet ja periaatteet",
            "intro": "Mihin verkoston jäsenet ovat sitoutuneet.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Verkoston jäsenet ovat sitoutuneet toimimaan ihmiskauppaa vastaan "
                        "uhrilähtöisesti. Niiden työ perustuu ihmisoikeuksiin sekä "
                        "ihmiskauppaa koskeviin kansainvälisiin sopimuksiin ja direktiiveihin. "
                        "Verkosto on riippumaton poliittisista aatteista ja uskonnoista."
                    ),
                ),
                _heading("Verkoston tavoitteena on"),
                (
                    "paragraph",
                    _list(
                        "jakaa tietoa ja osaamista koordinaattorien ja niiden viranomaisten "
                        "kesken, joiden kanssa he tekevät yhteistyötä;",
                        "ylläpitää ajantasaista kuvaa ihmiskaupasta Pohjoismaissa;",
                        "kehittää uhrien auttamista ja rajat ylittävää ohjausta palveluihin;",
                        "seurata politiikkaa, käytäntöjä ja lainsäädäntöä kansallisella ja "
                        "kansainvälisellä tasolla.",
                    ),
                ),
            ],
        },
        "members-handbook": {
            "title": "Jäsenten käsikirja",
            "intro": "Käytännön ohjeita jäsenille: yhteystiedot, kokouskäytännöt ja "
            "aineistojen jakaminen.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Jäsenet saavat jakaa verkoston jäsenille tarkoitettuja käytäntöjä "
                        "oman organisaationsa kollegoille, mutta eivät julkisesti. Maatiimin "
                        "aineisto pysyy maan koordinaattorien, sisällöntuottajien ja "
                        "ministeriön käytössä."
                    ),
                ),
            ],
        },
        "accessibility": {
            "title": "Saavutettavuusseloste",
            "intro": "Kuinka saavutettava tämä alusta on, mikä ei vielä ole saavutettavaa ja "
            "miten voit ilmoittaa meille puutteista.",
            "body": _accessibility(
                intro="Verkoston sihteeristö haluaa, että kaikki voivat käyttää tätä "
                "verkkosivustoa kyvyistään ja laitteistaan riippumatta. Tämä seloste koskee "
                "Pohjoismaisten ihmiskaupan vastaisten koordinaattorien yhteistyöalustan "
                "julkista sivustoa ja jäsenalueita. Se noudattaa EU:n "
                "saavutettavuusdirektiiviä (2016/2102) ja komission "
                "täytäntöönpanopäätöksen (EU) 2018/1523 selostemallia.",
                compliance="Tämä verkkosivusto täyttää verkkosisällön "
                "saavutettavuusohjeiden (WCAG) 2.1 AA-tason vaatimukset (eurooppalainen "
                "standardi EN 301 549) <b>osittain</b> alla luetellun sisällön vuoksi. "
                "Sivuston omat sivut, lomakkeet, haku ja suositusten seuranta täyttävät "
                "AA-tason.",
                documents="<b>Jäsenmaiden asiakirjat.</b> Osassa kansallisten "
                "koordinaattorien lataamista PDF-raporteista, erityisesti ennen vuotta 2022 "
                "julkaistuissa skannatuissa raporteissa, ei ole tekstikerrosta eikä "
                "otsikoita (WCAG 1.1.1, 1.3.1 ja 2.4.2). Niiden keskeinen sisältö on "
                "tiivistetty sille käytäntösivulle, joka linkittää niihin; saavutettavan "
                "version saat sihteeristöltä.",
                recordings="<b>Seminaaritallenteet.</b> "
                '<a page="seminars/helsinki-2021/">Helsingin vuoden 2021 seminaarin</a> '
                "tallenteissa on tekstitys vain englanniksi, eikä dioja ole kuvailtu ääneen "
                "(WCAG 1.2.5); diat on julkaistu asiakirjoina tallenteiden rinnalla.",
                languages="<b>Monikielinen sisältö.</b> Hyvät käytännöt on kirjoitettu oman "
                "maansa kielellä, ja niissä on englanninkielinen tiivistelmä; niitä ei ole "
                "käännetty kaikille pohjoismaisille kielille.",
                testing="Jokainen julkaisu tarkistetaan automaattisilla testeillä (axe-core) "
                "kaikilla sivutyypeillä sekä tietokoneen että puhelimen näytön levyisenä, ja "
                "kolme keskeistä käyttöpolkua (julkaiseminen, tiedon löytäminen ja seuranta) "
                "käydään läpi selaimessa pelkällä näppäimistöllä. Käyttöliittymä on "
                "saatavilla englanniksi, suomeksi, ruotsiksi, norjaksi, tanskaksi ja "
                "islanniksi.",
                preparation="Tämä seloste on laadittu 23. marraskuuta 2026 verkoston "
                "sihteeristön tekemän itsearvioinnin perusteella. Seloste on tarkistettu "
                "viimeksi 23. marraskuuta 2026.",
                feedback="Jos kohtaat sivustolla esteen tai tarvitset sisältöä toisessa "
                f"muodossa, kirjoita sihteeristölle osoitteeseen {SECRETARIAT_LINK}. Kerro, "
                "millä sivulla ongelma on ja mikä se on; vastaamme 14 päivän kuluessa.",
                enforcement="Jos et ole tyytyväinen vastaukseemme, voit kääntyä oman maasi "
                "verkkosaavutettavuutta valvovan viranomaisen puoleen: {}, {}, {} ja "
                "{}.".format(*_FI_AUTHORITIES),
                headings=(
                    "Saavutettavuuden tila",
                    "Sisältö, joka ei ole saavutettavaa",
                    "Miten testaamme",
                    "Selosteen laatiminen",
                    "Palaute ja yhteystiedot",
                    "Valvontaviranomainen",
                ),
            ),
        },
        "privacy": {
            "title": "Tietosuojaseloste",
            "intro": "Mitä henkilötietoja alusta säilyttää ja miksi.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Alustalle tallennetaan verkoston jäsenten käyttäjätilit (nimi, "
                        "sähköpostiosoite, maa, organisaatio, sektori) ja "
                        '<a page="join/">liittymislomakkeella</a> lähetetyt hakemukset. Uhreista '
                        "alusta ei tallenna mitään tietoja: hyvät käytännöt kuvaavat "
                        "toimenpiteitä, eivät koskaan yksittäisiä tapauksia. Pikapoistumispainike "
                        "ja kolme kertaa painettu vaihtonäppäin (Shift) poistuvat sivustolta heti."
                    ),
                ),
            ],
        },
        "join": {
            "title": "Liity verkostoon",
            "intro": "<p>Pohjoismaissa ihmiskauppaa vastaan työskentelevät viranomaiset, "
            "kansalaisjärjestöt ja tutkijat voivat hakea verkoston jäseneksi tai sen "
            "postituslistalle. Sihteeristö käsittelee jokaisen hakemuksen ja vastaa kahden "
            "viikon kuluessa.</p>",
            "thank_you_text": "<p>Kiitos! Hakemuksesi on saapunut sihteeristölle, joka on "
            "sinuun yhteydessä sähköpostitse.</p>",
            "fields": {
                "Full name": ("Koko nimi", "", ""),
                "Email address": (
                    "Sähköpostiosoite",
                    "Käytämme sitä vain hakemukseesi vastaamiseen.",
                    "",
                ),
                "Organisation": ("Organisaatio", "", ""),
                "Country": (
                    "Maa",
                    "",
                    "Tanska\nSuomi\nIslanti\nNorja\nRuotsi\nAhvenanmaa\nFärsaaret\nGrönlanti\nMuu",
                ),
                "Sector": (
                    "Sektori",
                    "",
                    "Poliisi\nKansalaisjärjestö\nMinisteriö\nTutkimus\nMuu",
                ),
                "I apply for": ("Haen", "", "Verkoston jäsenyyttä\nVain postituslistalle"),
                "Message": (
                    "Viesti",
                    "Kerro muutamalla rivillä työstäsi ihmiskauppaa vastaan.",
                    "",
                ),
                "I agree that the secretariat stores this application": (
                    "Hyväksyn, että sihteeristö säilyttää tämän hakemuksen",
                    "",
                    "",
                ),
            },
        },
        "footer": "Ihmiskaupan vastaisten kansallisten koordinaattorien pohjoismainen verkosto.",
    },
    # -- Swedish ---------------------------------------------------------------------------
    "sv": {
        "home": {
            "title": "Nordisk portal för samordnare mot människohandel",
            "intro": "<p>Det nordiska nätverket för nationella samordnare mot människohandel "
            "delar med sig av det som fungerar mot människohandel: goda exempel, resultat "
            "från seminarier och hur varje land följer upp nätverkets rekommendationer.</p>",
            "body": [
                _heading("Vad nätverket är till för"),
                (
                    "paragraph",
                    _paragraphs(
                        '<a page="seminars/helsinki-2021/">Seminariet om nordiska goda exempel '
                        "mot människohandel</a> (Helsingfors den 18 november 2021) rekommenderade "
                        "ett permanent nätverk för de nationella samordnarna. Nätverket stöder "
                        "informationsutbyte och samarbete mellan myndigheter för att förebygga "
                        "och bekämpa människohandel i de nordiska länderna, och samlar polis, "
                        "stödorganisationer för brottsoffer och forskare kring samma bord."
                    ),
                ),
                _heading("Våra principer"),
                (
                    "paragraph",
                    _list(
                        "Offret i centrum: varje åtgärd bedöms efter vad den gör för offren.",
                        "Mänskliga rättigheter först, i linje med Europarådets konvention och "
                        "EU:s direktiv mot människohandel.",
                        "Ingen form av exploatering, offergrupp eller metod lämnas utanför: "
                        "sexuell exploatering, tvångsarbete, tvång att begå brott och andra "
                        "former behandlas sida vid sida.",
                        "Praktiskt: vi delar med oss av det som har gjorts och kan göras igen "
                        "på andra håll.",
                    ),
                ),
                _figures("landsrum", "experter vid det grundande seminariet", "arbetsspråk"),
            ],
        },
        "practices": {
            "title": "Goda exempel",
            "intro": "<p>Goda exempel mot människohandel från alla nordiska länder, på det "
            "språk de skrevs på, med en sammanfattning på engelska.</p>",
        },
        "countries": {
            "title": "Länder",
            "intro": "<p>Varje nordiskt land har ett eget rum, som sköts av landets nationella "
            "samordnare mot människohandel.</p>",
        },
        "seminars": {
            "title": "Seminarier",
            "intro": "<p>Nätverkets seminarier: program, talare, presentationer, inspelningar "
            "och rapporter, och de rekommendationer som följde av dem.</p>",
        },
        "recommendations": {
            "title": "Uppföljning av rekommendationer",
            "intro": "<p>Rekommendationerna från nätverkets seminarier, studier och årsmöten, "
            "och hur varje nordiskt land och självstyrande område följer upp dem. Tabellen "
            "har en rad per rekommendation och en kolumn per land: varje cell anger status i "
            "ord, med färg och symbol, och när den senast uppdaterades. Öppna en "
            "rekommendation för att se varje lands åtgärder och historiken över "
            "uppdateringarna, eller ett land för att se hur långt det har kommit. De "
            "nationella samordnarna håller uppgifterna om sitt eget land aktuella.</p>",
        },
        "about": {
            "title": "Om nätverket",
            "intro": "Vilka vi är, hur nätverket kom till och hur det arbetar.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Nätverket samlar de nationella samordnarna mot människohandel i "
                        "Danmark, Finland, Island, Norge och Sverige samt på Åland, Färöarna "
                        "och Grönland. Sekretariatet roterar med ordförandeskapet i Nordiska "
                        "ministerrådet.",
                        'Varje land har ett <a page="countries/">eget rum</a> på portalen, där '
                        'landets samordnare publicerar landets <a page="practices/">goda '
                        "exempel</a> och rapporterar om uppföljningen av nätverkets "
                        '<a page="recommendations/">rekommendationer</a>.',
                    ),
                ),
                _heading("Så arbetar nätverket"),
                (
                    "paragraph",
                    _paragraphs(
                        "Samordnarna träffas två gånger om året och håller vartannat år ett "
                        '<a page="seminars/">seminarium</a> som är öppet för experter från '
                        "myndigheter, civilsamhälle och forskning. Mellan mötena sker arbetet "
                        "här: goda exempel delas, frågor ställs och rekommendationer följs upp."
                    ),
                ),
            ],
        },
        "principles": {
            "title": "Mål och principer",
            "intro": "Vad nätverkets medlemmar har åtagit sig.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Nätverkets medlemmar delar ett åtagande att agera mot människohandel "
                        "med offret i centrum. Arbetet bygger på de mänskliga rättigheterna "
                        "och på de internationella överenskommelser och direktiv som gäller "
                        "människohandel. Nätverket är oberoende av politiska ideologier och "
                        "religioner."
                    ),
                ),
                _heading("Nätverket har som mål att"),
                (
                    "paragraph",
                    _list(
                        "dela information och kunskap mellan samordnarna och de myndigheter "
                        "de samarbetar med;",
                        "ha en aktuell bild av människohandeln i Norden;",
                        "utveckla stödet till offer och hänvisningen över gränserna;",
                        "följa politik, praxis och lagstiftning på nationell och "
                        "internationell nivå.",
                    ),
                ),
            ],
        },
        "members-handbook": {
            "title": "Medlemshandbok",
            "intro": "Praktisk vägledning för medlemmar: kontakter, mötesregler och hur man "
            "delar material.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Medlemmar får dela goda exempel som är avsedda för nätverkets "
                        "medlemmar med kolleger i den egna organisationen, men inte "
                        "offentligt. Material för landsteamet stannar hos landets samordnare, "
                        "redaktörer och ministerium."
                    ),
                ),
            ],
        },
        "accessibility": {
            "title": "Tillgänglighetsredogörelse",
            "intro": "Hur tillgänglig portalen är, vad som ännu inte är tillgängligt och hur "
            "du kontaktar oss.",
            "body": _accessibility(
                intro="Nätverkets sekretariat vill att alla ska kunna använda webbplatsen, "
                "oavsett förmåga eller utrustning. Den här redogörelsen gäller den öppna "
                "webbplatsen och medlemsdelarna av Nordisk portal för samordnare mot "
                "människohandel. Den följer EU:s webbtillgänglighetsdirektiv (2016/2102) och "
                "mallen i kommissionens genomförandebeslut (EU) 2018/1523.",
                compliance="Webbplatsen är <b>delvis förenlig</b> med riktlinjerna för "
                "tillgängligt webbinnehåll (WCAG) 2.1 på nivå AA (den europeiska standarden "
                "EN 301 549), på grund av det innehåll som anges nedan. Webbplatsens egna "
                "sidor, formulär, sökfunktion och uppföljning av rekommendationer uppfyller "
                "nivå AA.",
                documents="<b>Dokument från medlemsländerna.</b> Vissa pdf-rapporter som de "
                "nationella samordnarna har laddat upp, särskilt skannade rapporter som "
                "publicerades före 2022, saknar textlager och rubriker (WCAG 1.1.1, 1.3.1 och "
                "2.4.2). Deras huvudsakliga innehåll sammanfattas på sidan för det goda "
                "exempel som länkar till dem; be sekretariatet om en tillgänglig version.",
                recordings="<b>Inspelningar från seminarier.</b> Inspelningarna från "
                '<a page="seminars/helsinki-2021/">seminariet i Helsingfors 2021</a> har '
                "undertexter endast på engelska och ingen syntolkning av bilderna (WCAG 1.2.5); "
                "bildspelen publiceras som dokument bredvid inspelningarna.",
                languages="<b>Innehåll på flera språk.</b> Goda exempel skrivs på det egna "
                "landets språk, med en sammanfattning på engelska; de översätts inte till "
                "alla nordiska språk.",
                testing="Varje version kontrolleras med automatiska tester (axe-core) på alla "
                "sidtyper i dator- och mobilbredd, och de tre huvudsakliga flödena "
                "(publicera, hitta och följa upp) genomförs i en webbläsare med enbart "
                "tangentbordet. Gränssnittet finns på engelska, finska, svenska, norska, "
                "danska och isländska.",
                preparation="Redogörelsen upprättades den 23 november 2026 genom en "
                "självskattning som nätverkets sekretariat gjorde. Den sågs senast över den "
                "23 november 2026.",
                feedback="Om du stöter på ett hinder på webbplatsen eller behöver innehåll i "
                f"ett annat format, skriv till sekretariatet på {SECRETARIAT_LINK}. Ange "
                "sidan och problemet; vi svarar inom 14 dagar.",
                enforcement="Om du inte är nöjd med vårt svar kan du vända dig till den "
                "myndighet som har tillsyn över webbtillgänglighet i ditt land: {}, {}, {} "
                "och {}.".format(*_SV_AUTHORITIES),
                headings=(
                    "Förenlighet med kraven",
                    "Innehåll som inte är tillgängligt",
                    "Hur vi testar",
                    "Hur redogörelsen har tagits fram",
                    "Återkoppling och kontakt",
                    "Tillsyn",
                ),
            ),
        },
        "privacy": {
            "title": "Integritetspolicy",
            "intro": "Vilka personuppgifter portalen sparar och varför.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Portalen lagrar nätverksmedlemmarnas konton (namn, e-postadress, land, "
                        "organisation, sektor) och de ansökningar som skickas via "
                        '<a page="join/">ansökningsformuläret</a>. Den lagrar inga uppgifter om '
                        "brottsoffer: goda exempel beskriver åtgärder, aldrig enskilda fall. "
                        "Knappen för snabb utgång och Skift-tangenten nedtryckt tre gånger lämnar "
                        "webbplatsen direkt."
                    ),
                ),
            ],
        },
        "join": {
            "title": "Gå med i nätverket",
            "intro": "<p>Myndigheter, civilsamhällesorganisationer och forskare som arbetar "
            "mot människohandel i de nordiska länderna kan ansöka om att gå med i nätverket "
            "eller dess e-postlista. Sekretariatet går igenom varje ansökan och svarar inom "
            "två veckor.</p>",
            "thank_you_text": "<p>Tack! Din ansökan har kommit fram till sekretariatet, som "
            "kontaktar dig per e-post.</p>",
            "fields": {
                "Full name": ("Fullständigt namn", "", ""),
                "Email address": (
                    "E-postadress",
                    "Vi använder den bara för att svara på din ansökan.",
                    "",
                ),
                "Organisation": ("Organisation", "", ""),
                "Country": (
                    "Land",
                    "",
                    "Danmark\nFinland\nIsland\nNorge\nSverige\nÅland\nFäröarna\nGrönland\nAnnat",
                ),
                "Sector": (
                    "Sektor",
                    "",
                    "Polis\nIdeell organisation\nMinisterium\nForskning\nAnnat",
                ),
                "I apply for": (
                    "Jag ansöker om",
                    "",
                    "Medlemskap i nätverket\nEndast e-postlistan",
                ),
                "Message": (
                    "Meddelande",
                    "Berätta kort om ditt arbete mot människohandel.",
                    "",
                ),
                "I agree that the secretariat stores this application": (
                    "Jag godkänner att sekretariatet sparar den här ansökan",
                    "",
                    "",
                ),
            },
        },
        "footer": "Nordiskt nätverk för nationella samordnare mot människohandel.",
    },
    # -- Norwegian (bokmål) ----------------------------------------------------------------
    "nb": {
        "home": {
            "title": "Nordisk portal for koordinatorer mot menneskehandel",
            "intro": "<p>Det nordiske nettverket av nasjonale koordinatorer mot menneskehandel "
            "deler det som virker mot menneskehandel: god praksis, resultater fra seminarer "
            "og hvordan hvert land følger opp nettverkets anbefalinger.</p>",
            "body": [
                _heading("Hva nettverket er til for"),
                (
                    "paragraph",
                    _paragraphs(
                        '<a page="seminars/helsinki-2021/">Seminaret om nordisk god praksis mot '
                        "menneskehandel</a> (Helsingfors, 18. november 2021) anbefalte et fast "
                        "nettverk av de nasjonale koordinatorene. Nettverket støtter "
                        "informasjonsutveksling og samarbeid mellom myndigheter for å forebygge "
                        "og bekjempe menneskehandel i de nordiske landene, og samler politi, "
                        "organisasjoner som støtter ofre, og forskere rundt samme bord."
                    ),
                ),
                _heading("Våre prinsipper"),
                (
                    "paragraph",
                    _list(
                        "Offeret i sentrum: hvert tiltak vurderes ut fra hva det betyr for ofrene.",
                        "Menneskerettighetene først, i tråd med Europarådets konvensjon og "
                        "EUs direktiv mot menneskehandel.",
                        "Ingen form for utnyttelse, offergruppe eller metode holdes utenfor: "
                        "seksuell utnyttelse, tvangsarbeid, tvang til kriminalitet og andre "
                        "former behandles side om side.",
                        "Praktisk: vi deler det som er gjort og kan gjøres igjen andre steder.",
                    ),
                ),
                _figures("landområder", "eksperter på stiftelsesseminaret", "arbeidsspråk"),
            ],
        },
        "practices": {
            "title": "God praksis",
            "intro": "<p>God praksis mot menneskehandel fra alle de nordiske landene, på "
            "språket den ble skrevet på, med et sammendrag på engelsk.</p>",
        },
        "countries": {
            "title": "Land",
            "intro": "<p>Hvert nordisk land har sitt eget område, som drives av landets "
            "nasjonale koordinator mot menneskehandel.</p>",
        },
        "seminars": {
            "title": "Seminarer",
            "intro": "<p>Nettverkets seminarer: program, foredragsholdere, presentasjoner, "
            "opptak og rapporter, og anbefalingene som fulgte av dem.</p>",
        },
        "recommendations": {
            "title": "Oppfølging av anbefalinger",
            "intro": "<p>Anbefalingene fra nettverkets seminarer, utredninger og årsmøter, og "
            "hvordan hvert nordisk land og selvstyrt område følger dem opp. Tabellen har én "
            "rad per anbefaling og én kolonne per land: hver celle viser status i ord, med "
            "farge og ikon, og når den sist ble oppdatert. Åpne en anbefaling for å se "
            "hvert lands tiltak og historikken over oppdateringer, eller et land for å se "
            "hvor langt det har kommet. De nasjonale koordinatorene holder opplysningene om "
            "sitt eget land oppdatert.</p>",
        },
        "about": {
            "title": "Om nettverket",
            "intro": "Hvem vi er, hvordan nettverket ble til, og hvordan det arbeider.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Nettverket samler de nasjonale koordinatorene mot menneskehandel i "
                        "Danmark, Finland, Island, Norge og Sverige og på Åland, Færøyene og "
                        "Grønland. Sekretariatet går på omgang med formannskapet i Nordisk "
                        "ministerråd.",
                        'Hvert land har sitt <a page="countries/">eget område</a> på portalen, '
                        "der landets koordinator publiserer landets "
                        '<a page="practices/">praksis</a> og rapporterer om oppfølgingen av '
                        'nettverkets <a page="recommendations/">anbefalinger</a>.',
                    ),
                ),
                _heading("Slik arbeider nettverket"),
                (
                    "paragraph",
                    _paragraphs(
                        "Koordinatorene møtes to ganger i året og holder annethvert år et "
                        '<a page="seminars/">seminar</a> som er åpent for eksperter fra '
                        "myndigheter, sivilsamfunn og forskning. Mellom møtene foregår arbeidet "
                        "her: praksis deles, spørsmål stilles og anbefalinger følges opp."
                    ),
                ),
            ],
        },
        "principles": {
            "title": "Mål og prinsipper",
            "intro": "Hva nettverkets medlemmer har forpliktet seg til.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Nettverkets medlemmer har forpliktet seg til å bekjempe "
                        "menneskehandel med offeret i sentrum. Arbeidet bygger på "
                        "menneskerettighetene og på de internasjonale avtalene og "
                        "direktivene om menneskehandel. Nettverket er uavhengig av politiske "
                        "ideologier og religioner."
                    ),
                ),
                _heading("Nettverket har som mål å"),
                (
                    "paragraph",
                    _list(
                        "dele informasjon og kompetanse mellom koordinatorene og myndighetene "
                        "de samarbeider med;",
                        "ha et oppdatert bilde av menneskehandelen i Norden;",
                        "utvikle bistanden til ofre og henvisning over landegrensene;",
                        "følge politikk, praksis og lovgivning på nasjonalt og internasjonalt "
                        "nivå.",
                    ),
                ),
            ],
        },
        "members-handbook": {
            "title": "Medlemshåndbok",
            "intro": "Praktisk veiledning for medlemmer: kontakter, møteregler og hvordan man "
            "deler.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Medlemmer kan dele praksis som er beregnet på nettverkets medlemmer, "
                        "med kolleger i egen organisasjon, men ikke offentlig. Materiale for "
                        "landteamet blir værende hos landets koordinatorer, redaktører og "
                        "departement."
                    ),
                ),
            ],
        },
        "accessibility": {
            "title": "Tilgjengelighetserklæring",
            "intro": "Hvor tilgjengelig portalen er, hva som ennå ikke er det, og hvordan du "
            "kan si fra.",
            "body": _accessibility(
                intro="Nettverkets sekretariat ønsker at alle skal kunne bruke dette "
                "nettstedet, uansett funksjonsevne eller utstyr. Denne erklæringen gjelder "
                "det åpne nettstedet og medlemsområdene i Nordisk portal for koordinatorer "
                "mot menneskehandel. Den følger EUs webdirektiv (2016/2102) og malen i "
                "Kommisjonens gjennomføringsbeslutning (EU) 2018/1523.",
                compliance="Dette nettstedet er <b>delvis i samsvar</b> med retningslinjene "
                "for tilgjengelig webinnhold (WCAG) 2.1 på nivå AA (den europeiske standarden "
                "EN 301 549), på grunn av innholdet som er listet opp nedenfor. Nettstedets "
                "egne sider, skjemaer, søk og oppfølging av anbefalinger oppfyller nivå AA.",
                documents="<b>Dokumenter fra medlemslandene.</b> Noen PDF-rapporter som "
                "nasjonale koordinatorer har lastet opp, særlig skannede rapporter publisert "
                "før 2022, mangler tekstlag og overskrifter (WCAG 1.1.1, 1.3.1 og 2.4.2). "
                "Hovedinnholdet er oppsummert på praksissiden som lenker til dem; be "
                "sekretariatet om en tilgjengelig versjon.",
                recordings="<b>Opptak fra seminarer.</b> Opptakene fra "
                '<a page="seminars/helsinki-2021/">seminaret i Helsingfors i 2021</a> har bare '
                "engelsk teksting og ingen synstolking av lysbildene (WCAG 1.2.5); lysbildene er "
                "publisert som dokumenter ved siden av opptakene.",
                languages="<b>Innhold på flere språk.</b> Praksis beskrives på landets eget "
                "språk, med et sammendrag på engelsk; den oversettes ikke til alle nordiske "
                "språk.",
                testing="Hver versjon kontrolleres med automatiske tester (axe-core) på alle "
                "sidetyper i skjermbredde for datamaskin og mobil, og de tre viktigste "
                "brukerreisene (publisere, finne og følge opp) gjennomføres i en nettleser "
                "med bare tastaturet. Grensesnittet finnes på engelsk, finsk, svensk, norsk, "
                "dansk og islandsk.",
                preparation="Erklæringen ble utarbeidet 23. november 2026 på grunnlag av en "
                "egenvurdering gjort av nettverkets sekretariat. Den ble sist gjennomgått "
                "23. november 2026.",
                feedback="Hvis du møter en barriere på nettstedet eller trenger innhold i et "
                f"annet format, skriv til sekretariatet på {SECRETARIAT_LINK}. Oppgi siden og "
                "problemet; vi svarer innen 14 dager.",
                enforcement="Hvis du ikke er fornøyd med svaret vårt, kan du kontakte "
                "myndigheten som fører tilsyn med universell utforming av nettsteder i ditt "
                "land: {}, {}, {} og {}.".format(*_NB_AUTHORITIES),
                headings=(
                    "Samsvar med kravene",
                    "Innhold som ikke er tilgjengelig",
                    "Slik tester vi",
                    "Utarbeidelse av erklæringen",
                    "Tilbakemelding og kontakt",
                    "Tilsyn",
                ),
            ),
        },
        "privacy": {
            "title": "Personvernerklæring",
            "intro": "Hvilke personopplysninger portalen lagrer, og hvorfor.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Portalen lagrer kontoene til nettverkets medlemmer (navn, e-postadresse, "
                        "land, organisasjon, sektor) og søknadene som sendes via "
                        '<a page="join/">søknadsskjemaet</a>. Den lagrer ingen opplysninger om '
                        "ofre: praksisene beskriver tiltak, aldri enkeltsaker. "
                        "Hurtigutgangsknappen og Shift-tasten trykket tre ganger forlater "
                        "nettstedet med en gang."
                    ),
                ),
            ],
        },
        "join": {
            "title": "Bli med i nettverket",
            "intro": "<p>Myndigheter, sivilsamfunnsorganisasjoner og forskere som arbeider "
            "mot menneskehandel i de nordiske landene, kan søke om å bli med i nettverket "
            "eller på e-postlisten. Sekretariatet behandler hver søknad og svarer innen to "
            "uker.</p>",
            "thank_you_text": "<p>Takk! Søknaden din har kommet fram til sekretariatet, som "
            "vil kontakte deg på e-post.</p>",
            "fields": {
                "Full name": ("Fullt navn", "", ""),
                "Email address": (
                    "E-postadresse",
                    "Vi bruker den bare til å svare på søknaden din.",
                    "",
                ),
                "Organisation": ("Organisasjon", "", ""),
                "Country": (
                    "Land",
                    "",
                    "Danmark\nFinland\nIsland\nNorge\nSverige\nÅland\nFærøyene\nGrønland\nAnnet",
                ),
                "Sector": (
                    "Sektor",
                    "",
                    "Politi\nFrivillig organisasjon\nDepartement\nForskning\nAnnet",
                ),
                "I apply for": (
                    "Jeg søker om",
                    "",
                    "Medlemskap i nettverket\nBare e-postlisten",
                ),
                "Message": (
                    "Melding",
                    "Fortell kort om arbeidet ditt mot menneskehandel.",
                    "",
                ),
                "I agree that the secretariat stores this application": (
                    "Jeg samtykker i at sekretariatet lagrer denne søknaden",
                    "",
                    "",
                ),
            },
        },
        "footer": "Nordisk nettverk for nasjonale koordinatorer mot menneskehandel.",
    },
    # -- Danish ----------------------------------------------------------------------------
    "da": {
        "home": {
            "title": "Nordisk portal for koordinatorer mod menneskehandel",
            "intro": "<p>Det nordiske netværk af nationale koordinatorer mod menneskehandel "
            "deler viden om, hvad der virker mod menneskehandel: god praksis, resultater fra "
            "seminarer og hvordan hvert land følger op på netværkets anbefalinger.</p>",
            "body": [
                _heading("Hvad netværket er til for"),
                (
                    "paragraph",
                    _paragraphs(
                        '<a page="seminars/helsinki-2021/">Seminaret om nordisk god praksis mod '
                        "menneskehandel</a> (Helsinki, 18. november 2021) anbefalede et fast "
                        "netværk af de nationale koordinatorer. Netværket understøtter "
                        "informationsudveksling og samarbejde mellem myndigheder om at forebygge "
                        "og bekæmpe menneskehandel i de nordiske lande og samler politi, "
                        "organisationer, der støtter ofre, og forskere om samme bord."
                    ),
                ),
                _heading("Vores principper"),
                (
                    "paragraph",
                    _list(
                        "Offeret i centrum: hvert tiltag vurderes ud fra, hvad det gør for ofrene.",
                        "Menneskerettighederne først, i tråd med Europarådets konvention og "
                        "EU's direktiv om menneskehandel.",
                        "Ingen form for udnyttelse, offergruppe eller metode udelades: "
                        "seksuel udnyttelse, tvangsarbejde, tvang til kriminalitet og andre "
                        "former behandles side om side.",
                        "Praktisk: vi deler det, der er gjort og kan gøres igen andre steder.",
                    ),
                ),
                _figures("landeområder", "eksperter ved det stiftende seminar", "arbejdssprog"),
            ],
        },
        "practices": {
            "title": "God praksis",
            "intro": "<p>God praksis mod menneskehandel fra alle de nordiske lande, på det "
            "sprog, den er skrevet på, med et engelsk resumé.</p>",
        },
        "countries": {
            "title": "Lande",
            "intro": "<p>Hvert nordisk land har sit eget område, som drives af landets "
            "nationale koordinator mod menneskehandel.</p>",
        },
        "seminars": {
            "title": "Seminarer",
            "intro": "<p>Netværkets seminarer: programmer, oplægsholdere, præsentationer, "
            "optagelser og rapporter samt de anbefalinger, der fulgte af dem.</p>",
        },
        "recommendations": {
            "title": "Opfølgning af anbefalinger",
            "intro": "<p>Anbefalingerne fra netværkets seminarer, undersøgelser og årsmøder, "
            "og hvordan hvert nordisk land og selvstyrende område følger op på dem. Tabellen "
            "har én række pr. anbefaling og én kolonne pr. land: hver celle angiver status i "
            "ord, med farve og ikon, og hvornår den sidst blev opdateret. Åbn en anbefaling "
            "for at se hvert lands tiltag og historikken over opdateringer, eller et land for "
            "at se, hvor langt det er nået. De nationale koordinatorer holder oplysningerne "
            "om deres eget land ajour.</p>",
        },
        "about": {
            "title": "Om netværket",
            "intro": "Hvem vi er, hvordan netværket opstod, og hvordan det arbejder.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Netværket samler de nationale koordinatorer mod menneskehandel i "
                        "Danmark, Finland, Island, Norge og Sverige samt på Åland, Færøerne "
                        "og i Grønland. Sekretariatet går på skift med formandskabet for "
                        "Nordisk Ministerråd.",
                        'Hvert land har sit <a page="countries/">eget område</a> på portalen, '
                        "hvor landets koordinator offentliggør landets "
                        '<a page="practices/">praksis</a> og rapporterer om opfølgningen af '
                        'netværkets <a page="recommendations/">anbefalinger</a>.',
                    ),
                ),
                _heading("Sådan arbejder netværket"),
                (
                    "paragraph",
                    _paragraphs(
                        "Koordinatorerne mødes to gange om året og holder hvert andet år et "
                        '<a page="seminars/">seminar</a>, der er åbent for eksperter fra '
                        "myndigheder, civilsamfund og forskning. Mellem møderne foregår arbejdet "
                        "her: praksis deles, spørgsmål stilles, og anbefalinger følges op."
                    ),
                ),
            ],
        },
        "principles": {
            "title": "Mål og principper",
            "intro": "Hvad netværkets medlemmer har forpligtet sig til.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Netværkets medlemmer har forpligtet sig til at bekæmpe "
                        "menneskehandel med offeret i centrum. Arbejdet bygger på "
                        "menneskerettighederne og på de internationale aftaler og direktiver "
                        "om menneskehandel. Netværket er uafhængigt af politiske ideologier "
                        "og religioner."
                    ),
                ),
                _heading("Netværket har til formål at"),
                (
                    "paragraph",
                    _list(
                        "dele information og ekspertise mellem koordinatorerne og de "
                        "myndigheder, de samarbejder med;",
                        "have et opdateret billede af menneskehandel i Norden;",
                        "udvikle hjælpen til ofre og henvisning på tværs af grænserne;",
                        "følge politik, praksis og lovgivning på nationalt og internationalt plan.",
                    ),
                ),
            ],
        },
        "members-handbook": {
            "title": "Medlemshåndbog",
            "intro": "Praktisk vejledning til medlemmer: kontakter, møderegler og deling af "
            "materiale.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Medlemmer må dele praksis, der er beregnet til netværkets "
                        "medlemmer, med kolleger i deres egen organisation, men ikke "
                        "offentligt. Materiale for landeteamet bliver hos landets "
                        "koordinatorer, redaktører og ministerium."
                    ),
                ),
            ],
        },
        "accessibility": {
            "title": "Tilgængelighedserklæring",
            "intro": "Hvor tilgængelig portalen er, hvad der endnu ikke er det, og hvordan du "
            "kan give os besked.",
            "body": _accessibility(
                intro="Netværkets sekretariat ønsker, at alle kan bruge dette websted, "
                "uanset funktionsevne eller udstyr. Denne erklæring omfatter det offentlige "
                "websted og medlemsområderne i Nordisk portal for koordinatorer mod "
                "menneskehandel. Den følger EU's webtilgængelighedsdirektiv (2016/2102) og "
                "skabelonen i Kommissionens gennemførelsesafgørelse (EU) 2018/1523.",
                compliance="Dette websted <b>overholder delvis</b> retningslinjerne for "
                "tilgængeligt webindhold (WCAG) 2.1 på niveau AA (den europæiske standard "
                "EN 301 549) på grund af det indhold, der er nævnt nedenfor. Webstedets egne "
                "sider, formularer, søgning og opfølgning af anbefalinger opfylder niveau AA.",
                documents="<b>Dokumenter fra medlemslandene.</b> Nogle pdf-rapporter, som "
                "nationale koordinatorer har lagt op, især scannede rapporter offentliggjort "
                "før 2022, har hverken tekstlag eller overskrifter (WCAG 1.1.1, 1.3.1 og "
                "2.4.2). Hovedindholdet er sammenfattet på den praksisside, der linker til "
                "dem; bed sekretariatet om en tilgængelig version.",
                recordings="<b>Optagelser fra seminarer.</b> Optagelserne fra "
                '<a page="seminars/helsinki-2021/">seminaret i Helsinki i 2021</a> har kun '
                "undertekster på engelsk og ingen synstolkning af præsentationerne (WCAG 1.2.5); "
                "præsentationerne er offentliggjort som dokumenter ved siden af optagelserne.",
                languages="<b>Indhold på flere sprog.</b> Praksis beskrives på landets eget "
                "sprog med et engelsk resumé; den oversættes ikke til alle nordiske sprog.",
                testing="Hver version kontrolleres med automatiske test (axe-core) på alle "
                "sidetyper i computer- og mobilbredde, og de tre vigtigste forløb "
                "(offentliggøre, finde og følge op) gennemføres i en browser udelukkende med "
                "tastaturet. Brugerfladen findes på engelsk, finsk, svensk, norsk, dansk og "
                "islandsk.",
                preparation="Erklæringen blev udarbejdet den 23. november 2026 på grundlag af "
                "en selvevaluering foretaget af netværkets sekretariat. Den blev senest "
                "gennemgået den 23. november 2026.",
                feedback="Hvis du støder på en barriere på webstedet eller har brug for "
                "indhold i et andet format, så skriv til sekretariatet på "
                f"{SECRETARIAT_LINK}. Oplys siden og problemet; vi svarer inden for 14 dage.",
                enforcement="Hvis du ikke er tilfreds med vores svar, kan du henvende dig til "
                "den myndighed, der fører tilsyn med webtilgængelighed i dit land: {}, {}, "
                "{} og {}.".format(*_DA_AUTHORITIES),
                headings=(
                    "Overholdelse af kravene",
                    "Indhold, der ikke er tilgængeligt",
                    "Sådan tester vi",
                    "Udarbejdelse af erklæringen",
                    "Feedback og kontakt",
                    "Tilsyn",
                ),
            ),
        },
        "privacy": {
            "title": "Privatlivspolitik",
            "intro": "Hvilke personoplysninger portalen opbevarer, og hvorfor.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Portalen opbevarer netværksmedlemmernes konti (navn, e-mailadresse, "
                        "land, organisation, sektor) og de ansøgninger, der sendes via "
                        '<a page="join/">ansøgningsformularen</a>. Den opbevarer ingen '
                        "oplysninger om ofre: praksis beskriver tiltag, aldrig enkeltsager. "
                        "Knappen til hurtig udgang og Shift-tasten trykket tre gange forlader "
                        "straks webstedet."
                    ),
                ),
            ],
        },
        "join": {
            "title": "Bliv medlem af netværket",
            "intro": "<p>Myndigheder, civilsamfundsorganisationer og forskere, der arbejder "
            "mod menneskehandel i de nordiske lande, kan søge om at blive medlem af "
            "netværket eller komme på dets mailingliste. Sekretariatet behandler hver "
            "ansøgning og svarer inden for to uger.</p>",
            "thank_you_text": "<p>Tak! Din ansøgning er modtaget af sekretariatet, som vil "
            "kontakte dig på e-mail.</p>",
            "fields": {
                "Full name": ("Fulde navn", "", ""),
                "Email address": (
                    "E-mailadresse",
                    "Vi bruger den kun til at besvare din ansøgning.",
                    "",
                ),
                "Organisation": ("Organisation", "", ""),
                "Country": (
                    "Land",
                    "",
                    "Danmark\nFinland\nIsland\nNorge\nSverige\nÅland\nFærøerne\nGrønland\nAndet",
                ),
                "Sector": (
                    "Sektor",
                    "",
                    "Politi\nNGO\nMinisterium\nForskning\nAndet",
                ),
                "I apply for": (
                    "Jeg søger om",
                    "",
                    "Medlemskab af netværket\nKun mailinglisten",
                ),
                "Message": (
                    "Besked",
                    "Fortæl kort om dit arbejde mod menneskehandel.",
                    "",
                ),
                "I agree that the secretariat stores this application": (
                    "Jeg accepterer, at sekretariatet opbevarer denne ansøgning",
                    "",
                    "",
                ),
            },
        },
        "footer": "Nordisk netværk af nationale koordinatorer mod menneskehandel.",
    },
    # -- Icelandic -------------------------------------------------------------------------
    "is": {
        "home": {
            "title": "Norrænn vettvangur samræmingaraðila gegn mansali",
            "intro": "<p>Norrænt tengslanet landsbundinna samræmingaraðila gegn mansali "
            "miðlar því sem reynist vel í baráttunni gegn mansali: góðum starfsvenjum, "
            "niðurstöðum málþinga og upplýsingum um hvernig hvert land fylgir eftir "
            "tilmælum tengslanetsins.</p>",
            "body": [
                _heading("Til hvers tengslanetið er"),
                (
                    "paragraph",
                    _paragraphs(
                        '<a page="seminars/helsinki-2021/">Málþing um góðar norrænar starfsvenjur '
                        "gegn mansali</a> (Helsinki, 18. nóvember 2021) mælti með föstu "
                        "tengslaneti landsbundinna samræmingaraðila. Tengslanetið styður "
                        "upplýsingaskipti og samstarf stjórnvalda um að koma í veg fyrir og "
                        "berjast gegn mansali á Norðurlöndum og leiðir saman lögreglu, samtök sem "
                        "styðja þolendur og fræðafólk."
                    ),
                ),
                _heading("Meginreglur okkar"),
                (
                    "paragraph",
                    _list(
                        "Þolendur í fyrirrúmi: hver aðgerð er metin út frá því hvað hún gerir "
                        "fyrir þolendur.",
                        "Mannréttindi fyrst, í samræmi við samning Evrópuráðsins og tilskipun "
                        "ESB um mansal.",
                        "Engin tegund misneytingar, hópur þolenda eða aðferð er undanskilin: "
                        "kynferðisleg misneyting, nauðungarvinna, þvinguð brotastarfsemi og "
                        "fleira er tekið fyrir samhliða.",
                        "Hagnýt nálgun: við miðlum því sem hefur verið gert og má endurtaka "
                        "annars staðar.",
                    ),
                ),
                _figures("vinnusvæði landa", "sérfræðingar á stofnmálþinginu", "vinnutungumál"),
            ],
        },
        "practices": {
            "title": "Góðar starfsvenjur",
            "intro": "<p>Góðar starfsvenjur gegn mansali frá öllum Norðurlöndunum, á því "
            "tungumáli sem þær voru skrifaðar á, með samantekt á ensku.</p>",
        },
        "countries": {
            "title": "Lönd",
            "intro": "<p>Hvert norrænt land hefur sitt eigið vinnusvæði sem landsbundinn "
            "samræmingaraðili gegn mansali heldur úti.</p>",
        },
        "seminars": {
            "title": "Málþing",
            "intro": "<p>Málþing tengslanetsins: dagskrár, fyrirlesarar, kynningar, upptökur "
            "og skýrslur, og tilmælin sem fylgdu í kjölfarið.</p>",
        },
        "recommendations": {
            "title": "Eftirfylgni tilmæla",
            "intro": "<p>Tilmæli frá málþingum, athugunum og ársfundum tengslanetsins og "
            "hvernig hvert norrænt land og sjálfstjórnarsvæði fylgir þeim eftir. Í töflunni "
            "er ein lína fyrir hver tilmæli og einn dálkur fyrir hvert land: í hverjum reit "
            "er staðan tilgreind í orðum, með lit og tákni, ásamt því hvenær hún var síðast "
            "uppfærð. Opnaðu tilmæli til að sjá aðgerðir hvers lands og sögu uppfærslna, eða "
            "land til að sjá hvernig því miðar. Landsbundnir samræmingaraðilar halda "
            "upplýsingum um eigið land uppfærðum.</p>",
        },
        "about": {
            "title": "Um tengslanetið",
            "intro": "Hver við erum, hvernig tengslanetið varð til og hvernig það starfar.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Tengslanetið sameinar landsbundna samræmingaraðila gegn mansali í "
                        "Danmörku, Finnlandi, Íslandi, Noregi og Svíþjóð, auk Álandseyja, "
                        "Færeyja og Grænlands. Skrifstofa þess flyst milli landa með "
                        "formennsku í Norrænu ráðherranefndinni.",
                        'Hvert land hefur sitt <a page="countries/">eigið vinnusvæði</a> á '
                        "vettvanginum, þar sem samræmingaraðili landsins birtir "
                        '<a page="practices/">starfsvenjur</a> landsins og greinir frá '
                        'eftirfylgni með <a page="recommendations/">tilmælum</a> tengslanetsins.',
                    ),
                ),
                _heading("Hvernig tengslanetið starfar"),
                (
                    "paragraph",
                    _paragraphs(
                        "Samræmingaraðilarnir hittast tvisvar á ári og halda annað hvert ár "
                        '<a page="seminars/">málþing</a> sem er opið sérfræðingum frá '
                        "stjórnvöldum, félagasamtökum og rannsóknum. Á milli funda fer vinnan "
                        "fram hér: starfsvenjum er miðlað, spurningum varpað fram og tilmælum "
                        "fylgt eftir."
                    ),
                ),
            ],
        },
        "principles": {
            "title": "Markmið og meginreglur",
            "intro": "Það sem aðilar tengslanetsins hafa skuldbundið sig til.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Aðilar tengslanetsins hafa skuldbundið sig til að vinna gegn mansali "
                        "með þolendur í fyrirrúmi. Starf þeirra byggist á mannréttindum og á "
                        "alþjóðlegum samningum og tilskipunum um mansal. Tengslanetið er "
                        "óháð stjórnmálastefnum og trúarbrögðum."
                    ),
                ),
                _heading("Markmið tengslanetsins eru að"),
                (
                    "paragraph",
                    _list(
                        "miðla upplýsingum og sérþekkingu milli samræmingaraðila og þeirra "
                        "stjórnvalda sem þeir starfa með;",
                        "hafa ávallt uppfærða mynd af mansali á Norðurlöndum;",
                        "efla aðstoð við þolendur og tilvísanir milli landa;",
                        "fylgjast með stefnumótun, starfsháttum og löggjöf á landsvísu og "
                        "alþjóðavísu.",
                    ),
                ),
            ],
        },
        "members-handbook": {
            "title": "Handbók fyrir aðila",
            "intro": "Hagnýtar leiðbeiningar fyrir aðila: tengiliðir, fundarreglur og miðlun "
            "efnis.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Aðilar mega deila starfsvenjum sem ætlaðar eru aðilum tengslanetsins "
                        "með samstarfsfólki í eigin stofnun, en ekki opinberlega. Efni "
                        "landsteymis helst hjá samræmingaraðilum, ritstjórum og ráðuneyti "
                        "landsins."
                    ),
                ),
            ],
        },
        "accessibility": {
            "title": "Yfirlýsing um aðgengi",
            "intro": "Hversu aðgengilegur vettvangurinn er, hvað er það ekki enn og hvernig "
            "þú getur látið okkur vita.",
            "body": _accessibility(
                intro="Skrifstofa tengslanetsins vill að allir geti notað þennan vef, óháð "
                "færni eða búnaði. Þessi yfirlýsing nær til opna vefsins og félagasvæða "
                "Norræns vettvangs samræmingaraðila gegn mansali. Hún fylgir tilskipun ESB "
                "um aðgengi að vefsetrum (2016/2102) og fyrirmyndinni í "
                "framkvæmdarákvörðun framkvæmdastjórnarinnar (ESB) 2018/1523.",
                compliance="Þessi vefur er <b>að hluta til í samræmi</b> við leiðbeiningar um "
                "aðgengi vefefnis (WCAG) 2.1, stig AA (Evrópustaðalinn EN 301 549), vegna "
                "efnisins sem talið er upp hér á eftir. Síður vefsins sjálfs, eyðublöð, leit "
                "og eftirfylgni tilmæla uppfylla stig AA.",
                documents="<b>Skjöl frá aðildarlöndunum.</b> Sumar PDF-skýrslur sem "
                "landsbundnir samræmingaraðilar hafa hlaðið upp, einkum skannaðar skýrslur "
                "sem birtar voru fyrir 2022, eru án textalags og fyrirsagna (WCAG 1.1.1, "
                "1.3.1 og 2.4.2). Meginefni þeirra er tekið saman á síðu starfsvenjunnar sem "
                "vísar á þær; skrifstofan getur útvegað aðgengilega útgáfu.",
                recordings="<b>Upptökur frá málþingum.</b> Upptökur frá "
                '<a page="seminars/helsinki-2021/">málþinginu í Helsinki 2021</a> eru aðeins '
                "textaðar á ensku og án hljóðlýsingar á glærum (WCAG 1.2.5); glærurnar eru "
                "birtar sem skjöl við hlið upptakanna.",
                languages="<b>Efni á mörgum tungumálum.</b> Starfsvenjur eru skrifaðar á "
                "tungumáli viðkomandi lands, með samantekt á ensku; þær eru ekki þýddar á "
                "öll norræn tungumál.",
                testing="Hver útgáfa er prófuð með sjálfvirkum prófunum (axe-core) á öllum "
                "síðugerðum í tölvu- og símabreidd, og þrjú helstu notendaferlin (að birta, "
                "finna og fylgja eftir) eru keyrð í vafra eingöngu með lyklaborði. Viðmótið "
                "er á ensku, finnsku, sænsku, norsku, dönsku og íslensku.",
                preparation="Þessi yfirlýsing var gerð 23. nóvember 2026 á grundvelli "
                "sjálfsmats skrifstofu tengslanetsins. Hún var síðast endurskoðuð "
                "23. nóvember 2026.",
                feedback="Ef þú rekst á hindrun á vefnum eða þarft efni á öðru sniði skaltu "
                f"skrifa skrifstofunni á {SECRETARIAT_LINK}. Tilgreindu síðuna og vandann; "
                "við svörum innan 14 daga.",
                enforcement="Ef svar okkar dugar þér ekki getur þú leitað til þess "
                "stjórnvalds sem hefur eftirlit með aðgengi að vefjum í þínu landi: {}, {}, "
                "{} og {}.".format(*_IS_AUTHORITIES),
                headings=(
                    "Staða samræmis",
                    "Efni sem er ekki aðgengilegt",
                    "Hvernig við prófum",
                    "Gerð yfirlýsingarinnar",
                    "Ábendingar og samband",
                    "Eftirlit",
                ),
            ),
        },
        "privacy": {
            "title": "Persónuverndaryfirlýsing",
            "intro": "Hvaða persónuupplýsingar vettvangurinn geymir og hvers vegna.",
            "body": [
                (
                    "paragraph",
                    _paragraphs(
                        "Vettvangurinn geymir notendareikninga aðila tengslanetsins (nafn, "
                        "netfang, land, stofnun, geira) og umsóknir sem sendar eru með "
                        '<a page="join/">umsóknareyðublaðinu</a>. Hann geymir engar upplýsingar '
                        "um þolendur: starfsvenjur lýsa aðgerðum, aldrei einstökum málum. "
                        "Hraðútgönguhnappurinn og Shift-lykillinn, sleginn þrisvar, loka vefnum "
                        "samstundis."
                    ),
                ),
            ],
        },
        "join": {
            "title": "Aðild að tengslanetinu",
            "intro": "<p>Stjórnvöld, félagasamtök og fræðafólk sem vinna gegn mansali á "
            "Norðurlöndum geta sótt um aðild að tengslanetinu eða póstlista þess. "
            "Skrifstofan fer yfir hverja umsókn og svarar innan tveggja vikna.</p>",
            "thank_you_text": "<p>Takk fyrir! Umsókn þín hefur borist skrifstofunni, sem "
            "hefur samband við þig með tölvupósti.</p>",
            "fields": {
                "Full name": ("Fullt nafn", "", ""),
                "Email address": (
                    "Netfang",
                    "Við notum það eingöngu til að svara umsókn þinni.",
                    "",
                ),
                "Organisation": ("Stofnun eða samtök", "", ""),
                "Country": (
                    "Land",
                    "",
                    "Danmörk\nFinnland\nÍsland\nNoregur\nSvíþjóð\nÁlandseyjar\nFæreyjar\n"
                    "Grænland\nAnnað",
                ),
                "Sector": (
                    "Geiri",
                    "",
                    "Lögregla\nFélagasamtök\nRáðuneyti\nRannsóknir\nAnnað",
                ),
                "I apply for": (
                    "Ég sæki um",
                    "",
                    "Aðild að tengslanetinu\nEingöngu póstlistann",
                ),
                "Message": (
                    "Skilaboð",
                    "Segðu í fáeinum línum frá starfi þínu gegn mansali.",
                    "",
                ),
                "I agree that the secretariat stores this application": (
                    "Ég samþykki að skrifstofan varðveiti þessa umsókn",
                    "",
                    "",
                ),
            },
        },
        "footer": "Norrænt tengslanet landsbundinna samræmingaraðila gegn mansali.",
    },
}
