"""Demo best practices for seed_demo. Every person and contact here is invented."""

PRACTICES = [
    {
        "country": "FI",
        "slug": "civil-society-platform",
        "title": "Civil-society platform against human trafficking",
        "title_en": "",
        "language": "en",
        "audience": "public",
        "summary": (
            "A national platform of NGOs and researchers, coordinated by Victim Support Finland, "
            "that pools knowledge on human trafficking and victim assistance. Members advocate "
            "together for better structures to identify, support and protect victims."
        ),
        "summary_en": "",
        "body": [
            "The platform was set up in 2016 when several organisations working with victims of "
            "trafficking noticed that they kept meeting the same gaps in assistance but were "
            "raising them separately with the authorities. Victim Support Finland acts as "
            "coordinator: it convenes four plenary meetings a year, keeps the member register, "
            "runs a shared mailing list and prepares joint statements on draft legislation and on "
            "the national action plan.",
            "Members include organisations working with migrants, people in the sex industry, "
            "children, asylum seekers and labour rights, together with researchers from the "
            "University of Helsinki. Every member signs shared principles: a victim-centred and "
            "human-rights-based approach, respect for the victim's own choices, and independence "
            "from political and religious affiliations. The national rapporteur, the "
            "anti-trafficking coordinator and the assistance system are invited to meetings as "
            "observers, which keeps the dialogue with the authorities open without compromising "
            "the platform's independence.",
            "Thematic working groups have produced joint recommendations on access to assistance "
            "without a criminal investigation, on housing for victims and on the identification "
            "of labour exploitation. Several of these recommendations were reflected in later "
            "legislative amendments, and member organisations report that referrals between them "
            "have become faster because staff now know each other's services and contact persons.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-marriage"],
        "target_groups": ["women", "migrant-workers", "asylum-seekers"],
        "sectors": ["ngos", "research"],
        "approaches": ["partnership", "protection"],
        "organisations": ["Victim Support Finland", "University of Helsinki"],
        "other_countries": [],
        "start_year": 2016,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Riikka Heinonen",
            "role": "Platform coordinator",
            "email": "riikka.heinonen@riku.example",
        },
        "tags": ["network", "advocacy", "civil society"],
        "related": ["matalan-kynnyksen-konsultaatio", "auttamisjarjestelmaan-ohjaaminen"],
    },
    {
        "country": "FI",
        "slug": "matalan-kynnyksen-konsultaatio",
        "title": "Matalan kynnyksen konsultaatio seksialan ihmiskaupan uhreille",
        "title_en": "Low-threshold consultation for victims of trafficking in the sex industry",
        "language": "fi",
        "audience": "members",
        "summary": (
            "Järjestön kaksihenkinen ihmiskaupan vastainen työpari tarjoaa nimetöntä ja matalan "
            "kynnyksen konsultaatiota seksialalla ihmiskaupan uhriksi joutuneille. Palvelu neuvoo "
            "myös ammattilaisia, jotka kohtaavat työssään mahdollisia uhreja."
        ),
        "summary_en": (
            "A two-person anti-trafficking team at an NGO offers anonymous, low-threshold "
            "consultation to people in the sex industry who have become victims of trafficking. "
            "The service also advises professionals who meet possible victims in their work."
        ),
        "body": [
            "Työpari päivystää arkipäivisin puhelimessa, tekstiviestein ja suojatussa chatissa "
            "sekä sopii tapaamisia järjestön toimipisteeseen tai asiakkaan valitsemaan "
            "turvalliseen paikkaan. Yhteyttä voi ottaa nimettömästi, eikä keskustelu edellytä "
            "päätöstä rikosilmoituksesta tai auttamisjärjestelmään hakeutumisesta. Palvelua "
            "tarjotaan suomeksi ja englanniksi sekä tulkin välityksellä, ja työntekijät ovat "
            "tavoitettavissa myös järjestön jalkautuvan työn yhteydessä.",
            "Konsultaatiossa käydään läpi henkilön tilanne, oikeudet ja vaihtoehdot: mitä "
            "auttamisjärjestelmä voi tarjota, miten harkinta-aika toimii, mitä rikosilmoitus "
            "käytännössä tarkoittaa ja miten velkasuhteesta voi irrottautua turvallisesti. Jos "
            "asiakas niin haluaa, työpari tekee ohjauksen auttamisjärjestelmään ja on mukana "
            "ensimmäisissä tapaamisissa poliisin tai sosiaalityön kanssa.",
            "Ammattilaisille, kuten sosiaalityöntekijöille, terveydenhuollon henkilöstölle ja "
            "poliisille, työpari tarjoaa tapauskohtaista konsultaatiota ja reflektiotukea ilman "
            "henkilötietoja. Verkoston jäsenille tällä sivulla jaettava sisäinen ohjeistus "
            "sisältää yhteydenoton kulun, riskinarviointilomakkeen ja päivystysnumerot. "
            "Kokemusten mukaan nimettömyys madaltaa kynnystä merkittävästi: moni asiakas on "
            "hakeutunut auttamisjärjestelmään vasta useiden konsultaatiokertojen jälkeen.",
        ],
        "forms": ["sexual-exploitation"],
        "target_groups": ["people-in-prostitution", "women"],
        "sectors": ["ngos", "social-services"],
        "approaches": ["protection", "prevention"],
        "organisations": ["Sex Work Support Association Finland"],
        "other_countries": [],
        "start_year": 2014,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Elina Kallio",
            "role": "Anti-trafficking worker",
            "email": "elina.kallio@tukipiste.example",
        },
        "tags": ["anonymous", "consultation", "outreach"],
        "related": ["civil-society-platform"],
    },
    {
        "country": "FI",
        "slug": "auttamisjarjestelmaan-ohjaaminen",
        "title": "Kansallinen ohjausmalli ihmiskaupan uhrien auttamisjärjestelmään",
        "title_en": (
            "National referral model to the Assistance System for Victims of Human Trafficking"
        ),
        "language": "fi",
        "audience": "public",
        "summary": (
            "Ihmiskaupan uhrien auttamisjärjestelmä toimii Suomen kansallisena ohjausmekanismina, "
            "johon viranomaiset, järjestöt ja uhrit itse voivat ottaa yhteyttä ympäri vuorokauden. "
            "Malli määrittelee, miten mahdollinen uhri ohjataan palveluihin ja miten palvelujen "
            "tarve arvioidaan."
        ),
        "summary_en": (
            "The Assistance System for Victims of Human Trafficking is Finland's national referral "
            "mechanism, which authorities, NGOs and victims themselves can contact around the "
            "clock. The model sets out how a possible victim is referred to services and how their "
            "needs are assessed."
        ),
        "body": [
            "Auttamisjärjestelmä vastaanottaa yhteydenottoja puhelimitse ja verkkolomakkeella "
            "ympäri vuorokauden. Ohjaajana voi toimia poliisi, Rajavartiolaitos, "
            "työsuojeluviranomainen, sosiaali- ja terveydenhuolto, järjestö tai asianajaja, ja "
            "uhri voi ottaa yhteyttä myös itse. Järjestelmän asiantuntija tekee alustavan arvion "
            "saman päivän aikana ja päättää asiakkaaksi ottamisesta, jos on perusteltua syytä "
            "epäillä henkilön joutuneen ihmiskaupan uhriksi.",
            "Asiakkaaksi otettu henkilö saa palvelutarpeen arvion, jonka perusteella hänelle "
            "järjestetään turvallinen majoitus, sosiaali- ja terveyspalvelut, oikeudellista "
            "neuvontaa, tulkkaus ja tarvittaessa turvallinen paluu. Jos asiakkaalla on kotikunta "
            "Suomessa, palvelut järjestää hänen hyvinvointialueensa, ja auttamisjärjestelmä tukee "
            "sitä asiantuntemuksellaan. Asiakkaalla on oikeus harkinta-aikaan, jonka aikana hän "
            "voi rauhassa päättää yhteistyöstä viranomaisten kanssa.",
            "Ulkopuolinen arviointi vuonna 2021 totesi, että keskitetty ohjausmalli on lisännyt "
            "tunnistettujen uhrien määrää ja yhtenäistänyt palvelujen laatua eri puolilla maata. "
            "Kehittämiskohteiksi nostettiin tiedonkulku hyvinvointialueiden kanssa ja työperäisen "
            "ihmiskaupan uhrien asumisratkaisut. Arvioinnin jälkeen auttamisjärjestelmä on "
            "nimennyt alueelliset yhteyshenkilöt ja julkaissut ammattilaisille tarkoitetun "
            "ohjausoppaan.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "other"],
        "target_groups": ["women", "men", "migrant-workers"],
        "sectors": ["social-services", "health-care", "police", "ngos"],
        "approaches": ["protection", "partnership"],
        "organisations": ["Finnish Assistance System for Victims of Trafficking"],
        "other_countries": [],
        "start_year": 2015,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Heli Rantanen",
            "role": "Senior adviser",
            "email": "heli.rantanen@ihmiskauppa.example",
        },
        "tags": ["referral mechanism", "assistance system", "round-the-clock"],
        "related": ["tyoperaisen-ihmiskaupan-tarkistuslista", "civil-society-platform"],
    },
    {
        "country": "FI",
        "slug": "tyoperaisen-ihmiskaupan-tarkistuslista",
        "title": "Työperäisen ihmiskaupan tunnistamisen tarkistuslista työsuojelutarkastajille",
        "title_en": (
            "Checklist for labour inspectors to identify trafficking for labour exploitation"
        ),
        "language": "fi",
        "audience": "public",
        "summary": (
            "Työsuojelutarkastajat käyttävät yhteistä tarkistuslistaa työperäisen hyväksikäytön ja "
            "ihmiskaupan merkkien tunnistamiseen tarkastuksilla. Lista ohjaa, milloin työntekijä "
            "ohjataan auttamisjärjestelmään ja milloin asiasta ilmoitetaan poliisille."
        ),
        "summary_en": (
            "Occupational safety and health inspectors use a shared checklist to spot signs of "
            "labour exploitation and trafficking during inspections. The checklist tells them when "
            "to refer a worker to the assistance system and when to report the matter to the "
            "police."
        ),
        "body": [
            "Tarkistuslista laadittiin työsuojeluviranomaisen ja auttamisjärjestelmän "
            "yhteistyönä, ja se on osa ulkomaisen työvoiman käytön valvonnan vakiomenettelyä. "
            "Siinä on neljä osiota: palkkaus ja työaika, asuminen ja liikkumisen vapaus, "
            "asiakirjat ja velat sekä työntekijän oma kertomus. Kunkin osion kohdalla on "
            "esimerkkejä merkeistä, kuten passin haltuunotosta, kohtuuttomista "
            "rekrytointimaksuista tai siitä, että työnantaja vastaa tarkastajan kysymyksiin "
            "työntekijän puolesta.",
            "Tarkastaja pyrkii keskustelemaan työntekijän kanssa kahden kesken ja tarvittaessa "
            "tulkin välityksellä. Jos useampi vakava merkki täyttyy, tarkastaja antaa "
            "työntekijälle auttamisjärjestelmän monikielisen tietokortin ja ottaa työntekijän "
            "suostumuksella yhteyttä järjestelmään saman päivän aikana. Epäily ihmiskaupasta tai "
            "kiskonnantapaisesta työsyrjinnästä ilmoitetaan poliisille tarkastuskertomuksesta "
            "erillisellä lomakkeella.",
            "Tarkistuslistaa on käytetty erityisesti rakennus-, siivous-, ravintola- ja "
            "maatalousalan tarkastuksilla. Käyttöönoton jälkeen työsuojelusta tehtyjen ohjausten "
            "määrä auttamisjärjestelmään on kasvanut, ja tarkastajat kertovat listan helpottavan "
            "vaikeiden asioiden puheeksiottoa. Listaa päivitetään vuosittain tarkastajien ja "
            "auttamisjärjestelmän palautteen perusteella. Tarkastajille järjestetään lisäksi "
            "vuosittain yhteinen koulutuspäivä, jossa käydään läpi vaikeita tilanteita ja "
            "auttamisjärjestelmän uusimpia ohjeita.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers", "men"],
        "sectors": ["labour-inspection", "police"],
        "approaches": ["protection", "prosecution"],
        "organisations": [
            "Finnish Occupational Safety and Health Authority",
            "Finnish Assistance System for Victims of Trafficking",
        ],
        "other_countries": [],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Tuomas Väisänen",
            "role": "Senior inspector",
            "email": "tuomas.vaisanen@tyosuojelu.example",
        },
        "tags": ["checklist", "labour inspection", "identification"],
        "related": ["auttamisjarjestelmaan-ohjaaminen", "marjanpoimijoiden-tiedotuskampanja"],
    },
    {
        "country": "FI",
        "slug": "marjanpoimijoiden-tiedotuskampanja",
        "title": "Luonnonmarjanpoimijoiden oikeuksia koskeva tiedotuskampanja",
        "title_en": "Information campaign on the rights of wild berry pickers",
        "language": "fi",
        "audience": "public",
        "summary": (
            "Kampanja kertoo Suomeen kaudeksi tuleville luonnonmarjanpoimijoille heidän "
            "oikeuksistaan ja siitä, mistä saa apua hyväksikäyttötilanteissa. Tietoa jaetaan "
            "lähtömaissa ennen matkaa, poimintakauden aikana leireillä sekä sosiaalisessa mediassa."
        ),
        "summary_en": (
            "The campaign informs wild berry pickers coming to Finland for the season about their "
            "rights and about where to get help if they are exploited. Information is shared in "
            "countries of origin before departure, at pickers' camps during the season and on "
            "social media."
        ),
        "body": [
            "Luonnonmarjojen poiminta perustuu Suomessa pitkälti ulkomaisiin poimijoihin, joiden "
            "asema on haavoittuvainen: poimijat ovat usein velkaa rekrytoijalle matka- ja "
            "viisumikuluista, majoittuvat syrjäisillä leireillä eivätkä tunne suomalaista "
            "palvelujärjestelmää. Kampanja käynnistettiin, kun useat poimintakaudet olivat "
            "tuoneet esiin epäilyjä työperäisestä ihmiskaupasta. Monelle poimijalle kausi "
            "Suomessa on vuoden tärkein tulonlähde, mikä tekee epäkohdista kertomisesta erityisen "
            "vaikeaa.",
            "Tietopaketti on käännetty thaiksi, ukrainaksi, venäjäksi ja englanniksi. Ennen "
            "kautta sitä jaetaan lähtömaiden rekrytointitilaisuuksissa yhteistyössä Suomen "
            "edustustojen kanssa. Kauden aikana työsuojelutarkastajat ja auttamisjärjestelmän "
            "työntekijät vierailevat leireillä, jakavat tietokortteja ja kertovat, miten "
            "nimettömän neuvontapuhelimen ja chatin kautta saa apua. Lisäksi kampanjavideoita "
            "kohdennetaan sosiaalisessa mediassa poimijoiden omilla kielillä.",
            "Kampanjan aikana poimijoilta auttamisjärjestelmään tulleiden yhteydenottojen määrä "
            "kasvoi, ja työsuojelutarkastuksilla havaittiin aiempaa useammin puutteita "
            "majoituksessa ja palkanmaksussa. Ruotsin viranomaisten kanssa on sovittu yhteisistä "
            "viesteistä, koska osa poimijoista ja rekrytointiyrityksistä toimii kauden aikana "
            "molemmissa maissa. Kampanjan kokemuksia hyödynnetään myös muiden kausityöalojen, "
            "kuten puutarha- ja maatalousalan, tiedottamisessa.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["labour-inspection", "ngos", "private-sector"],
        "approaches": ["prevention", "protection"],
        "organisations": [
            "Finnish Occupational Safety and Health Authority",
            "Finnish Assistance System for Victims of Trafficking",
        ],
        "other_countries": ["SE"],
        "start_year": 2021,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Satu Mäkelä",
            "role": "Communications specialist",
            "email": "satu.makela@tyosuojelu.example",
        },
        "tags": ["awareness", "seasonal work", "berry picking", "cross-border"],
        "related": ["berry-picker-joint-checks", "tyoperaisen-ihmiskaupan-tarkistuslista"],
    },
    {
        "country": "FI",
        "slug": "rajavartijoiden-koulutus",
        "title": "Ihmiskaupan uhrin tunnistamisen koulutus rajavartijoille",
        "title_en": "Training border guards to identify victims of trafficking",
        "language": "fi",
        "audience": "members",
        "summary": (
            "Rajavartiolaitoksen koulutusohjelma antaa rajatarkastuksia tekeville rajavartijoille "
            "valmiudet tunnistaa mahdollisia ihmiskaupan uhreja ja ohjata heidät "
            "auttamisjärjestelmään. Sivulla jaetaan verkoston jäsenille koulutusmateriaali ja "
            "indikaattorikortti."
        ),
        "summary_en": (
            "The Finnish Border Guard's training programme equips border guards carrying out "
            "border checks to identify possible victims of trafficking and refer them to the "
            "assistance system. The page gives network members access to the training material and "
            "the indicator card."
        ),
        "body": [
            "Koulutus koostuu verkkokurssista ja yhden päivän lähikoulutuksesta, jossa "
            "tunnistamista harjoitellaan simulaatioiden avulla lentoasemalla, satamassa ja "
            "maarajalla. Kouluttajina toimivat Rajavartiolaitoksen omat asiantuntijat yhdessä "
            "auttamisjärjestelmän ja poliisin kanssa. Kurssi on pakollinen kaikille "
            "rajatarkastustehtävissä aloittaville, ja kertauskoulutus järjestetään kolmen vuoden "
            "välein.",
            "Harjoituksissa painotetaan haastattelua erillisessä tilassa, tulkin käyttöä ja sitä, "
            "miten mahdolliselle uhrille kerrotaan hänen oikeuksistaan ilman painostusta. "
            "Osallistujat saavat taskukokoisen indikaattorikortin, jossa on "
            "matkustusjärjestelyihin, asiakirjoihin ja käyttäytymiseen liittyviä merkkejä sekä "
            "auttamisjärjestelmän päivystysnumero. Lisäksi käydään läpi, milloin asiasta on "
            "ilmoitettava poliisille ja miten uhrin turvallisuus varmistetaan, jos epäilty "
            "hyväksikäyttäjä matkustaa samassa seurueessa.",
            "Koulutuksen vaikutuksia arvioitiin vuonna 2022. Arvioinnin mukaan koulutetut "
            "rajavartijat tunnistivat harjoitustapauksissa ihmiskaupan merkit selvästi useammin "
            "kuin vertailuryhmä, ja rajanylityspaikoilta tehdyt ohjaukset auttamisjärjestelmään "
            "lisääntyivät. Palautteen perusteella koulutukseen lisättiin osio lapsista, jotka "
            "matkustavat ilman huoltajaa tai muun aikuisen kuin huoltajansa seurassa.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "children", "asylum-seekers"],
        "sectors": ["border-guard"],
        "approaches": ["prevention", "protection"],
        "organisations": [
            "Finnish Border Guard",
            "Finnish Assistance System for Victims of Trafficking",
        ],
        "other_countries": [],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Antti Nurmi",
            "role": "Training officer",
            "email": "antti.nurmi@raja.example",
        },
        "tags": ["training", "border", "indicators"],
        "related": ["auttamisjarjestelmaan-ohjaaminen", "keflavik-landamaeravardir-thjalfun"],
    },
    {
        "country": "FI",
        "slug": "pakkoavioliittojen-ennaltaehkaisy",
        "title": "Pakkoavioliittojen ennaltaehkäisy ja tuki kunnan palveluissa",
        "title_en": (
            "Preventing forced marriage and supporting those at risk in municipal services"
        ),
        "language": "fi",
        "audience": "public",
        "summary": (
            "Helsingin kaupungin toimintamalli auttaa koulujen, nuorisotyön ja sosiaalityön "
            "ammattilaisia tunnistamaan pakkoavioliiton uhan ja toimimaan nopeasti. Mallissa on "
            "yhteinen toimintaohje, nimetty yhteyshenkilö ja yhteistyö auttamisjärjestelmän kanssa."
        ),
        "summary_en": (
            "The City of Helsinki's model helps professionals in schools, youth work and social "
            "work to recognise the threat of forced marriage and act quickly. It comprises a "
            "shared procedure, a named contact person and cooperation with the assistance system."
        ),
        "body": [
            "Pakkoavioliitto on Suomessa rangaistava teko, ja se voi täyttää myös ihmiskaupan "
            "tunnusmerkit. Kaupungin ammattilaiset kohtaavat uhan usein ensimmäisinä, esimerkiksi "
            "kun oppilas kertoo kesälomamatkasta, jolta hän pelkää, ettei pääse palaamaan. "
            "Toimintamallin tavoitteena on, että jokainen tällainen huoli käsitellään samalla "
            "tavalla koulusta tai toimipisteestä riippumatta.",
            "Toimintaohje kuvaa, miten nuoren kanssa keskustellaan turvallisesti ilman "
            "perheenjäseniä ja ilman tulkkina toimivia sukulaisia, miten riski arvioidaan ja "
            "milloin tehdään lastensuojeluilmoitus ja ilmoitus poliisille. Kaupungissa on nimetty "
            "yhteyshenkilö, joka konsultoi ammattilaisia ja pitää yhteyttä auttamisjärjestelmään "
            "sekä järjestöihin, jotka tarjoavat turvallista asumista ja vertaistukea.",
            "Mallia on pilotoitu kahdessa peruskoulussa, yhdessä lukiossa ja nuorisoasemalla. "
            "Ensimmäisten kokemusten mukaan ammattilaiset ottavat asian puheeksi aiempaa "
            "varhaisemmin, ja yhteistyö poliisin kanssa on nopeutunut. Mallin laajempi "
            "käyttöönotto ja arviointi ovat suunnitteilla. Ammattilaisille on myös tuotettu lyhyt "
            "verkkokoulutus, joka on kaikkien kaupungin työntekijöiden käytettävissä.",
        ],
        "forms": ["forced-marriage"],
        "target_groups": ["children", "women"],
        "sectors": ["municipalities", "social-services", "police"],
        "approaches": ["prevention", "protection"],
        "organisations": [
            "City of Helsinki",
            "Finnish Assistance System for Victims of Trafficking",
        ],
        "other_countries": [],
        "start_year": 2023,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Laura Koskinen",
            "role": "Coordinator for honour-related violence",
            "email": "laura.koskinen@hel.example",
        },
        "tags": ["forced marriage", "schools", "municipal"],
        "related": [],
    },
    {
        "country": "FI",
        "slug": "follow-the-money-bank-partnership",
        "title": "Follow-the-money partnership with banks in trafficking cases",
        "title_en": "",
        "language": "en",
        "audience": "country",
        "summary": (
            "The Finnish Police and the largest banks share typologies and red-flag indicators so "
            "that suspicious transactions linked to trafficking are reported and analysed faster. "
            "This country-only page contains the internal escalation procedure and the roster of "
            "bank liaison officers."
        ),
        "summary_en": "",
        "body": [
            "Trafficking is driven by profit, and payments for rent, advertising, travel and "
            "recruitment fees leave traces in the financial system. Since 2022 the police's "
            "national anti-trafficking investigation unit has met quarterly with the "
            "financial-crime teams of participating banks and the Financial Intelligence Unit. "
            "The meetings produce anonymised typologies, for example patterns where many workers' "
            "wages are paid into accounts controlled by one person, or where online advertising "
            "for sexual services is paid for from a single card.",
            "Banks use the indicators to tune their transaction monitoring and file suspicious "
            "transaction reports with a specific trafficking marker, which the Financial "
            "Intelligence Unit prioritises. Investigators in turn use financial analysis from the "
            "start of a case, so that asset recovery and compensation for victims can be planned "
            "early. The internal escalation procedure on this page explains which unit receives a "
            "flagged report, the agreed response times and how information may lawfully be shared.",
            "The partnership is still young and has not been evaluated. Early lessons are that "
            "indicators must be revised every six months because offenders adapt quickly, and "
            "that banks need feedback on what happened to their reports to stay engaged. A draft "
            "memorandum on extending the work to payment-service providers is under discussion.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "migrant-workers"],
        "sectors": ["police", "private-sector", "prosecution"],
        "approaches": ["prosecution", "partnership"],
        "organisations": ["Finnish Police"],
        "other_countries": [],
        "start_year": 2022,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Jussi Koskela",
            "role": "Detective inspector",
            "email": "jussi.koskela@poliisi.example",
        },
        "tags": ["financial investigation", "banks", "follow the money"],
        "related": ["erstatning-til-ofre"],
    },
    {
        "country": "FI",
        "slug": "osterbottens-natverk-mot-manniskohandel",
        "title": "Regionalt nätverk mot människohandel i Österbotten",
        "title_en": "Regional network against human trafficking in Ostrobothnia",
        "language": "sv",
        "audience": "members",
        "summary": (
            "Ett regionalt nätverk i Österbotten samlar polisen, välfärdsområdets socialarbetare, "
            "arbetarskyddet och organisationer för att snabbare identifiera offer för "
            "människohandel. Nätverket har en gemensam hänvisningsrutin och en kontaktlista som "
            "delas med nätverkets medlemmar."
        ),
        "summary_en": (
            "A regional network in Ostrobothnia brings together the police, social workers from "
            "the wellbeing services county, occupational safety and health inspectors and NGOs to "
            "identify victims of trafficking faster. The network has a shared referral routine and "
            "a contact list shared with network members."
        ),
        "body": [
            "Österbotten har en stor andel utländsk arbetskraft inom växthusodling, "
            "pälsdjursuppfödning, varvsindustri och livsmedelsförädling. När flera ärenden med "
            "misstänkt arbetskraftsexploatering samtidigt kom till polisens kännedom visade det "
            "sig att de lokala aktörerna inte kände till varandras roller. Nätverket bildades "
            "därför 2023 på initiativ av Hjälpsystemet för offer för människohandel och polisen i "
            "regionen.",
            "Nätverket träffas fyra gånger per år och arbetar på svenska och finska. Den "
            "gemensamma hänvisningsrutinen beskriver vem som gör vad när en yrkesperson "
            "misstänker människohandel: vem som kontaktar hjälpsystemet, hur tolk ordnas och hur "
            "ett tillfälligt boende kan ordnas samma dag. Kontaktlistan med namngivna "
            "kontaktpersoner och jourtelefoner uppdateras efter varje möte och delas endast inom "
            "nätverket.",
            "Det är för tidigt att bedöma resultaten, men deltagarna uppger att tröskeln för att "
            "konsultera varandra har sänkts. Nästa steg är gemensamma utbildningsdagar för "
            "arbetsgivare och en enkel informationsbroschyr för arbetstagare på deras egna språk. "
            "Erfarenheterna ska också delas med andra regioner i Finland som överväger liknande "
            "nätverk.",
        ],
        "forms": ["forced-labour", "sexual-exploitation"],
        "target_groups": ["migrant-workers"],
        "sectors": ["police", "social-services", "labour-inspection", "ngos"],
        "approaches": ["partnership", "protection"],
        "organisations": [
            "Finnish Assistance System for Victims of Trafficking",
            "Finnish Police",
            "Finnish Occupational Safety and Health Authority",
        ],
        "other_countries": [],
        "start_year": 2023,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Paula Sjöberg",
            "role": "Regional coordinator",
            "email": "paula.sjoberg@ihmiskauppa.example",
        },
        "tags": ["regional network", "referral", "contact list"],
        "related": ["auttamisjarjestelmaan-ohjaaminen"],
    },
    {
        "country": "SE",
        "slug": "barnahus-for-barn-utsatta-for-manniskohandel",
        "title": "Barnahus för barn som utsatts för människohandel",
        "title_en": "Barnahus for children subjected to trafficking",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Barn som misstänks vara offer för människohandel tas emot på Barnahus, där polis, "
            "åklagare, socialtjänst och barnhälsovård samverkar under ett tak. Barnet förhörs en "
            "gång i en barnvänlig miljö och får stöd och behandling på samma ställe."
        ),
        "summary_en": (
            "Children suspected of being victims of trafficking are received at a Barnahus, where "
            "police, prosecutors, social services and paediatric health care work together under "
            "one roof. The child is interviewed once in a child-friendly setting and receives "
            "support and treatment in the same place."
        ),
        "body": [
            "Barnahus finns i de flesta regioner i Sverige och har länge använts vid misstänkta "
            "våldsbrott och sexuella övergrepp mot barn. Sedan 2018 ingår även barn som misstänks "
            "vara utsatta för människohandel, till exempel sexuell exploatering, "
            "tvångsbrottslighet eller tiggeri, i målgruppen. Samrådet på Barnahus planerar "
            "förhör, läkarundersökning och skyddsåtgärder gemensamt, så att barnet inte behöver "
            "berätta sin historia för många olika myndigheter.",
            "Förhöret leds av en särskilt utbildad polis och följs av åklagare och "
            "socialsekreterare i ett angränsande rum. Barn som befinner sig i Sverige utan "
            "vårdnadshavare får en god man och vid behov ett målsägandebiträde innan förhöret. "
            "Socialtjänsten ansvarar för skyddat boende och planerar det fortsatta stödet "
            "tillsammans med länsstyrelsens regionkoordinator, inklusive kontakt med myndigheter "
            "i andra länder när barnet har anknytning dit.",
            "En nationell utvärdering visade att ärenden med misstänkt människohandel med barn "
            "som hanterades via Barnahus hade kortare tid till första förhör och oftare ledde "
            "till att barnet fick behandling. Utvärderingen pekade också på behovet av tolkar med "
            "kunskap om barn och av bättre rutiner när barnet flyttas mellan kommuner.",
        ],
        "forms": ["sexual-exploitation", "forced-criminality", "forced-begging"],
        "target_groups": ["children"],
        "sectors": ["police", "prosecution", "social-services", "health-care"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Swedish Police Authority", "County Administrative Board of Stockholm"],
        "other_countries": [],
        "start_year": 2018,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Ida Wallin",
            "role": "Regional coordinator for children",
            "email": "ida.wallin@lansstyrelsen.example",
        },
        "tags": ["children's house", "child-friendly interview", "children"],
        "related": ["barnahus-fyrir-tholendur-mansals", "styrket-vergeordning-enslige-mindrearige"],
    },
    {
        "country": "SE",
        "slug": "nationellt-metodstod-och-regionkoordinatorer",
        "title": "Nationellt metodstöd och regionkoordinatorer mot människohandel",
        "title_en": "National method support and regional coordinators against trafficking",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Länsstyrelsen i Stockholm driver ett nationellt metodstöd som ger myndigheter och "
            "organisationer råd i enskilda ärenden om människohandel. Regionkoordinatorer i varje "
            "region samordnar stödet till offren och ser till att de får boende, vård och "
            "juridiskt stöd."
        ),
        "summary_en": (
            "The County Administrative Board of Stockholm runs a national method support service "
            "that advises authorities and organisations on individual trafficking cases. Regional "
            "coordinators in every region coordinate support for victims and make sure they "
            "receive housing, health care and legal assistance."
        ),
        "body": [
            "Metodstödet är en nationell kontaktpunkt dit socialtjänst, polis, Migrationsverket, "
            "hälso- och sjukvård och ideella organisationer kan vända sig när de misstänker att "
            "en person är utsatt för människohandel. Metodstödet bemannas av handläggare med "
            "erfarenhet från socialt arbete och polisarbete, som hjälper till att bedöma "
            "situationen och kopplar in rätt regionkoordinator.",
            "Regionkoordinatorerna finns i alla regioner och fungerar som lokala samordnare. De "
            "sammankallar berörda myndigheter, ordnar skyddat boende via det nationella "
            "stödprogrammet och ser till att offret informeras om återhämtnings- och betänketid "
            "och om möjligheten till tillfälligt uppehållstillstånd. Jämställdhetsmyndigheten "
            "ansvarar för den nationella samordningen och finansierar utbildningar och "
            "stödmaterial.",
            "En utvärdering av samordningsstrukturen visade att antalet identifierade offer har "
            "ökat och att samverkan mellan myndigheter fungerar bättre i regioner med en aktiv "
            "koordinator. Samtidigt framkom skillnader mellan regionerna i tillgången till boende "
            "och tolk, och arbetet med gemensamma kvalitetskriterier pågår.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "other"],
        "target_groups": ["women", "men", "children"],
        "sectors": ["social-services", "police", "municipalities", "ngos"],
        "approaches": ["protection", "partnership"],
        "organisations": [
            "County Administrative Board of Stockholm",
            "Swedish Gender Equality Agency",
        ],
        "other_countries": [],
        "start_year": 2009,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Elin Bergqvist",
            "role": "Method support officer",
            "email": "elin.bergqvist@lansstyrelsen.example",
        },
        "tags": ["referral mechanism", "regional coordinators", "method support"],
        "related": [
            "nationellt-stodprogram-skyddat-boende",
            "barnahus-for-barn-utsatta-for-manniskohandel",
        ],
    },
    {
        "country": "SE",
        "slug": "gemensamma-kontroller-nagelsalonger-restauranger",
        "title": "Myndighetsgemensamma kontroller av nagelsalonger och restauranger",
        "title_en": "Multi-agency inspections of nail salons and restaurants",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Arbetsmiljöverket, Polismyndigheten och andra myndigheter genomför gemensamma "
            "kontroller i branscher med hög risk för arbetskraftsexploatering, bland annat "
            "nagelsalonger, restauranger och städföretag. Kontrollerna kombinerar tillsyn med "
            "samtal där arbetstagare får information om sina rättigheter och om stöd."
        ),
        "summary_en": (
            "The Swedish Work Environment Authority, the Police Authority and other agencies carry "
            "out joint inspections in sectors at high risk of labour exploitation, including nail "
            "salons, restaurants and cleaning companies. The inspections combine enforcement with "
            "conversations in which workers are informed about their rights and about support."
        ),
        "body": [
            "Kontrollerna sker inom ramen för det myndighetsgemensamma arbetet mot "
            "arbetslivskriminalitet, där även Skatteverket, Migrationsverket och "
            "Försäkringskassan deltar. Urvalet av arbetsplatser bygger på en gemensam riskanalys "
            "av tips från allmänheten, uppgifter om låga löner i förhållande till omsättningen "
            "och tidigare brister. Varje kontroll planeras i förväg med en tydlig rollfördelning "
            "och tolk på plats.",
            "Under kontrollen samtalar inspektörerna enskilt med varje arbetstagare och använder "
            "Jämställdhetsmyndighetens indikatorer för människohandel. Arbetstagarna får ett "
            "informationskort på bland annat vietnamesiska, thailändska och engelska om rätten "
            "till lön, en god arbetsmiljö och var man kan få hjälp. Om det finns tecken på "
            "människohandel kontaktas regionkoordinatorn direkt, och polisen bedömer om en "
            "förundersökning ska inledas.",
            "Kontrollerna har lett till flera förundersökningar om människoexploatering och "
            "människohandel och till att arbetstagare fått stöd och utbetald lön. Erfarenheten är "
            "att det första samtalet sällan räcker, eftersom förtroende byggs vid upprepade "
            "besök, och att stödet måste finnas tillgängligt direkt när en person vill berätta.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers", "women"],
        "sectors": ["labour-inspection", "police"],
        "approaches": ["prosecution", "protection", "partnership"],
        "organisations": [
            "Swedish Work Environment Authority",
            "Swedish Police Authority",
            "Swedish Gender Equality Agency",
        ],
        "other_countries": [],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Oskar Lindgren",
            "role": "Inspector",
            "email": "oskar.lindgren@av.example",
        },
        "tags": ["joint inspections", "nail salons", "restaurants"],
        "related": [
            "felles-kontroller-arbeidslivskriminalitet",
            "upphandlingsklausuler-mot-tvangsarbete",
        ],
    },
    {
        "country": "SE",
        "slug": "offer-i-organiserade-stoldligor",
        "title": "Identifiering av offer i organiserade stöldligor",
        "title_en": "Identifying victims in organised theft networks",
        "language": "sv",
        "audience": "members",
        "summary": (
            "Polismyndigheten har tagit fram en intern checklista för att upptäcka när personer "
            "som grips för butiksstölder och andra tillgreppsbrott kan vara offer för "
            "människohandel för brottsliga ändamål. Checklistan och hänvisningsrutinen delas här "
            "med nätverkets medlemmar."
        ),
        "summary_en": (
            "The Swedish Police Authority has developed an internal checklist to detect when "
            "people arrested for shoplifting and other theft offences may be victims of "
            "trafficking for forced criminality. The checklist and referral routine are shared "
            "here with network members."
        ),
        "body": [
            "Organiserade stöldligor som rör sig mellan de nordiska länderna använder ibland "
            "personer som rekryterats under falska förespeglingar och som hålls i skuld eller "
            "beroende. När dessa personer grips behandlas de ofta enbart som misstänkta, och "
            "tecken på att de själva är utsatta förbises. Checklistan togs fram av polisens "
            "nationella grupp mot människohandel tillsammans med lokalpolisområden i "
            "storstadsregionerna.",
            "Checklistan används vid gripande och första förhör och innehåller frågor om resan, "
            "boendet, vem som hanterar pengar och id-handlingar och om personen har fått "
            "instruktioner om vad som ska stjälas. Om flera svar pekar mot människohandel "
            "kontaktas åklagare och regionkoordinator, och åklagaren prövar principen om att "
            "offer inte ska straffas för brott som de tvingats begå. När ligorna är "
            "gränsöverskridande informeras kontaktpunkterna i Norge och Danmark.",
            "Arbetet är nytt och har ännu inte utvärderats. Erfarenheterna hittills visar att "
            "tolk och ett förhör utan närvaro av andra gripna är avgörande, och att samarbete med "
            "butikskedjornas säkerhetsavdelningar kan ge tidiga signaler om mönster. Under 2025 "
            "planeras en gemensam genomgång med norsk och dansk polis av de ärenden där "
            "checklistan har använts.",
        ],
        "forms": ["forced-criminality"],
        "target_groups": ["men", "women", "undocumented-migrants"],
        "sectors": ["police", "prosecution", "private-sector"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Swedish Police Authority"],
        "other_countries": ["NO", "DK"],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Henrik Åberg",
            "role": "Detective superintendent",
            "email": "henrik.aberg@polisen.example",
        },
        "tags": ["forced criminality", "shoplifting", "non-punishment", "checklist"],
        "related": ["screening-ved-anholdelser-i-hashplantager"],
    },
    {
        "country": "SE",
        "slug": "vagledning-tiggeri-och-manniskohandel",
        "title": "Vägledning för socialtjänsten om tiggeri och människohandel",
        "title_en": "Guidance for social services on begging and human trafficking",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Länsstyrelsen har tillsammans med civilsamhället tagit fram en vägledning för "
            "socialtjänsten om hur man känner igen när tiggeri är en form av människohandel. "
            "Vägledningen bygger på erfarenheter från uppsökande arbete med EU-medborgare i "
            "utsatthet."
        ),
        "summary_en": (
            "The County Administrative Board, together with civil society, has produced guidance "
            "for social services on recognising when begging is a form of human trafficking. The "
            "guidance builds on experience from outreach work with vulnerable EU citizens."
        ),
        "body": [
            "De flesta som tigger i Sverige gör det på grund av fattigdom och på egen hand, men i "
            "vissa fall styrs tiggeriet av andra som tar pengarna och håller personerna i "
            "beroende. Vägledningen hjälper socialsekreterare och uppsökare att skilja mellan "
            "dessa situationer utan att misstänkliggöra en redan utsatt grupp.",
            "Vägledningen beskriver indikatorer som att personer körs till och från platsen, att "
            "någon övervakar dem eller att de inte får behålla pengarna. Den innehåller en "
            "samtalsguide för uppsökande arbete med tolk på rumänska och bulgariska, en rutin för "
            "kontakt med regionkoordinator och polis samt information om stöd vid frivilligt "
            "återvändande i samarbete med organisationer i hemländerna.",
            "Vägledningen har använts i utbildningar för socialtjänsten i ett tjugotal kommuner. "
            "Uppföljningen visar att socialtjänsten oftare bedömer risken för människohandel i "
            "kontakten med tiggande personer och att samarbetet med civilsamhällets härbärgen har "
            "stärkts. Vägledningen revideras vartannat år tillsammans med de organisationer som "
            "möter målgruppen i sitt dagliga arbete.",
        ],
        "forms": ["forced-begging"],
        "target_groups": ["persons-with-disabilities", "women"],
        "sectors": ["social-services", "municipalities", "ngos"],
        "approaches": ["protection", "prevention"],
        "organisations": [
            "County Administrative Board of Stockholm",
            "Swedish Civil Society Platform against Trafficking",
        ],
        "other_countries": [],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Frida Holmberg",
            "role": "Development officer",
            "email": "frida.holmberg@lansstyrelsen.example",
        },
        "tags": ["begging", "outreach", "guidance"],
        "related": [],
    },
    {
        "country": "SE",
        "slug": "upphandlingsklausuler-mot-tvangsarbete",
        "title": "Avtalsklausuler mot tvångsarbete i offentlig upphandling",
        "title_en": "Contract clauses against forced labour in public procurement",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Regioner och kommuner använder gemensamma avtalsvillkor och uppföljning för att "
            "minska risken för tvångsarbete i leverantörskedjorna för bland annat städtjänster, "
            "byggentreprenader och sjukvårdsmaterial. Modellen kombinerar krav i upphandlingen med "
            "oanmälda kontroller under avtalstiden."
        ),
        "summary_en": (
            "Regions and municipalities use shared contract clauses and follow-up to reduce the "
            "risk of forced labour in supply chains for cleaning services, construction contracts "
            "and medical supplies, among others. The model combines requirements at the "
            "procurement stage with unannounced checks during the contract period."
        ),
        "body": [
            "Offentlig sektor köper varor och tjänster för stora belopp och kan därmed påverka "
            "arbetsvillkoren hos leverantörer och underleverantörer. Modellen utvecklades av "
            "Länsstyrelsen i Stockholm och Jämställdhetsmyndigheten tillsammans med några större "
            "regioner och kommuner och bygger på befintliga hållbarhetskrav i upphandling.",
            "Avtalsvillkoren kräver att leverantören tillämpar villkor i nivå med kollektivavtal, "
            "inte tar ut rekryteringsavgifter av arbetstagare, inte håller inne pass och "
            "redovisar alla underleverantörer. Beställaren har rätt att genomföra oanmälda "
            "arbetsplatsbesök och samtala enskilt med arbetstagare. Vid misstanke om "
            "människohandel ska beställaren kontakta polisen och regionkoordinatorn, och avtalet "
            "ger rätt till vite eller hävning.",
            "Uppföljningarna har avslöjat flera fall av underbetalning och falska "
            "anställningsavtal hos underleverantörer inom städ och bygg, som har rättats till "
            "eller lett till hävda avtal. Lärdomen är att kraven bara ger effekt om beställaren "
            "avsätter resurser för uppföljning, och att upphandlare behöver utbildning om "
            "indikatorer för tvångsarbete.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["municipalities", "private-sector", "labour-inspection"],
        "approaches": ["prevention", "partnership"],
        "organisations": [
            "County Administrative Board of Stockholm",
            "Swedish Gender Equality Agency",
        ],
        "other_countries": [],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Jonas Forsberg",
            "role": "Procurement adviser",
            "email": "jonas.forsberg@jamstalldhet.example",
        },
        "tags": ["procurement", "supply chains", "contract clauses"],
        "related": ["gemensamma-kontroller-nagelsalonger-restauranger"],
    },
    {
        "country": "SE",
        "slug": "nationellt-stodprogram-skyddat-boende",
        "title": "Nationellt stödprogram med skyddat boende och tryggt återvändande",
        "title_en": "National support programme with safe housing and safe return",
        "language": "sv",
        "audience": "members",
        "summary": (
            "Ett nationellt stödprogram som drivs av civilsamhällets plattform mot människohandel "
            "erbjuder skyddat boende, stöd och tryggt återvändande för vuxna offer för "
            "människohandel. För medlemmarna innehåller sidan programmets interna intagsrutin och "
            "budgetunderlag för kommande år."
        ),
        "summary_en": (
            "A national support programme run by the civil-society platform against trafficking "
            "offers safe housing, support and safe return for adult victims of trafficking. For "
            "members, the page contains the programme's internal intake routine and budget notes "
            "for the coming year."
        ),
        "body": [
            "Stödprogrammet tar emot vuxna som en myndighet eller organisation har identifierat "
            "som möjliga offer för människohandel, oavsett om de medverkar i en förundersökning. "
            "Under en första period på 30 dagar erbjuds skyddat boende, ekonomiskt stöd, hälso- "
            "och sjukvård, juridisk rådgivning och stödsamtal. Boendena drivs av "
            "medlemsorganisationer med erfarenhet av arbete med våldsutsatta, och det finns "
            "platser anpassade för män.",
            "Intagsrutinen beskriver hur en remittent kontaktar programmets jour, vilka uppgifter "
            "som behövs för en riskbedömning och hur transporten till boendet ordnas utan att "
            "adressen röjs. Efter den första perioden gör offret och kontaktpersonen en gemensam "
            "plan för fortsatt stöd i Sverige eller för ett tryggt återvändande i samarbete med "
            "organisationer i hemlandet, med uppföljning i upp till ett år.",
            "En extern utvärdering visade att en majoritet av deltagarna fullföljde sin plan och "
            "att tryggt återvändande med uppföljning minskade risken att utsättas igen. "
            "Utvärderingen lyfte också fram att ettåriga anslag skapar osäkerhet. "
            "Budgetunderlaget för kommande år, som finns i bilagan, föreslår därför flerårig "
            "finansiering och fler platser för män och för personer med psykisk ohälsa.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-criminality"],
        "target_groups": ["women", "men"],
        "sectors": ["ngos", "social-services"],
        "approaches": ["protection", "partnership"],
        "organisations": [
            "Swedish Civil Society Platform against Trafficking",
            "Swedish Gender Equality Agency",
        ],
        "other_countries": [],
        "start_year": 2016,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Maria Ekström",
            "role": "Programme manager",
            "email": "maria.ekstrom@plattformen.example",
        },
        "tags": ["shelter", "safe return", "support programme"],
        "related": [
            "trygge-botilbud-menneskehandel",
            "nationellt-metodstod-och-regionkoordinatorer",
        ],
    },
    {
        "country": "SE",
        "slug": "online-child-sexual-exploitation-investigations",
        "title": "Nordic cooperation on online sexual exploitation of children",
        "title_en": "",
        "language": "en",
        "audience": "country",
        "summary": (
            "Specialised investigators in the Swedish Police Authority coordinate with their "
            "Nordic counterparts on cases where children are groomed, controlled or sold for "
            "sexual purposes online. This country-only page sets out the internal triage criteria "
            "and the contact points for urgent cross-border requests."
        ),
        "summary_en": "",
        "body": [
            "Online grooming, livestreamed abuse and the sale of sexual services involving minors "
            "through social-media and classified-ads platforms increasingly cross Nordic borders. "
            "The national online sexual exploitation group in the Swedish Police Authority "
            "triages reports from platforms, international partners and the public, and "
            "identifies cases where a child may be controlled or sold by someone else, which "
            "meets the definition of trafficking.",
            "The triage criteria give priority to cases with an identifiable child in the Nordic "
            "region, signs of third-party control or payment, and ongoing contact. For urgent "
            "cross-border cases the group uses a standing list of named contact points in the "
            "police services of Norway, Finland and Denmark, agreed in a memorandum of "
            "understanding, so that emergency disclosure requests and victim identification can "
            "be handled within hours rather than days. Child victims are referred to the nearest "
            "Barnahus.",
            "Since the contact points were agreed, the average time from report to identification "
            "of the child in cross-border cases has fallen markedly. The main challenges remain "
            "slow responses from some platforms and the psychological strain on investigators, "
            "which the group addresses through mandatory supervision and job rotation.",
        ],
        "forms": ["sexual-exploitation"],
        "target_groups": ["children"],
        "sectors": ["police", "prosecution", "private-sector"],
        "approaches": ["prosecution", "protection", "partnership"],
        "organisations": ["Swedish Police Authority"],
        "other_countries": ["NO", "FI", "DK"],
        "start_year": 2021,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Lars Sandberg",
            "role": "Detective inspector",
            "email": "lars.sandberg@polisen.example",
        },
        "tags": ["online", "children", "cross-border", "investigation"],
        "related": ["barnahus-for-barn-utsatta-for-manniskohandel"],
    },
    {
        "country": "SE",
        "slug": "berry-picker-joint-checks",
        "title": "Joint checks and information for seasonal berry pickers",
        "title_en": "",
        "language": "en",
        "audience": "public",
        "summary": (
            "During the berry season, Swedish authorities carry out joint checks at pickers' camps "
            "and picking sites, combined with information in the pickers' own languages. The work "
            "is coordinated with Finland because many pickers and recruiting companies operate in "
            "both countries."
        ),
        "summary_en": "",
        "body": [
            "Every summer several thousand seasonal workers, most of them from Thailand, come to "
            "northern Sweden to pick wild berries. Recruitment fees, wage deductions for food, "
            "housing and transport, and piece-rate pay can lead to debt bondage. Since 2014 the "
            "Swedish Work Environment Authority and the Swedish Police Authority have carried out "
            "joint checks during the season, together with the tax and migration authorities.",
            "Inspectors visit camps and picking sites, check housing and working conditions and "
            "talk to pickers individually with Thai interpreters. Each picker receives an "
            "information card on wages, the right to keep their own passport and where to get "
            "help, and the regional coordinator against trafficking is on call during the checks. "
            "Findings are shared after each season with the Finnish occupational safety and "
            "health authority, and the two countries coordinate their messages to pickers and "
            "recruiters.",
            "An evaluation of the 2019–2023 seasons found that the checks had improved housing "
            "standards and that more pickers knew where to turn for help. It also noted that "
            "enforcement against recruiters based abroad remains difficult, and that cooperation "
            "with embassies and authorities in the countries of origin is needed to address "
            "recruitment debts before departure.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["labour-inspection", "police", "private-sector"],
        "approaches": ["prevention", "protection", "partnership"],
        "organisations": ["Swedish Work Environment Authority", "Swedish Police Authority"],
        "other_countries": ["FI"],
        "start_year": 2014,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Sara Nilsson",
            "role": "Inspector",
            "email": "sara.nilsson@av.example",
        },
        "tags": ["berry picking", "seasonal work", "joint inspections", "cross-border"],
        "related": ["marjanpoimijoiden-tiedotuskampanja"],
    },
    {
        "country": "NO",
        "slug": "kommunal-koordinator-menneskehandel",
        "title": "Kommunal koordinator for oppfølging av ofre for menneskehandel",
        "title_en": "Municipal coordinator for the follow-up of victims of trafficking",
        "language": "nb",
        "audience": "public",
        "summary": (
            "Oslo kommune har en egen koordinator som samordner kommunens tjenester til personer "
            "som er utsatt for menneskehandel. Koordinatoren er fast kontaktpunkt for politiet, "
            "NAV, helsetjenestene og frivillige organisasjoner."
        ),
        "summary_en": (
            "The City of Oslo has a dedicated coordinator who brings together municipal services "
            "for people subjected to trafficking. The coordinator is the single point of contact "
            "for the police, the labour and welfare service, health services and voluntary "
            "organisations."
        ),
        "body": [
            "Ofre for menneskehandel har ofte behov for tjenester fra mange deler av kommunen "
            "samtidig: bolig, økonomisk sosialhjelp, helsetjenester, tolk, skolegang for barn og "
            "etter hvert arbeid. Uten samordning opplevde både ofrene og de ansatte at saker falt "
            "mellom to stoler. Kommunen opprettet derfor en koordinatorfunksjon i 2020, "
            "organisert i etaten for sosiale tjenester.",
            "Koordinatoren tar imot henvendelser fra politiet, Frelsesarmeen og andre, kaller inn "
            "til et tverretatlig møte innen en uke og sørger for at personen får en individuell "
            "plan og én fast kontaktperson. Koordinatoren holder også oversikt over botilbud i "
            "samarbeid med Frelsesarmeen, gir råd til ansatte i bydelene og arrangerer opplæring "
            "to ganger i året.",
            "Erfaringene så langt viser at tiden fra identifisering til stabil bolig og inntekt "
            "er blitt kortere, og at bydelene i større grad melder bekymring. Modellen er "
            "presentert for flere andre kommuner, og det arbeides med en veileder for hvordan "
            "mindre kommuner kan dele en koordinator.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "men", "migrant-workers"],
        "sectors": ["municipalities", "social-services", "ngos"],
        "approaches": ["protection", "partnership"],
        "organisations": ["City of Oslo", "Salvation Army Norway"],
        "other_countries": [],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Tone Aasen",
            "role": "Municipal coordinator",
            "email": "tone.aasen@oslo.example",
        },
        "tags": ["municipal", "coordination", "individual plan"],
        "related": ["trygge-botilbud-menneskehandel"],
    },
    {
        "country": "NO",
        "slug": "trygge-botilbud-menneskehandel",
        "title": "Trygge botilbud og bistand til personer utsatt for menneskehandel",
        "title_en": "Safe housing and assistance for people subjected to trafficking",
        "language": "nb",
        "audience": "public",
        "summary": (
            "Frelsesarmeen driver et nasjonalt prosjekt som tilbyr trygge botilbud, oppfølging og "
            "bistand til kvinner og menn som er utsatt for menneskehandel. Prosjektet samarbeider "
            "med politiet, kommunene og krisesentre over hele landet."
        ),
        "summary_en": (
            "The Salvation Army Norway runs a national project offering safe housing, follow-up "
            "and assistance to women and men subjected to trafficking. The project works with the "
            "police, municipalities and crisis centres across the country."
        ),
        "body": [
            "Prosjektet har en døgnåpen telefon som politiet, helsetjenesten, organisasjoner og "
            "ofrene selv kan ringe. Når en person trenger et trygt sted å bo, finner prosjektet "
            "en ledig plass i et nettverk av krisesentre og egne leiligheter og sørger for "
            "transport. Personen får en kontaktperson som hjelper med helsehjelp, juridisk "
            "bistand, søknad om refleksjonsperiode og kontakt med NAV.",
            "Det finnes egne botilbud for menn, som oftere er utsatt for tvangsarbeid, og for "
            "personer med rusproblemer eller psykiske lidelser som ikke passer inn i ordinære "
            "krisesentre. Kontaktpersonen følger opp også etter at personen har flyttet til egen "
            "bolig, og bidrar ved frivillig retur i samarbeid med organisasjoner i "
            "opprinnelseslandet.",
            "En ekstern evaluering konkluderte med at prosjektet har bidratt til at flere ofre "
            "får et trygt og forutsigbart tilbud, og at samarbeidet med politiet har gjort flere "
            "villige til å anmelde. Evalueringen anbefalte mer langsiktig finansiering og "
            "tydeligere ansvar for kommunene når oppholdet på krisesenteret avsluttes.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "men"],
        "sectors": ["ngos", "social-services", "police"],
        "approaches": ["protection"],
        "organisations": ["Salvation Army Norway"],
        "other_countries": [],
        "start_year": 2010,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Silje Johansen",
            "role": "Project leader",
            "email": "silje.johansen@frelsesarmeen.example",
        },
        "tags": ["shelter", "hotline", "safe housing"],
        "related": ["nationellt-stodprogram-skyddat-boende", "kommunal-koordinator-menneskehandel"],
    },
    {
        "country": "NO",
        "slug": "veileder-refleksjonsperiode-og-opphold",
        "title": "Veileder om refleksjonsperiode og oppholdstillatelse for ofre for menneskehandel",
        "title_en": (
            "Guide to the reflection period and residence permits for victims of trafficking"
        ),
        "language": "nb",
        "audience": "public",
        "summary": (
            "En felles veileder forklarer politiet, advokater og hjelpeapparatet hvordan mulige "
            "ofre for menneskehandel skal informeres om og søke om refleksjonsperiode og "
            "midlertidig oppholdstillatelse. Veilederen finnes også i en kortversjon for ofrene "
            "selv på ti språk."
        ),
        "summary_en": (
            "A shared guide explains to the police, lawyers and support services how possible "
            "victims of trafficking are to be informed about, and apply for, a reflection period "
            "and a temporary residence permit. A short version for victims themselves is available "
            "in ten languages."
        ),
        "body": [
            "Mulige ofre for menneskehandel uten lovlig opphold i Norge kan få en "
            "refleksjonsperiode på seks måneder og deretter midlertidig oppholdstillatelse dersom "
            "de anmelder forholdet eller bidrar i en straffesak. Gjennomganger viste at mange "
            "ofre ikke fikk informasjon om ordningen, eller fikk den på et tidspunkt da de ikke "
            "var i stand til å ta den inn. Veilederen ble utarbeidet av politiet i samarbeid med "
            "Frelsesarmeen og advokater med erfaring fra slike saker.",
            "Veilederen beskriver hvem som skal informere, når informasjonen bør gis, og hvordan "
            "søknaden sendes inn med politiets bekreftelse. Den understreker at "
            "refleksjonsperioden ikke forutsetter at personen allerede har bestemt seg for å "
            "anmelde, og at retten til bolig, helsehjelp og bistandsadvokat gjelder fra første "
            "dag. Kortversjonen for ofrene er skrevet i klarspråk og brukes av politiet og "
            "krisesentrene.",
            "Politidistriktene rapporterer at flere mulige ofre nå får informasjon ved første "
            "kontakt. Frelsesarmeen erfarer at kortversjonen gjør det lettere å forklare "
            "ordningen, men at det fortsatt er behov for tolk og tid til å bygge tillit før "
            "personen tar en beslutning.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-criminality"],
        "target_groups": ["undocumented-migrants", "women", "men"],
        "sectors": ["police", "ngos"],
        "approaches": ["protection"],
        "organisations": ["Norwegian Police Service", "Salvation Army Norway"],
        "other_countries": [],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Håkon Bakke",
            "role": "Senior adviser",
            "email": "hakon.bakke@politiet.example",
        },
        "tags": ["reflection period", "residence permit", "guide"],
        "related": ["trygge-botilbud-menneskehandel"],
    },
    {
        "country": "NO",
        "slug": "felles-kontroller-arbeidslivskriminalitet",
        "title": "Felles kontroller mot arbeidslivskriminalitet og tvangsarbeid",
        "title_en": "Joint inspections against work-related crime and forced labour",
        "language": "nb",
        "audience": "public",
        "summary": (
            "Arbeidstilsynet, politiet, Skatteetaten og NAV driver felles sentre mot "
            "arbeidslivskriminalitet som gjennomfører samordnede kontroller i bygg, renhold, "
            "restaurant og bilpleie. Kontrollene brukes også til å identifisere mulige ofre for "
            "menneskehandel og tvangsarbeid."
        ),
        "summary_en": (
            "The Labour Inspection Authority, the police, the tax administration and the labour "
            "and welfare service run joint centres against work-related crime that carry out "
            "coordinated inspections in construction, cleaning, restaurants and car washes. The "
            "inspections are also used to identify possible victims of trafficking and forced "
            "labour."
        ),
        "body": [
            "Sentrene mot arbeidslivskriminalitet dekker hele landet og samler etatene i felles "
            "lokaler med felles etterretning. Kontrollobjektene velges ut på grunnlag av felles "
            "analyser av tips, skatte- og lønnsdata og tidligere funn. Hver kontroll har en "
            "kontrolleder, og etatene avklarer på forhånd hvem som tar samtaler med "
            "arbeidstakerne og hvordan tolk skaffes.",
            "Arbeidstilsynet bruker en indikatorliste for tvangsarbeid i samtalene med "
            "arbeidstakerne, blant annet om lønn, gjeld til arbeidsgiver, bosted og tilgang til "
            "egne dokumenter. Ved indikasjoner på menneskehandel får arbeidstakeren informasjon "
            "om rettigheter og kontaktinformasjon til hjelpetiltak, og politiet vurderer "
            "etterforskning. Arbeidstakere som blir identifisert som mulige ofre, henvises til "
            "kommunen og Frelsesarmeen for bolig og oppfølging.",
            "En evaluering fant at samarbeidet har gitt flere og mer treffsikre kontroller og "
            "flere etterforskede saker om tvangsarbeid. Samtidig viste den at ofrene for ofte ble "
            "stående uten bolig og inntekt etter kontrollen. Det er derfor innført en rutine der "
            "kommunen varsles samme dag når et mulig offer identifiseres.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers", "men"],
        "sectors": ["labour-inspection", "police", "municipalities"],
        "approaches": ["prosecution", "protection", "partnership"],
        "organisations": ["Norwegian Labour Inspection Authority", "Norwegian Police Service"],
        "other_countries": [],
        "start_year": 2015,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Ola Brekke",
            "role": "Senior inspector",
            "email": "ola.brekke@arbeidstilsynet.example",
        },
        "tags": ["joint inspections", "construction", "cleaning", "work-related crime"],
        "related": [
            "gemensamma-kontroller-nagelsalonger-restauranger",
            "faelles-kontrol-landbrug-og-restauranter",
        ],
    },
    {
        "country": "NO",
        "slug": "tilsyn-fiskeri-og-sjomatindustri",
        "title": "Risikobasert tilsyn i fiskeri og sjømatindustri",
        "title_en": "Risk-based inspections in fisheries and the seafood industry",
        "language": "nb",
        "audience": "members",
        "summary": (
            "Arbeidstilsynet prøver ut en risikobasert tilsynsmodell for fiskeforedling og fartøy "
            "der utenlandske arbeidstakere kan være utsatt for tvangsarbeid. Den interne "
            "sjekklisten for tilsyn om bord og på anleggene deles her med nettverkets medlemmer."
        ),
        "summary_en": (
            "The Labour Inspection Authority is piloting a risk-based inspection model for fish "
            "processing and vessels where foreign workers may be exposed to forced labour. The "
            "internal checklist for inspections on board and at processing plants is shared here "
            "with network members."
        ),
        "body": [
            "Sjømatnæringen er avhengig av utenlandsk arbeidskraft, ofte ansatt gjennom "
            "bemanningsforetak eller på kontrakter inngått i hjemlandet. Arbeidet foregår på "
            "avsidesliggende steder og i korte, intensive sesonger, noe som gjør det vanskelig "
            "for arbeidstakerne å søke hjelp og for myndighetene å føre tilsyn. Pilotprosjektet "
            "startet i to regioner i Nord-Norge i 2023.",
            "Tilsynsmodellen bygger på data om bemanningsforetak, sesongtopper og tidligere funn, "
            "og tilsyn planlegges sammen med politiet og Kystvakten når fartøy er involvert. "
            "Sjekklisten dekker kontrakter, lønnsutbetaling, hviletid, innkvartering og om "
            "arbeidstakerne har tilgang til egne pass og telefoner. Samtalene gjennomføres med "
            "tolk og uten at arbeidsgiveren er til stede.",
            "Erfaringene er foreløpig begrenset. Inspektørene har avdekket alvorlige brudd på "
            "lønns- og innkvarteringsvilkår, men få saker der vilkårene for tvangsarbeid er "
            "oppfylt. Pilotprosjektet skal evalueres etter to sesonger, og resultatene deles med "
            "Island og Færøyene, som har lignende utfordringer.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers", "men"],
        "sectors": ["labour-inspection", "police", "private-sector"],
        "approaches": ["prevention", "prosecution"],
        "organisations": ["Norwegian Labour Inspection Authority", "Norwegian Police Service"],
        "other_countries": ["IS", "FO"],
        "start_year": 2023,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Ragnhild Moe",
            "role": "Inspector",
            "email": "ragnhild.moe@arbeidstilsynet.example",
        },
        "tags": ["fishing", "seafood", "inspection", "checklist"],
        "related": ["fishing-vessel-crew-awareness"],
    },
    {
        "country": "NO",
        "slug": "styrket-vergeordning-enslige-mindrearige",
        "title": "Styrket vergeordning for enslige mindreårige asylsøkere",
        "title_en": "Stronger guardianship for unaccompanied minor asylum seekers",
        "language": "nb",
        "audience": "public",
        "summary": (
            "Bufdir har i samarbeid med statsforvalterne utviklet opplæring og rutiner for "
            "representanter og verger for enslige mindreårige asylsøkere, slik at de kan oppdage "
            "tegn på menneskehandel og forebygge at barn forsvinner fra mottak og omsorgssentre. "
            "Ordningen omfatter faste kontaktpersoner i politiet og barnevernet."
        ),
        "summary_en": (
            "The Norwegian Directorate for Children, Youth and Family Affairs, together with the "
            "county governors, has developed training and procedures for representatives and "
            "guardians of unaccompanied minor asylum seekers, so that they can spot signs of "
            "trafficking and prevent children from going missing from reception and care centres. "
            "The scheme includes fixed contact persons in the police and child welfare services."
        ),
        "body": [
            "Enslige mindreårige som søker asyl, er særlig sårbare for menneskehandel. Noen har "
            "gjeld til smuglere, og enkelte forsvinner fra mottak eller omsorgssentre kort tid "
            "etter ankomst. Representanten og vergen er ofte den voksne som kjenner barnet best, "
            "men mange har hatt lite kunnskap om menneskehandel.",
            "Opplæringen består av et nettkurs og samlinger der representanter og verger lærer å "
            "kjenne igjen tegn som uforklarlige penger, nye telefoner, kontakt med ukjente voksne "
            "og plutselig fravær fra skolen. Rutinene beskriver hva vergen skal gjøre ved "
            "bekymring: melde til barnevernet, varsle politiets kontaktperson og sørge for at "
            "barnet får informasjon om sine rettigheter på et språk det forstår. Ved forsvinning "
            "skal politiet varsles umiddelbart.",
            "Etter innføringen har flere verger meldt bekymring tidlig, og enkelte barn er "
            "flyttet til et tryggere botilbud før de rakk å forsvinne. Bufdir følger utviklingen "
            "i antall forsvinninger, og erfaringene deles med Barnahusene og med de nordiske "
            "nabolandene.",
        ],
        "forms": ["sexual-exploitation", "forced-criminality", "forced-labour"],
        "target_groups": ["children", "asylum-seekers"],
        "sectors": ["social-services", "police", "municipalities"],
        "approaches": ["prevention", "protection"],
        "organisations": [
            "Norwegian Directorate for Children, Youth and Family Affairs",
            "Norwegian Police Service",
        ],
        "other_countries": [],
        "start_year": 2018,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Marte Lunde",
            "role": "Senior adviser",
            "email": "marte.lunde@bufdir.example",
        },
        "tags": ["guardianship", "unaccompanied minors", "missing children"],
        "related": ["barnahus-for-barn-utsatta-for-manniskohandel"],
    },
    {
        "country": "NO",
        "slug": "victim-centred-interview-training",
        "title": "Victim-centred interview training for investigators",
        "title_en": "",
        "language": "en",
        "audience": "public",
        "summary": (
            "The Norwegian Police Service trains investigators in a victim-centred, "
            "trauma-informed interview method for trafficking cases. The course is open to "
            "investigators from the other Nordic countries and is taught together with a support "
            "organisation."
        ),
        "summary_en": "",
        "body": [
            "Victims of trafficking often give fragmented or changing accounts, distrust the "
            "police and fear consequences for themselves or their families. Traditional interview "
            "approaches can therefore lead both to poor evidence and to re-traumatisation. The "
            "course adapts the investigative interview model already used by the Norwegian police "
            "to the specific dynamics of trafficking cases.",
            "The five-day course covers the psychology of trauma and coercion, planning several "
            "shorter interviews rather than one long one, working with interpreters, and giving "
            "information about rights and the reflection period in a neutral way. Participants "
            "practise with professional actors and receive individual feedback on recorded "
            "interviews. Staff from the Salvation Army describe what victims tell them about "
            "meeting the police, and a prosecutor explains how statements are assessed in court.",
            "Recorded interviews from before and after the course have been compared and show "
            "more open questions and fewer leading ones. Investigators from Iceland and the Faroe "
            "Islands have attended, and the network is discussing a joint Nordic course to be "
            "held every second year.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-criminality"],
        "target_groups": ["women", "men"],
        "sectors": ["police", "prosecution", "ngos"],
        "approaches": ["prosecution", "protection"],
        "organisations": ["Norwegian Police Service", "Salvation Army Norway"],
        "other_countries": ["IS", "FO"],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Eirik Strand",
            "role": "Police superintendent",
            "email": "eirik.strand@politiet.example",
        },
        "tags": ["training", "interviews", "trauma-informed"],
        "related": ["veileder-refleksjonsperiode-og-opphold"],
    },
    {
        "country": "NO",
        "slug": "police-district-contact-roster",
        "title": "Police district contact roster and escalation routine for trafficking cases",
        "title_en": "",
        "language": "en",
        "audience": "country",
        "summary": (
            "Every Norwegian police district has named contact persons for trafficking cases, and "
            "this country-only page holds the current roster and the internal escalation routine. "
            "The routine sets out when the national expertise group must be consulted and how "
            "cases are handed over between districts."
        ),
        "summary_en": "",
        "body": [
            "Trafficking cases are relatively rare in each district, so investigators and patrol "
            "officers may handle one only every few years. To make sure expertise is available, "
            "each district appoints two contact persons who receive extra training and act as "
            "advisers to colleagues. The national criminal investigation service maintains the "
            "roster and convenes the contact persons twice a year.",
            "The escalation routine specifies that the contact person is informed within 24 hours "
            "when a possible victim is identified, that the national expertise group is consulted "
            "where there are links to organised crime or other countries, and that the "
            "municipality and the Salvation Army are contacted for accommodation. When a victim "
            "moves between districts, the receiving district's contact person is notified in "
            "writing before the move.",
            "The roster and routine were introduced in 2024 and have not yet been evaluated. A "
            "first internal review found that the roster quickly became out of date because of "
            "staff turnover, so districts are now asked to confirm their contacts every quarter.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-criminality"],
        "target_groups": ["women", "men", "children"],
        "sectors": ["police"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Norwegian Police Service"],
        "other_countries": [],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Kari Haugen",
            "role": "Senior police adviser",
            "email": "kari.haugen@politiet.example",
        },
        "tags": ["contact list", "escalation", "referral"],
        "related": ["victim-centred-interview-training"],
    },
    {
        "country": "DK",
        "slug": "opsogende-arbejde-prostitution",
        "title": "Opsøgende arbejde blandt personer i prostitution",
        "title_en": "Outreach work among people in prostitution",
        "language": "da",
        "audience": "public",
        "summary": (
            "Center mod Menneskehandel og Røde Kors udfører opsøgende arbejde på gaden, i "
            "klinikker og online for at finde og støtte personer i prostitution, der kan være ofre "
            "for menneskehandel. De opsøgende medarbejdere taler de mest udbredte sprog og "
            "tilbyder anonym rådgivning og sundhedshjælp."
        ),
        "summary_en": (
            "The Danish Centre against Human Trafficking and the Red Cross carry out outreach on "
            "the street, in massage clinics and online to find and support people in prostitution "
            "who may be victims of trafficking. The outreach workers speak the most common "
            "languages and offer anonymous counselling and health care."
        ),
        "body": [
            "Mange ofre for menneskehandel til seksuel udnyttelse søger ikke selv hjælp, fordi de "
            "frygter bagmændene, politiet eller udvisning. Det opsøgende arbejde skal derfor "
            "bringe hjælpen derhen, hvor de befinder sig. Teams med to medarbejdere besøger faste "
            "steder i de større byer flere gange om ugen, og et onlineteam kontakter personer via "
            "annoncesider og beskedtjenester.",
            "Medarbejderne taler blandt andet thai, rumænsk, spansk og engelsk eller har tolk "
            "med. De tilbyder information om rettigheder, anonym rådgivning, følgeskab til en "
            "sundhedsklinik og kontakt til et krisecenter. Hvis der er tegn på menneskehandel, "
            "tilbydes en identifikationssamtale hos Center mod Menneskehandel, og personen vælger "
            "selv, om politiet skal inddrages.",
            "En evaluering viste, at langt de fleste personer, der blev identificeret som ofre "
            "for menneskehandel i Danmark, havde haft kontakt med det opsøgende arbejde, før de "
            "blev identificeret. Evalueringen pegede på, at onlineindsatsen skal styrkes, da en "
            "voksende del af prostitutionen er flyttet til private lejligheder og digitale "
            "platforme.",
        ],
        "forms": ["sexual-exploitation"],
        "target_groups": ["people-in-prostitution", "women"],
        "sectors": ["ngos", "social-services", "health-care"],
        "approaches": ["protection", "prevention"],
        "organisations": ["Danish Centre against Human Trafficking", "Red Cross Denmark"],
        "other_countries": [],
        "start_year": 2012,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Louise Kjærgaard",
            "role": "Outreach coordinator",
            "email": "louise.kjaergaard@cmm.example",
        },
        "tags": ["outreach", "online", "health"],
        "related": ["hotline-and-chat-denmark"],
    },
    {
        "country": "DK",
        "slug": "forberedt-hjemrejse",
        "title": "Forberedt hjemrejse og samarbejde med oprindelseslande",
        "title_en": "Prepared return and cooperation with countries of origin",
        "language": "da",
        "audience": "public",
        "summary": (
            "Ofre for menneskehandel uden lovligt ophold kan få tilbud om en forberedt hjemrejse "
            "med støtte til bolig, uddannelse og arbejde i hjemlandet. Center mod Menneskehandel "
            "samarbejder med organisationer i oprindelseslandene om modtagelse og opfølgning."
        ),
        "summary_en": (
            "Victims of trafficking without legal residence can be offered a prepared return with "
            "support for housing, education and work in their home country. The Danish Centre "
            "against Human Trafficking works with organisations in countries of origin on "
            "reception and follow-up."
        ),
        "body": [
            "Når et offer for menneskehandel ikke har ret til ophold i Danmark, er en tryg og "
            "planlagt hjemrejse afgørende for at forhindre, at personen bliver udnyttet igen. "
            "Tilbuddet om forberedt hjemrejse gives inden for udrejsefristen, som kan forlænges, "
            "så der er tid til at forberede rejsen og den nye start.",
            "Sammen med offeret udarbejder en socialrådgiver en plan, der kan omfatte midlertidig "
            "bolig, lægebehandling, uddannelse eller opstart af en lille virksomhed i hjemlandet. "
            "Partnerorganisationer i blandt andet Nigeria, Thailand, Rumænien og Uganda modtager "
            "personen i lufthavnen og følger op i op til et år. Center mod Menneskehandel har "
            "indgået samarbejdsaftaler med organisationerne og holder årlige møder om kvalitet og "
            "sikkerhed.",
            "Opfølgningen viser, at de fleste deltagere fortsat er i kontakt med "
            "partnerorganisationen efter seks måneder, og at kun få er blevet udsat for ny "
            "udnyttelse. En udfordring er, at mange ofre frygter stigmatisering og gæld i "
            "hjemlandet, og tilbuddet omfatter derfor også samtaler med familien, hvis offeret "
            "ønsker det.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "undocumented-migrants"],
        "sectors": ["ngos", "social-services"],
        "approaches": ["protection", "partnership"],
        "organisations": ["Danish Centre against Human Trafficking"],
        "other_countries": [],
        "start_year": 2013,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Anne Møller",
            "role": "Social worker",
            "email": "anne.moller@cmm.example",
        },
        "tags": ["return", "countries of origin", "reintegration"],
        "related": ["nationellt-stodprogram-skyddat-boende"],
    },
    {
        "country": "DK",
        "slug": "faelles-kontrol-landbrug-og-restauranter",
        "title": "Fælles myndighedskontrol i landbruget og restaurationsbranchen",
        "title_en": "Joint inspections by the authorities in agriculture and restaurants",
        "language": "da",
        "audience": "public",
        "summary": (
            "Arbejdstilsynet, politiet og Skattestyrelsen gennemfører fælles kontroller i "
            "landbrug, gartnerier og restauranter for at afdække social dumping, "
            "arbejdsmarkedskriminalitet og tvangsarbejde. Center mod Menneskehandel deltager, når "
            "der er mistanke om menneskehandel."
        ),
        "summary_en": (
            "The Danish Working Environment Authority, the police and the tax agency carry out "
            "joint inspections in agriculture, market gardens and restaurants to uncover social "
            "dumping, labour-market crime and forced labour. The Danish Centre against Human "
            "Trafficking takes part when trafficking is suspected."
        ),
        "body": [
            "Landbruget og restaurationsbranchen beskæftiger mange udenlandske arbejdstagere, "
            "hvoraf nogle er rekrutteret via mellemmænd og bor hos arbejdsgiveren. Den fælles "
            "indsats udvælger virksomheder ud fra risikoanalyser og tip og planlægger "
            "kontrollerne, så hver myndighed kan bruge sine egne beføjelser samme dag.",
            "Under kontrollen taler medarbejdere fra Arbejdstilsynet med arbejdstagerne enkeltvis "
            "og med tolk. De bruger en fælles indikatorliste om løn, arbejdstid, boligforhold, "
            "gæld og tilbageholdte pas. Ved tegn på menneskehandel kontaktes Center mod "
            "Menneskehandel, som kan gennemføre en identifikationssamtale samme dag og tilbyde "
            "ophold på et krisecenter, mens politiet vurderer, om der skal indledes "
            "efterforskning.",
            "Indsatsen har afdækket mange tilfælde af underbetaling og dårlige boligforhold og "
            "enkelte sager om tvangsarbejde, der er endt med dom. Erfaringen er, at "
            "arbejdstagerne sjældent fortæller om udnyttelse første gang, og derfor efterlades "
            "der altid informationsmateriale med kontaktoplysninger på relevante sprog.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["labour-inspection", "police", "ngos"],
        "approaches": ["prosecution", "protection", "partnership"],
        "organisations": [
            "Danish Working Environment Authority",
            "Danish Police",
            "Danish Centre against Human Trafficking",
        ],
        "other_countries": [],
        "start_year": 2018,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Søren Dalsgaard",
            "role": "Inspector",
            "email": "soren.dalsgaard@at.example",
        },
        "tags": ["joint inspections", "agriculture", "restaurants"],
        "related": ["felles-kontroller-arbeidslivskriminalitet"],
    },
    {
        "country": "DK",
        "slug": "screening-ved-anholdelser-i-hashplantager",
        "title": "Screening for menneskehandel ved anholdelser i hashplantager",
        "title_en": "Screening for trafficking in arrests at cannabis farms",
        "language": "da",
        "audience": "members",
        "summary": (
            "Politiet afprøver en intern screeningprocedure, når personer anholdes i forbindelse "
            "med hashplantager og anden organiseret kriminalitet. Proceduren skal sikre, at mulige "
            "ofre for menneskehandel til tvangskriminalitet bliver identificeret og ikke straffes "
            "for forbrydelser, de er blevet tvunget til at begå."
        ),
        "summary_en": (
            "The police are piloting an internal screening procedure for people arrested in "
            "connection with cannabis farms and other organised crime. The procedure aims to "
            "ensure that possible victims of trafficking for forced criminality are identified and "
            "not punished for crimes they were forced to commit."
        ),
        "body": [
            "I flere sager har det vist sig, at de personer, der passer hashplantager, er "
            "rekrutteret i udlandet med løfter om almindeligt arbejde, holdes i gæld og lukkes "
            "inde i bygningerne. Når de anholdes, risikerer de at blive dømt, mens bagmændene går "
            "fri. Screeningproceduren er udviklet af politiet sammen med Center mod "
            "Menneskehandel og anklagemyndigheden.",
            "Proceduren består af et kort spørgeskema, som efterforskeren gennemgår med den "
            "anholdte og en tolk, om rekruttering, rejse, gæld, bevægelsesfrihed og trusler. Ved "
            "positive svar kontaktes Center mod Menneskehandel, der kan gennemføre en "
            "identifikationssamtale i arresten, og anklageren vurderer, om tiltalen skal "
            "frafaldes efter reglerne om straffrihed for ofre. Den interne vejledning med "
            "spørgeskemaet deles her med netværkets medlemmer.",
            "Proceduren afprøves i tre politikredse og er endnu ikke evalueret. De foreløbige "
            "erfaringer viser, at screeningen skal ske tidligt, før den anholdte har haft kontakt "
            "med medsigtede, og at forsvarsadvokater skal informeres om muligheden for "
            "identifikation. Der er desuden etableret kontakt med svensk politi, som har lignende "
            "erfaringer med tvangskriminalitet.",
        ],
        "forms": ["forced-criminality"],
        "target_groups": ["men", "undocumented-migrants"],
        "sectors": ["police", "prosecution"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Danish Police", "Danish Centre against Human Trafficking"],
        "other_countries": ["SE"],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Rasmus Holm",
            "role": "Police inspector",
            "email": "rasmus.holm@politi.example",
        },
        "tags": ["forced criminality", "cannabis", "non-punishment", "screening"],
        "related": ["offer-i-organiserade-stoldligor"],
    },
    {
        "country": "DK",
        "slug": "erstatning-til-ofre",
        "title": "Hjælp til erstatning for ofre for menneskehandel",
        "title_en": "Helping victims of trafficking claim compensation",
        "language": "da",
        "audience": "public",
        "summary": (
            "Ofre for menneskehandel får hjælp til at kræve erstatning fra gerningsmændene under "
            "straffesagen eller fra staten via offererstatningsordningen. En fast procedure "
            "sikrer, at kravet forberedes tidligt, og at beløbet kan udbetales, selv om offeret er "
            "rejst hjem."
        ),
        "summary_en": (
            "Victims of trafficking are helped to claim compensation from offenders during "
            "criminal proceedings or from the state through the victim compensation scheme. A "
            "fixed procedure ensures that the claim is prepared early and that payment can be made "
            "even if the victim has returned home."
        ),
        "body": [
            "Tidligere fik kun få ofre for menneskehandel erstatning, blandt andet fordi kravene "
            "ikke blev opgjort under straffesagen, og fordi ofrene ofte havde forladt Danmark, "
            "når sagen blev afgjort. Proceduren blev udviklet af Center mod Menneskehandel i "
            "samarbejde med politiet og bistandsadvokater.",
            "Når et offer er identificeret, får vedkommende tilbud om en bistandsadvokat, som "
            "sammen med politiet opgør kravet for tort, tabt arbejdsfortjeneste og manglende løn. "
            "Politiet skal under efterforskningen sikre oplysninger om gerningsmændenes formue, "
            "så der kan ske konfiskation. Hvis gerningsmanden ikke kan betale, hjælper advokaten "
            "med en ansøgning til Erstatningsnævnet, og udbetalingen kan ske til en konto i "
            "hjemlandet via partnerorganisationer.",
            "Antallet af ofre, der får tilkendt erstatning, er steget, og flere domme indeholder "
            "nu også krav om efterbetaling af løn i sager om tvangsarbejde. Udfordringen er "
            "fortsat, at mange krav ikke kan inddrives hos gerningsmændene. Centret arbejder "
            "derfor sammen med politiet om at styrke den finansielle efterforskning, så formue "
            "kan sikres tidligt i sagen.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "migrant-workers"],
        "sectors": ["prosecution", "courts", "police", "ngos"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Danish Centre against Human Trafficking", "Danish Police"],
        "other_countries": [],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Camilla Bech",
            "role": "Legal adviser",
            "email": "camilla.bech@cmm.example",
        },
        "tags": ["compensation", "legal aid", "asset recovery"],
        "related": ["forberedt-hjemrejse", "follow-the-money-bank-partnership"],
    },
    {
        "country": "DK",
        "slug": "tjekliste-for-sundhedspersonale",
        "title": "Tjekliste og henvisningsvej for sundhedspersonale",
        "title_en": "Checklist and referral pathway for health professionals",
        "language": "da",
        "audience": "members",
        "summary": (
            "Sundhedspersonale på akutmodtagelser, fødeafdelinger og i almen praksis får en kort "
            "tjekliste til at genkende tegn på menneskehandel og en fast henvisningsvej til Center "
            "mod Menneskehandel. Tjeklisten og den interne henvisningsprocedure deles her med "
            "netværkets medlemmer."
        ),
        "summary_en": (
            "Health professionals in emergency departments, maternity wards and general practice "
            "are given a short checklist to recognise signs of trafficking and a fixed referral "
            "route to the Danish Centre against Human Trafficking. The checklist and the internal "
            "referral procedure are shared here with network members."
        ),
        "body": [
            "Mange ofre for menneskehandel er i kontakt med sundhedsvæsenet, mens de bliver "
            "udnyttet, for eksempel på grund af arbejdsskader, graviditet eller kønssygdomme, men "
            "de bliver sjældent genkendt. Tjeklisten er udarbejdet af Center mod Menneskehandel "
            "sammen med to regioner og en gruppe læger og sygeplejersker.",
            "Tjeklisten indeholder tegn som at en anden person taler på patientens vegne, at "
            "patienten ikke har sine egne dokumenter, eller at skaderne ikke stemmer med "
            "forklaringen. Den beskriver, hvordan personalet sikrer en samtale uden ledsager og "
            "med professionel tolk, og hvordan der med patientens samtykke henvises til Center "
            "mod Menneskehandel døgnet rundt. Når det gælder børn, skal der altid underrettes til "
            "kommunen.",
            "Tjeklisten afprøves på fire hospitaler og i udvalgte lægepraksisser. Indtil videre "
            "har personalet især efterspurgt undervisning, og der er derfor udviklet et "
            "e-læringsmodul, som skal evalueres i 2026. Erfaringerne fra afprøvningen skal danne "
            "grundlag for en beslutning om, hvorvidt tjeklisten skal indføres på alle landets "
            "hospitaler.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "migrant-workers"],
        "sectors": ["health-care"],
        "approaches": ["protection"],
        "organisations": ["Danish Centre against Human Trafficking"],
        "other_countries": [],
        "start_year": 2025,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Pernille Vestergaard",
            "role": "Health consultant",
            "email": "pernille.vestergaard@cmm.example",
        },
        "tags": ["health care", "checklist", "referral"],
        "related": [],
    },
    {
        "country": "DK",
        "slug": "hotline-and-chat-denmark",
        "title": "Round-the-clock hotline and chat service for victims and professionals",
        "title_en": "",
        "language": "en",
        "audience": "public",
        "summary": (
            "The Danish Centre against Human Trafficking runs a round-the-clock hotline and an "
            "anonymous chat service, with Red Cross volunteers answering in the evenings, for "
            "possible victims, concerned citizens and professionals. Callers get advice, and "
            "possible victims can be met by an outreach team within hours."
        ),
        "summary_en": "",
        "body": [
            "The hotline answers calls around the clock in Danish and English, with telephone "
            "interpreters available for other languages. Professionals use it to ask for advice "
            "on a specific situation, and possible victims or people close to them can call "
            "anonymously. The chat service, launched in 2020, is open every evening and has "
            "proved particularly important for younger people and for those who cannot speak "
            "freely on the phone.",
            "Calls are handled by social workers from the Centre during the day and by trained "
            "Red Cross volunteers, with a social worker on call, in the evenings and at night. "
            "Every contact is logged without personal data unless the caller consents. Where a "
            "possible victim wants help, an outreach team can meet the person at an agreed safe "
            "place, and emergency accommodation is available in a shelter.",
            "An evaluation found that the chat service reached a different group from the phone "
            "line, with more contacts about online sexual exploitation and labour exploitation. "
            "It recommended stronger promotion among migrant workers, and the number is now "
            "printed on the information material left behind during joint labour inspections.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "other"],
        "target_groups": ["women", "migrant-workers", "people-in-prostitution"],
        "sectors": ["ngos", "social-services"],
        "approaches": ["protection", "prevention"],
        "organisations": ["Danish Centre against Human Trafficking", "Red Cross Denmark"],
        "other_countries": [],
        "start_year": 2011,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Jesper Lund",
            "role": "Hotline coordinator",
            "email": "jesper.lund@cmm.example",
        },
        "tags": ["hotline", "chat", "online"],
        "related": ["opsogende-arbejde-prostitution", "faelles-kontrol-landbrug-og-restauranter"],
    },
    {
        "country": "DK",
        "slug": "draft-mid-term-evaluation-action-plan",
        "title": "Draft mid-term evaluation of the national action plan against trafficking",
        "title_en": "",
        "language": "en",
        "audience": "country",
        "summary": (
            "This country-only page holds the draft mid-term evaluation of the Danish national "
            "action plan against human trafficking, circulated for comments within the national "
            "coordination group. The draft assesses progress on identification, victim support and "
            "prosecution and includes preliminary budget notes."
        ),
        "summary_en": "",
        "body": [
            "The national action plan sets out initiatives across ministries, agencies and NGOs "
            "for a four-year period. Halfway through the period the coordination group "
            "commissioned a mid-term evaluation to check whether the initiatives are on track and "
            "whether funds are being used as intended. The draft is based on documents, activity "
            "data and interviews with staff in authorities and organisations; no victims or "
            "individual cases are described.",
            "The preliminary findings are that identification has improved in the labour market "
            "and that outreach and the hotline are well established, but that the number of "
            "prosecutions remains low and that follow-up of victims after the reflection period "
            "varies between municipalities. The budget notes show that several initiatives have "
            "spent less than planned because of recruitment delays, and suggest reallocating "
            "funds to municipal follow-up and to the training of prosecutors.",
            "Members of the coordination group are asked to comment on factual accuracy and on "
            "the draft recommendations before the final version is published. The draft must not "
            "be quoted or shared outside the national coordination group. A short, "
            "non-confidential summary will be published together with the final evaluation.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "forced-criminality"],
        "target_groups": ["women", "men", "migrant-workers"],
        "sectors": ["research", "police", "social-services", "ngos"],
        "approaches": ["partnership"],
        "organisations": ["Danish Centre against Human Trafficking"],
        "other_countries": [],
        "start_year": 2025,
        "end_year": 2025,
        "ongoing": False,
        "evidence_level": "emerging",
        "contact": {
            "name": "Mikkel Nørgaard",
            "role": "Evaluation officer",
            "email": "mikkel.norgaard@cmm.example",
        },
        "tags": ["evaluation", "action plan", "budget"],
        "related": [],
    },
    {
        "country": "IS",
        "slug": "barnahus-fyrir-tholendur-mansals",
        "title": "Barnahús fyrir börn sem eru þolendur mansals",
        "title_en": "Barnahus for children who are victims of trafficking",
        "language": "is",
        "audience": "public",
        "summary": (
            "Börn sem grunur leikur á að séu þolendur mansals fá sömu þjónustu og önnur börn í "
            "Barnahúsi, þar sem lögregla, barnavernd, dómstólar og heilbrigðisstarfsfólk vinna "
            "saman. Barnið segir sögu sína einu sinni í barnvænu umhverfi og fær meðferð á sama "
            "stað."
        ),
        "summary_en": (
            "Children suspected of being victims of trafficking receive the same services as other "
            "children at the Barnahus, where police, child protection, courts and health "
            "professionals work together. The child tells their story once in a child-friendly "
            "setting and receives treatment in the same place."
        ),
        "body": [
            "Barnahús var stofnað á Íslandi árið 1998 og hefur orðið fyrirmynd sambærilegra "
            "úrræða um alla Evrópu. Frá árinu 2018 hefur sérstakt verklag gilt um börn sem grunur "
            "leikur á að séu þolendur mansals, til dæmis fylgdarlaus börn sem koma til landsins "
            "eða börn sem eru misnotuð kynferðislega gegn greiðslu.",
            "Þegar barnavernd eða lögregla fær tilkynningu er skýrslutaka skipulögð í Barnahúsi. "
            "Sérþjálfaður rannsakandi ræðir við barnið á meðan dómari, lögregla, barnavernd og "
            "réttargæslumaður fylgjast með í öðru herbergi. Ef barnið talar ekki íslensku er "
            "notaður túlkur sem hefur fengið þjálfun í að vinna með börnum. Að lokinni "
            "skýrslutöku fær barnið læknisskoðun og meðferðarviðtöl, og barnavernd sér um öruggan "
            "dvalarstað.",
            "Úttektir hafa sýnt að verklagið styttir málsmeðferð og dregur úr álagi á börnin. "
            "Reynslan af mansalsmálum sýnir þó að mikilvægt er að kalla til túlka snemma og að "
            "samstarf við barnaverndaryfirvöld í öðrum löndum þurfi að vera skýrt þegar barnið á "
            "fjölskyldu erlendis.",
        ],
        "forms": ["sexual-exploitation", "other"],
        "target_groups": ["children"],
        "sectors": ["police", "social-services", "courts", "health-care"],
        "approaches": ["protection", "prosecution"],
        "organisations": ["Icelandic Government Agency for Child Protection", "Icelandic Police"],
        "other_countries": [],
        "start_year": 2018,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "evaluated",
        "contact": {
            "name": "Hrafnhildur Ólafsdóttir",
            "role": "Head of Barnahus",
            "email": "hrafnhildur.olafsdottir@bofs.example",
        },
        "tags": ["children's house", "child-friendly interview", "children"],
        "related": [
            "barnahus-for-barn-utsatta-for-manniskohandel",
            "samhaefingarteymi-mansalsmala",
        ],
    },
    {
        "country": "IS",
        "slug": "vinnustadaeftirlit-ferdathjonusta",
        "title": "Sameiginlegt vinnustaðaeftirlit í ferðaþjónustu og byggingariðnaði",
        "title_en": "Joint workplace inspections in tourism and construction",
        "language": "is",
        "audience": "public",
        "summary": (
            "Vinnumálastofnun, lögreglan og stéttarfélög fara saman í vinnustaðaeftirlit í "
            "ferðaþjónustu, veitingarekstri og byggingariðnaði til að greina nauðungarvinnu og "
            "mansal. Erlent starfsfólk fær upplýsingar um réttindi sín á eigin tungumáli."
        ),
        "summary_en": (
            "The Directorate of Labour, the police and trade unions carry out joint workplace "
            "inspections in tourism, restaurants and construction to detect forced labour and "
            "trafficking. Foreign workers receive information about their rights in their own "
            "language."
        ),
        "body": [
            "Hröð fjölgun ferðamanna og mikil uppbygging hafa aukið eftirspurn eftir erlendu "
            "vinnuafli á Íslandi. Margir starfsmenn koma í gegnum starfsmannaleigur eða búa í "
            "húsnæði á vegum vinnuveitanda, sem eykur hættu á misnotkun. Eftirlitið byggir á "
            "áhættugreiningu og ábendingum frá stéttarfélögum og almenningi.",
            "Í eftirlitsferðum ræða starfsmenn Vinnumálastofnunar við hvern starfsmann fyrir sig, "
            "með túlki ef þörf krefur, og nota gátlista um vísbendingar um nauðungarvinnu, svo "
            "sem launaskuldir, upptöku vegabréfa og óeðlilegan frádrátt af launum. Vakni grunur "
            "um mansal er lögreglu gert viðvart og viðkomandi boðið viðtal við ráðgjafa og öruggt "
            "húsnæði.",
            "Eftirlitið hefur leitt til fjölda mála vegna vangoldinna launa og nokkurra rannsókna "
            "á mansali. Reynslan sýnir að upplýsingar á pólsku, litháísku, rúmensku og ensku auka "
            "líkurnar á að starfsfólk leiti sér aðstoðar síðar, jafnvel þótt það segi ekkert í "
            "eftirlitinu sjálfu.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["labour-inspection", "police", "private-sector"],
        "approaches": ["prevention", "protection", "prosecution"],
        "organisations": ["Icelandic Directorate of Labour", "Icelandic Police"],
        "other_countries": [],
        "start_year": 2017,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Gunnar Þór Einarsson",
            "role": "Inspector",
            "email": "gunnar.einarsson@vinnumalastofnun.example",
        },
        "tags": ["joint inspections", "tourism", "construction"],
        "related": [
            "felles-kontroller-arbeidslivskriminalitet",
            "foreign-worker-survey-draft-findings",
        ],
    },
    {
        "country": "IS",
        "slug": "samhaefingarteymi-mansalsmala",
        "title": "Samhæfingarteymi og verklag við tilvísun þolenda mansals",
        "title_en": "Coordination team and referral procedure for victims of trafficking",
        "language": "is",
        "audience": "members",
        "summary": (
            "Þverfaglegt samhæfingarteymi lögreglu, Vinnumálastofnunar og barnaverndar fer yfir "
            "tilkynningar um mögulega þolendur mansals og samhæfir aðstoð við þá. Innra verklag "
            "teymisins og tengiliðalisti eru aðgengileg meðlimum tengslanetsins."
        ),
        "summary_en": (
            "A multidisciplinary coordination team of the police, the Directorate of Labour and "
            "child protection reviews referrals of possible victims of trafficking and coordinates "
            "assistance to them. The team's internal procedure and contact list are available to "
            "network members."
        ),
        "body": [
            "Á Íslandi eru mansalsmál fá en oft flókin, og þau snerta margar stofnanir í senn. "
            "Til að tryggja að enginn falli milli kerfa var sett á fót samhæfingarteymi sem kemur "
            "saman innan tveggja virkra daga frá því að tilkynning berst. Teymið starfar samkvæmt "
            "verklagi sem gefið var út árið 2024.",
            "Verklagið lýsir því hver tekur við tilkynningu, hvernig áhættumat er unnið og "
            "hvernig þolanda er tryggt húsnæði, heilbrigðisþjónusta, túlkur og lögfræðiaðstoð. "
            "Þolandi á rétt á umþóttunartíma óháð því hvort hann kýs að vinna með lögreglu. "
            "Tengiliðalistinn inniheldur bakvaktarnúmer stofnananna og er uppfærður "
            "ársfjórðungslega.",
            "Verklagið hefur ekki enn verið metið. Fyrstu viðbrögð benda til þess að boðleiðir "
            "séu skýrari en áður, en einnig að minni sveitarfélög þurfi meiri stuðning og þjálfun "
            "til að geta tekið á móti þolendum. Stefnt er að því að meta verklagið árið 2026 í "
            "samstarfi við sveitarfélögin.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "migrant-workers", "children"],
        "sectors": ["police", "labour-inspection", "social-services", "municipalities"],
        "approaches": ["partnership", "protection"],
        "organisations": [
            "Icelandic Police",
            "Icelandic Directorate of Labour",
            "Icelandic Government Agency for Child Protection",
        ],
        "other_countries": [],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Ásdís Helgadóttir",
            "role": "Team coordinator",
            "email": "asdis.helgadottir@logreglan.example",
        },
        "tags": ["referral", "multidisciplinary team", "contact list"],
        "related": ["barnahus-fyrir-tholendur-mansals"],
    },
    {
        "country": "IS",
        "slug": "keflavik-landamaeravardir-thjalfun",
        "title": "Þjálfun landamæravarða á Keflavíkurflugvelli í að bera kennsl á þolendur mansals",
        "title_en": (
            "Training border officers at Keflavík Airport to identify victims of trafficking"
        ),
        "language": "is",
        "audience": "members",
        "summary": (
            "Lögreglan á Suðurnesjum þjálfar landamæraverði á Keflavíkurflugvelli í að bera kennsl "
            "á mögulega þolendur mansals við komu og brottför. Þjálfunarefnið og "
            "vísbendingalistinn eru aðgengileg meðlimum tengslanetsins."
        ),
        "summary_en": (
            "The Suðurnes police train border officers at Keflavík Airport to identify possible "
            "victims of trafficking on arrival and departure. The training material and the "
            "indicator list are available to network members."
        ),
        "body": [
            "Nær allir sem koma til Íslands fara um Keflavíkurflugvöll, og þar gefst oft eina "
            "tækifærið til að hitta mögulegan þolanda áður en hann hverfur inn á vinnustað eða í "
            "vændi. Þjálfunin var þróuð af lögreglunni í samstarfi við norsku lögregluna og "
            "byggir á reynslu landamæravarða af fyrri málum.",
            "Námskeiðið tekur tvo daga og fjallar um vísbendingar tengdar ferðatilhögun, skjölum, "
            "farangri og hegðun, auk viðtalstækni þar sem rætt er við farþega í einrúmi og honum "
            "boðin túlkaþjónusta. Landamæraverðir fá vasaspjald með vísbendingum og símanúmeri "
            "bakvaktar. Ef grunur vaknar er rannsóknardeild kölluð til og farþeganum boðin aðstoð "
            "óháð því hvort hann vill kæra.",
            "Eftir að þjálfunin hófst hefur tilkynningum frá landamæravörðum fjölgað og þær eru "
            "betur rökstuddar. Næsta skref er að bæta við efni um börn sem ferðast án "
            "forráðamanna og um brottför fólks sem kann að vera flutt til annarra landa.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["women", "migrant-workers", "children"],
        "sectors": ["border-guard", "police"],
        "approaches": ["prevention", "protection"],
        "organisations": ["Icelandic Police"],
        "other_countries": ["NO"],
        "start_year": 2019,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Kristján Baldursson",
            "role": "Chief inspector",
            "email": "kristjan.baldursson@logreglan.example",
        },
        "tags": ["training", "airport", "border", "indicators"],
        "related": ["rajavartijoiden-koulutus"],
    },
    {
        "country": "IS",
        "slug": "foreign-worker-survey-draft-findings",
        "title": "Survey of labour exploitation among foreign workers: draft findings",
        "title_en": "",
        "language": "en",
        "audience": "country",
        "summary": (
            "The University of Iceland and the Directorate of Labour are running a survey to "
            "estimate how common labour exploitation and forced labour are among foreign workers "
            "in Iceland. This country-only page holds the draft findings and methodology notes, "
            "which are not yet for publication."
        ),
        "summary_en": "",
        "body": [
            "Foreign nationals make up a large share of the Icelandic labour force, particularly "
            "in tourism, construction and fish processing, but there has been no reliable "
            "estimate of how many experience serious exploitation. The survey was commissioned to "
            "give the national action plan against trafficking a better evidence base and to help "
            "the Directorate of Labour target its inspections.",
            "The questionnaire was developed from the ILO indicators of forced labour and "
            "translated into eight languages. It was distributed online and through unions, "
            "language schools and community organisations, with the option of answering "
            "anonymously by phone with an interpreter. Researchers also interviewed staff in "
            "authorities and support organisations. No information that could identify "
            "respondents or employers is stored with the answers.",
            "The draft findings indicate that wage theft and unlawful deductions are widespread, "
            "while indicators of forced labour appear in a smaller but significant group, "
            "concentrated among workers hired through temporary-work agencies and those housed by "
            "their employer. The methodology notes discuss the limits of a non-random sample. "
            "Comments from the national coordination group are invited before the final report is "
            "published.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["research", "labour-inspection"],
        "approaches": ["prevention", "partnership"],
        "organisations": ["University of Iceland", "Icelandic Directorate of Labour"],
        "other_countries": [],
        "start_year": 2024,
        "end_year": 2025,
        "ongoing": False,
        "evidence_level": "emerging",
        "contact": {
            "name": "Elín Rós Sveinsdóttir",
            "role": "Researcher",
            "email": "elin.sveinsdottir@hi.example",
        },
        "tags": ["research", "prevalence", "survey"],
        "related": ["vinnustadaeftirlit-ferdathjonusta"],
    },
    {
        "country": "AX",
        "slug": "aland-samarbetsavtal-hjalpsystemet",
        "title": "Samarbetsavtal mellan Åland och det finländska hjälpsystemet",
        "title_en": "Cooperation agreement between Åland and the Finnish Assistance System",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Ålands landskapsregering har ett samarbetsavtal med Hjälpsystemet för offer för "
            "människohandel i Finland, så att offer som identifieras på Åland får samma stöd som i "
            "övriga Finland. Avtalet klargör ansvarsfördelningen mellan landskapets och statens "
            "myndigheter."
        ),
        "summary_en": (
            "The Government of Åland has a cooperation agreement with the Finnish Assistance "
            "System for Victims of Trafficking so that victims identified in Åland receive the "
            "same support as in the rest of Finland. The agreement clarifies the division of "
            "responsibilities between the autonomous region's authorities and those of the state."
        ),
        "body": [
            "Åland är självstyrt och ansvarar själv för bland annat socialvård, hälso- och "
            "sjukvård och polisväsende, medan utlänningsärenden och straffrätt hör till rikets "
            "behörighet. Tidigare var det därför oklart vem som skulle stå för stödet till ett "
            "offer för människohandel som identifierats på Åland. Samarbetsavtalet ingicks 2020 "
            "för att undanröja denna osäkerhet.",
            "Enligt avtalet kan Ålands polismyndighet, kommunernas socialtjänst och hälso- och "
            "sjukvården hänvisa en person direkt till hjälpsystemet, som fattar beslut om att ta "
            "in personen och ersätter kostnaderna för stödet. Landskapsregeringen har en utsedd "
            "kontaktperson som ordnar tolk, boende och samtalsstöd på svenska. Vid behov "
            "samarbetar man också med svenska myndigheter, eftersom många som arbetar på Åland "
            "reser via Stockholm.",
            "Avtalet har använts i ett fåtal ärenden, främst gällande arbetskraftsexploatering "
            "inom säsongsarbete. Erfarenheterna visar att en tydlig kontaktperson är avgörande i "
            "ett litet samhälle där många känner varandra, och att utbildningen av personalen "
            "behöver upprepas regelbundet. Landskapsregeringen och hjälpsystemet träffas en gång "
            "per år för att gå igenom avtalet och eventuella behov av ändringar.",
        ],
        "forms": ["forced-labour", "sexual-exploitation"],
        "target_groups": ["migrant-workers", "women"],
        "sectors": ["social-services", "police", "health-care"],
        "approaches": ["partnership", "protection"],
        "organisations": [
            "Government of Åland",
            "Finnish Assistance System for Victims of Trafficking",
        ],
        "other_countries": ["FI", "SE"],
        "start_year": 2020,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "promising",
        "contact": {
            "name": "Johanna Eriksson",
            "role": "Social welfare adviser",
            "email": "johanna.eriksson@landskapet.example",
        },
        "tags": ["small jurisdiction", "referral", "cross-border"],
        "related": ["auttamisjarjestelmaan-ohjaaminen", "aland-intern-kontaktlista"],
    },
    {
        "country": "AX",
        "slug": "sasongsarbetare-jordbruk-och-turism-aland",
        "title": "Information till säsongsarbetare inom jordbruk och turism på Åland",
        "title_en": "Information for seasonal workers in agriculture and tourism in Åland",
        "language": "sv",
        "audience": "public",
        "summary": (
            "Ålands landskapsregering och Ålands polismyndighet informerar säsongsarbetare inom "
            "jordbruk, fruktodling och turism om deras rättigheter och om var de kan få hjälp. "
            "Informationen delas vid ankomsten, via arbetsgivarna och i sociala medier."
        ),
        "summary_en": (
            "The Government of Åland and the Åland Police Authority inform seasonal workers in "
            "agriculture, fruit growing and tourism about their rights and about where to get "
            "help. The information is shared on arrival, through employers and on social media."
        ),
        "body": [
            "Varje sommar kommer flera hundra säsongsarbetare till Åland för att arbeta inom "
            "jordbruk, fruktodling, restauranger och hotell. De flesta har goda villkor, men det "
            "har förekommit fall av underbetalning och oskäliga boendeavgifter. Eftersom Åland är "
            "litet och arbetsplatserna ligger utspridda, även i skärgården, är det svårt för "
            "arbetstagarna att veta vart de kan vända sig.",
            "Informationen har tagits fram på engelska, ukrainska, estniska och rumänska och "
            "innehåller uppgifter om lön, arbetstid och boende samt kontaktuppgifter till "
            "polisen, arbetarskyddet och hjälpsystemet för offer för människohandel. Broschyrerna "
            "delas ut i hamnen, hos arbetsgivarna och på hälsocentralen, och en kort film sprids "
            "i sociala medier under säsongen. Polisen gör också besök på större arbetsplatser "
            "tillsammans med arbetarskyddsinspektörer.",
            "Initiativet startade 2024 och har inte utvärderats. Arbetsgivarorganisationerna har "
            "tagit emot informationen positivt, och flera arbetsgivare har själva börjat dela den "
            "med nyanställda. Inför nästa säsong planeras en kort enkät till säsongsarbetarna om "
            "hur de har tagit del av informationen och om de visste vart de kunde vända sig. "
            "Resultaten ska användas för att välja kanaler och språk.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers"],
        "sectors": ["police", "labour-inspection", "private-sector"],
        "approaches": ["prevention"],
        "organisations": ["Government of Åland", "Åland Police Authority"],
        "other_countries": ["FI"],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Mats Lindholm",
            "role": "Police inspector",
            "email": "mats.lindholm@alandpolis.example",
        },
        "tags": ["seasonal work", "awareness", "agriculture", "tourism"],
        "related": ["aland-samarbetsavtal-hjalpsystemet", "marjanpoimijoiden-tiedotuskampanja"],
    },
    {
        "country": "AX",
        "slug": "aland-intern-kontaktlista",
        "title": "Intern kontaktlista och handläggningsrutin vid misstänkt människohandel på Åland",
        "title_en": (
            "Internal contact list and case-handling routine for suspected trafficking in Åland"
        ),
        "language": "sv",
        "audience": "country",
        "summary": (
            "Den här sidan, som endast är synlig i Ålands arbetsrum, innehåller den aktuella "
            "kontaktlistan och en kort handläggningsrutin för myndigheter på Åland vid misstanke "
            "om människohandel. Rutinen kompletterar samarbetsavtalet med det finländska "
            "hjälpsystemet."
        ),
        "summary_en": (
            "This page, visible only in Åland's space, holds the current contact list and a short "
            "case-handling routine for authorities in Åland when trafficking is suspected. The "
            "routine complements the cooperation agreement with the Finnish assistance system."
        ),
        "body": [
            "I ett litet samhälle kan det gå lång tid mellan ärendena, och personalen hinner "
            "bytas ut. Kontaktlistan anger jourtelefoner och kontaktpersoner hos polisen, "
            "socialtjänsten i de största kommunerna, hälso- och sjukvården, landskapsregeringen "
            "och hjälpsystemet, samt tolkförmedlingar för de vanligaste språken.",
            "Handläggningsrutinen består av sex steg: säkerställ personens omedelbara säkerhet, "
            "ordna tolk, kontakta hjälpsystemet, informera polisen om personen samtycker eller om "
            "det finns akut fara, ordna tillfälligt boende och dokumentera åtgärderna utan att "
            "sprida uppgifter i onödan. Rutinen påminner om att en anmälan till barnskyddet "
            "alltid ska göras när det gäller barn.",
            "Listan uppdateras två gånger per år av landskapsregeringens kontaktperson. Rutinen "
            "ses över efter varje ärende tillsammans med de berörda myndigheterna, och ändringar "
            "meddelas till alla som finns med på listan. Personal som är ny i sin tjänst erbjuds "
            "en kort introduktion till rutinen.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "other"],
        "target_groups": ["migrant-workers", "women", "children"],
        "sectors": ["police", "social-services", "health-care", "municipalities"],
        "approaches": ["protection", "partnership"],
        "organisations": ["Government of Åland", "Åland Police Authority"],
        "other_countries": [],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Camilla Sundblom",
            "role": "Senior officer",
            "email": "camilla.sundblom@landskapet.example",
        },
        "tags": ["contact list", "case handling", "checklist"],
        "related": ["aland-samarbetsavtal-hjalpsystemet"],
    },
    {
        "country": "FO",
        "slug": "henvisning-fra-faeroerne-til-danmark",
        "title": "Henvisning af ofre for menneskehandel fra Færøerne til støtte i Danmark",
        "title_en": (
            "Referring victims of trafficking from the Faroe Islands to support in Denmark"
        ),
        "language": "da",
        "audience": "country",
        "summary": (
            "Færøernes landsstyre har en intern procedure for, hvordan mulige ofre for "
            "menneskehandel, der identificeres på Færøerne, kan henvises til Center mod "
            "Menneskehandel og få ophold i Danmark. Siden indeholder proceduren og budgetnoter om "
            "fordelingen af udgifterne."
        ),
        "summary_en": (
            "The Government of the Faroe Islands has an internal procedure for referring possible "
            "victims of trafficking identified in the Faroe Islands to the Danish Centre against "
            "Human Trafficking and to accommodation in Denmark. The page contains the procedure "
            "and budget notes on cost sharing."
        ),
        "body": [
            "Færøerne har få sager om menneskehandel og ingen specialiserede krisecentre for "
            "ofre. Når et muligt offer identificeres, kan det derfor være nødvendigt at tilbyde "
            "ophold og støtte i Danmark, hvor der findes specialiserede tilbud. Proceduren blev "
            "udarbejdet i 2023 af landsstyret, Færøernes Politi og Center mod Menneskehandel.",
            "Proceduren beskriver, hvordan socialforvaltningen eller politiet kontakter Center "
            "mod Menneskehandel, hvordan der gennemføres en identifikationssamtale via video med "
            "tolk, og hvordan rejse og ledsagelse til Danmark arrangeres, hvis personen ønsker "
            "det. Personen kan også blive på Færøerne med støtte fra kommunen og rådgivning fra "
            "centret. Budgetnoterne beskriver, hvilke udgifter landsstyret dækker, og hvilke der "
            "dækkes af de danske myndigheder.",
            "Proceduren har kun været brugt få gange og er endnu ikke evalueret. Erfaringen er, "
            "at det er afgørende at afklare udgiftsfordelingen på forhånd, så der ikke opstår "
            "forsinkelser, når et offer har brug for hjælp med det samme. Landsstyret og Center "
            "mod Menneskehandel gennemgår proceduren sammen en gang om året.",
        ],
        "forms": ["forced-labour", "sexual-exploitation"],
        "target_groups": ["migrant-workers", "women"],
        "sectors": ["social-services", "police"],
        "approaches": ["partnership", "protection"],
        "organisations": [
            "Government of the Faroe Islands",
            "Faroe Islands Police",
            "Danish Centre against Human Trafficking",
        ],
        "other_countries": ["DK"],
        "start_year": 2023,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Sunneva Dam",
            "role": "Head of section",
            "email": "sunneva.dam@landsstyri.example",
        },
        "tags": ["small jurisdiction", "referral", "cross-border", "budget"],
        "related": ["uddannelse-af-sagsbehandlere-i-gronland"],
    },
    {
        "country": "FO",
        "slug": "fishing-vessel-crew-awareness",
        "title": "Information and inspections for foreign crew on fishing vessels",
        "title_en": "",
        "language": "en",
        "audience": "public",
        "summary": (
            "The Faroe Islands Police and the Government of the Faroe Islands inform foreign crew "
            "on fishing vessels and workers at fish farms about their rights, and check for signs "
            "of forced labour during port visits. The work is coordinated with Norway and Iceland, "
            "where many of the same vessels and recruiters operate."
        ),
        "summary_en": "",
        "body": [
            "The Faroese economy depends on fishing and aquaculture, and a growing share of crew "
            "and farm workers come from outside the Nordic countries, often recruited through "
            "manning agencies. Long periods at sea, contracts in a foreign language and "
            "deductions for recruitment and travel create risks of forced labour that are hard to "
            "detect from shore.",
            "When vessels call at Faroese ports, police officers and maritime inspectors check "
            "crew contracts, wage records and passports, and speak with crew members without "
            "officers present. Crew members receive a card in English, Tagalog, Russian and "
            "Indonesian with information on their rights and a number to call for help. Suspected "
            "cases are discussed with the Norwegian and Icelandic authorities through the Nordic "
            "network.",
            "The initiative began in 2024 and is at an early stage. It has already shown the need "
            "for interpreters available at short notice and for clear agreements with the flag "
            "states of foreign-registered vessels. A short training module for harbour staff and "
            "maritime inspectors is being developed with the Norwegian Labour Inspection "
            "Authority.",
        ],
        "forms": ["forced-labour"],
        "target_groups": ["migrant-workers", "men"],
        "sectors": ["police", "labour-inspection", "private-sector"],
        "approaches": ["prevention", "protection"],
        "organisations": ["Faroe Islands Police", "Government of the Faroe Islands"],
        "other_countries": ["NO", "IS"],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Hanus Joensen",
            "role": "Police officer",
            "email": "hanus.joensen@politi-fo.example",
        },
        "tags": ["fishing", "maritime", "cross-border"],
        "related": ["tilsyn-fiskeri-og-sjomatindustri"],
    },
    {
        "country": "GL",
        "slug": "uddannelse-af-sagsbehandlere-i-gronland",
        "title": "Uddannelse af fagpersoner i Grønland i at genkende menneskehandel",
        "title_en": "Training professionals in Greenland to recognise human trafficking",
        "language": "da",
        "audience": "public",
        "summary": (
            "Naalakkersuisut og Center mod Menneskehandel uddanner kommunale sagsbehandlere, "
            "sundhedspersonale og politifolk i Grønland i at genkende tegn på menneskehandel. "
            "Undervisningen tager udgangspunkt i grønlandske forhold og gennemføres både fysisk og "
            "online på grund af de store afstande."
        ),
        "summary_en": (
            "The Government of Greenland and the Danish Centre against Human Trafficking train "
            "municipal caseworkers, health staff and police officers in Greenland to recognise "
            "signs of trafficking. The training is adapted to Greenlandic conditions and delivered "
            "both in person and online because of the long distances."
        ),
        "body": [
            "Der er kun identificeret få ofre for menneskehandel i Grønland, men myndighederne "
            "vurderer, at der kan være et mørketal, blandt andet blandt udenlandske arbejdstagere "
            "i fiskeindustrien og byggeriet og blandt unge, der udnyttes seksuelt. Uddannelsen "
            "blev udviklet i 2024 efter en kortlægning af de faggrupper, der sandsynligvis vil "
            "møde ofrene først.",
            "Kurset varer en dag og behandler indikatorer, samtaleteknik med tolk, reglerne om "
            "underretning, når det gælder børn, og henvisning til Center mod Menneskehandel. "
            "Undervisningen foregår på dansk og grønlandsk og bruger eksempler fra byer og bygder "
            "i Grønland. Deltagere i mindre bygder følger kurset online og får efterfølgende "
            "sparring med centret.",
            "De første kurser er gennemført i Nuuk, Sisimiut og Ilulissat. Deltagerne har især "
            "efterspurgt viden om seksuel udnyttelse af unge, og den næste version af kurset "
            "udvikles i samarbejde med Barnahus i Grønland. Desuden planlægges et kortere "
            "opfølgningskursus for de kommuner, der allerede har deltaget.",
        ],
        "forms": ["sexual-exploitation", "forced-labour"],
        "target_groups": ["children", "migrant-workers"],
        "sectors": ["municipalities", "social-services", "health-care", "police"],
        "approaches": ["prevention", "partnership"],
        "organisations": ["Government of Greenland", "Danish Centre against Human Trafficking"],
        "other_countries": ["DK"],
        "start_year": 2024,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Pipaluk Berthelsen",
            "role": "Special consultant",
            "email": "pipaluk.berthelsen@naalakkersuisut.example",
        },
        "tags": ["training", "small jurisdiction", "online"],
        "related": ["greenland-case-handling-checklist", "henvisning-fra-faeroerne-til-danmark"],
    },
    {
        "country": "GL",
        "slug": "greenland-case-handling-checklist",
        "title": "Case-handling checklist for suspected trafficking in Greenland",
        "title_en": "",
        "language": "en",
        "audience": "members",
        "summary": (
            "Greenland Police and the Government of Greenland have drawn up a short case-handling "
            "checklist for police officers and caseworkers when trafficking is suspected, "
            "including how to arrange help from Denmark. The checklist and contact routes are "
            "shared here with network members."
        ),
        "summary_en": "",
        "body": [
            "In Greenland, police stations and social services in many towns and settlements are "
            "small, and staff may meet a trafficking case only once in their career. Long "
            "distances and limited transport mean that support often has to be organised "
            "remotely, and the specialised services are located in Denmark.",
            "The checklist covers immediate safety, the use of interpreters, informing the person "
            "about their rights, contact with the Danish Centre against Human Trafficking for "
            "identification, and practical arrangements for travel and accommodation, either in "
            "Nuuk or in Denmark. It reminds staff that concerns about children must always be "
            "reported to the child protection services and refers to the Barnahus in Greenland "
            "for interviews with children. The contact routes list the on-call numbers to be used "
            "outside office hours.",
            "The checklist was introduced in 2025 and will be reviewed after the first cases in "
            "which it is used. Feedback so far shows that staff value the one-page format and "
            "that the checklist should be available in Greenlandic as well as Danish.",
        ],
        "forms": ["sexual-exploitation", "forced-labour", "other"],
        "target_groups": ["women", "children", "migrant-workers"],
        "sectors": ["police", "social-services"],
        "approaches": ["protection", "partnership"],
        "organisations": ["Greenland Police", "Government of Greenland"],
        "other_countries": ["DK"],
        "start_year": 2025,
        "end_year": None,
        "ongoing": True,
        "evidence_level": "emerging",
        "contact": {
            "name": "Malik Petersen",
            "role": "Police officer",
            "email": "malik.petersen@politi-gl.example",
        },
        "tags": ["checklist", "small jurisdiction", "referral"],
        "related": ["uddannelse-af-sagsbehandlere-i-gronland"],
    },
]
