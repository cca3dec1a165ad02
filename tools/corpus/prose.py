"""Danish sentence pools for the synthetic budget agreements (original prose, SYNTHETIC).

Placeholders: {K} short name, {KK} official name, {Y} budget year, {Y0} the year the
agreement was signed, {Y1} the following year, {A} an amount in mio. kr., {NB} "X og Y Kommuner"
(neighbours named in passing).

Every topic sentence must mention its own topic and no other; every filler and trap sentence
must mention no topic. generate.py checks this against queries/topics.toml at start-up.
"""

TOPIC_SENTENCES = {
    "digitalisation": [
        "Parterne ønsker at fortsætte arbejdet med digitalisering af administrationen, så medarbejderne får mere tid til kerneopgaven.",
        "Der afsættes {A} mio. kr. årligt til at udmønte den nye digitaliseringsstrategi for {KK}.",
        "Digitaliseringen af sagsbehandlingen i Borgerservice skal gøre det lettere for borgerne at få svar hurtigt.",
        "Kommunen skal udnytte de digitale muligheder bedre, blandt andet gennem fælles løsninger med andre kommuner.",
        "Parterne er enige om, at digitaliseringsstrategien skal revideres i løbet af {Y}.",
        "En samlet digital indgang til byggesager skal forkorte sagsbehandlingstiderne markant.",
        "Med den fællesoffentlige digitaliseringsstrategi som ramme prioriteres investeringer, der frigør tid til borgerne.",
        "Der igangsættes et digitaliseringsprojekt på ejendomsområdet med sensorer i de kommunale bygninger.",
        "Vi vil styrke borgernes digitale kompetencer, så ingen bliver ladt i stikken i mødet med kommunen.",
        "Digitaliseringspuljen videreføres, og gevinsterne skal dokumenteres i de årlige budgetopfølgninger.",
    ],
    "ai": [
        "Parterne ønsker at afprøve AI-løsninger i jobcentret og i den administrative sagsbehandling.",
        "Kommunen skal have en samlet strategi for brug af kunstig intelligens (AI), som sikrer en ansvarlig anvendelse.",
        "Der afsættes {A} mio. kr. til forsøg med kunstig intelligens i journalføring og visitation.",
        "Brugen af AI skal ske med respekt for borgernes oplysninger og med klare retningslinjer for medarbejderne.",
        "Erfaringerne fra de første AI-projekter skal evalueres grundigt, inden løsningerne udbredes til flere områder.",
        "Kunstig intelligens kan frigøre tid i administrationen, men teknologien skal bruges med omtanke.",
        "En ny AI-assistent til besvarelse af borgerhenvendelser afprøves i {Y}.",
        "Vi følger arbejdet i den nationale taskforce for kunstig intelligens tæt og deler vores erfaringer.",
    ],
    "cyber": [
        "Cybersikkerheden skal styrkes, og der afsættes {A} mio. kr. til overvågning af kommunens netværk.",
        "Parterne er enige om at styrke cyber- og informationssikkerheden i hele organisationen.",
        "Cyber- og informationssikkerhed er en forudsætning for, at borgerne kan have tillid til kommunen.",
        "Alle medarbejdere skal gennemføre et kursus i it-sikkerhed i løbet af {Y}.",
        "Truslen fra cyberangreb mod offentlige myndigheder er vokset markant de seneste år.",
        "Kommunen deltager i den fælleskommunale enhed, der overvåger de kommunale netværk for cyberaktivitet.",
        "Der ansættes en informationssikkerhedskoordinator med ansvar for løbende risikovurderinger.",
        "Arbejdet med datasikkerhed prioriteres, så borgernes personoplysninger beskyttes bedst muligt.",
    ],
    "nis2": [
        "Implementeringen af NIS2-direktivet stiller nye krav til kommunens styring af leverandører.",
        "Der afsættes {A} mio. kr. til at efterleve kravene i NIS2.",
        "Parterne noterer sig, at NIS 2 får betydning for forsyningsområdet og for kommunens it-drift.",
        "Kommunen skal senest i {Y} have gennemført en analyse af, hvor langt vi er i forhold til NIS2.",
        "Med NIS2-loven får ledelsen et personligt ansvar for risikostyringen.",
    ],
    "climate": [
        "Klimaindsatsen fortsætter med udgangspunkt i kommunens klimahandlingsplan.",
        "Der afsættes {A} mio. kr. til klimatilpasning langs åerne og i de lavtliggende boligområder.",
        "Parterne er enige om, at klimatilpasningsplanen skal opdateres med nye data om skybrud og højtstående grundvand.",
        "Kommunen fastholder målet om at reducere CO2-udledningen med 70 procent i 2030.",
        "Den grønne omstilling skal ske i tæt samarbejde med borgere, virksomheder og landbruget.",
        "Klimaet er fortsat en høj prioritet for aftalepartierne.",
        "Kommunens klimaplan skal følges op hvert år med en offentlig status.",
        "Der etableres en pulje til klimavenlige løsninger i de kommunale institutioner.",
    ],
    "green_tripartite": [
        "Kommunen tager ansvar for den lokale implementering af den grønne trepart.",
        "Der afsættes {A} mio. kr. til sekretariatsbetjening af den lokale trepart.",
        "Aftalen om et Grønt Danmark betyder, at store landbrugsarealer skal omlægges til natur og skov.",
        "Parterne er enige om, at omlægningsplanerne under den grønne trepart skal udarbejdes i dialog med lodsejerne.",
        "Arbejdet i de lokale treparter skal koordineres med nabokommunerne i vandoplandet.",
        "Grøn trepart giver mulighed for nye skovrejsningsprojekter tæt på byerne.",
    ],
    "renewable_energy": [
        "Kommunen vil planlægge for mere vedvarende energi på egnede arealer.",
        "Der udpeges nye områder til solceller og vindmøller efter en grundig borgerinddragelse.",
        "VE-anlæg skal give lokal værdi, blandt andet gennem en pulje til lokalsamfundet.",
        "Parterne ønsker at undersøge muligheden for en solcellepark på den tidligere losseplads.",
        "Udbygningen med vedvarende energi skal ske i balance med natur og naboer.",
        "Kommunen ansætter en VE-koordinator, der kan vejlede borgere og projektudviklere.",
    ],
    "school": [
        "Folkeskolen skal være et attraktivt førstevalg for alle familier i {K}.",
        "Der afsættes {A} mio. kr. til at følge op på folkeskolens kvalitetsprogram.",
        "Midlerne til folkeskoleområdet løftes, så udviklingen i elevtallet kan følges.",
        "Parterne er enige om at styrke den praktiske og musiske undervisning i folkeskolerne.",
        "Flere elever skal kunne rummes i den almene folkeskole med den rette støtte.",
        "Skoleområdet tilføres ekstra midler til inkluderende læringsmiljøer.",
    ],
    "elderly_care": [
        "Ældreplejen styrkes med {A} mio. kr. til faste teams i hjemmeplejen.",
        "Parterne er enige om at implementere ældrereformen med fokus på helhedspleje.",
        "Der bygges flere plejehjemspladser for at følge den demografiske udvikling.",
        "Kvaliteten i ældreplejen skal løftes gennem mere tid til den enkelte borger.",
        "Et nyt lokalplejehjem afprøves i {Y} som en del af frisættelsen.",
        "Ældreområdet tilføres midler til flere faste afløsere og mindre brug af vikarer.",
    ],
    "welfare_technology": [
        "Der afsættes {A} mio. kr. til velfærdsteknologi, der kan give borgerne større selvhjulpenhed.",
        "Velfærdsteknologiske løsninger som spiserobotter og skærmbesøg skal udbredes.",
        "Puljen til velfærdsteknologi videreføres i hele budgetperioden.",
        "Parterne ønsker en plan for, hvordan velfærdsteknologien kan frigøre hænder i hverdagen.",
        "Investeringer i velfærds teknologi skal have en klar gevinst for borgerne.",
    ],
    "recruitment": [
        "Rekruttering og fastholdelse af medarbejdere er en af de største udfordringer i de kommende år.",
        "Der afsættes {A} mio. kr. til en rekrutteringsindsats på social- og sundhedsområdet.",
        "Kommunen skal blive bedre til at rekruttere unge til velfærdsuddannelserne.",
        "Rekrutteringsudfordringerne på dagtilbudsområdet kræver nye løsninger.",
        "Manglen på arbejdskraft betyder, at vi skal tænke opgaveløsningen på nye måder.",
    ],
    "health_reform": [
        "Sundhedsreformen betyder nye opgaver for kommunen i det nære sundhedsvæsen.",
        "Parterne følger implementeringen af sundhedsreformen tæt og afsætter {A} mio. kr. til forberedelse.",
        "Kommunen skal deltage aktivt i det nye sundhedsråd sammen med regionen.",
        "Sundhedsstrukturkommissionens anbefalinger skal indgå i planlægningen af nye sundhedshuse.",
        "Med sundhedsreformen følger et styrket ansvar for forebyggelse og genoptræning.",
    ],
    "emergency_preparedness": [
        "Beredskabet styrkes med {A} mio. kr. til nye køretøjer og uddannelse af brandmandskab.",
        "Parterne er enige om at opdatere den kommunale beredskabsplan i lyset af det ændrede trusselsbillede.",
        "Det fælles beredskab med {NB} videreføres.",
        "Kommunen skal have et robust krisestyringsberedskab, der også dækker langvarige strømafbrydelser.",
        "Beredskabsområdet tilføres midler til nødstrømsanlæg på kommunens institutioner.",
    ],
    "civil_society": [
        "Civilsamfundet er en vigtig partner i løsningen af velfærdsopgaverne.",
        "Der afsættes {A} mio. kr. til en pulje, der understøtter frivillige foreninger.",
        "Parterne ønsker at styrke samarbejdet med frivillige og pårørende.",
        "Frivilligheden i {K} er en stor styrke, som vi vil understøtte.",
        "En ny frivillighedspolitik skal udarbejdes i samarbejde med civilsamfundets organisationer.",
        "Frivilligcentret får et permanent tilskud fra {Y}.",
    ],
}

# Section heading (with the topic word) per topic, used when the topic leads a section.
TOPIC_HEADINGS = {
    "digitalisation": ["Digitalisering og effektiv drift", "Digitalisering", "En digital kommune"],
    "ai": ["Kunstig intelligens", "AI i opgaveløsningen"],
    "cyber": ["Cybersikkerhed", "Cyber- og informationssikkerhed"],
    "nis2": ["NIS2"],
    "climate": ["Klima og miljø", "Klima og grøn omstilling", "Klimatilpasning"],
    "green_tripartite": ["Grøn trepart", "Den grønne trepart"],
    "renewable_energy": ["Vedvarende energi"],
    "school": ["Folkeskolen", "Børn, unge og folkeskole"],
    "elderly_care": ["Ældreplejen", "Ældreområdet"],
    "welfare_technology": ["Velfærdsteknologi"],
    "recruitment": ["Rekruttering og fastholdelse", "Rekruttering"],
    "health_reform": ["Sundhedsreformen"],
    "emergency_preparedness": ["Beredskab", "Tryghed og beredskab"],
    "civil_society": ["Civilsamfund og frivillighed", "Frivillighed og fællesskab"],
}

# Neutral headings for the same sections when the topic word should not appear.
SECTION_NEUTRAL = {
    "tech": ["Effektiv administration", "Ny teknologi og administration", "Service til borgerne"],
    "green": ["Natur og miljø", "Natur, vand og miljø", "Det grønne område"],
    "children": ["Børn og unge", "Dagtilbud og skoler", "Børn, unge og familier"],
    "care": ["Sundhed og omsorg", "Ældre og sundhed", "Social- og sundhedsområdet"],
    "staff": ["Medarbejdere", "Arbejdspladsen", "Medarbejdere og arbejdsmiljø"],
    "safety": ["Tryghed", "Tryghed og fællesskab", "Fællesskab og kultur"],
}

TOPIC_SECTION = {
    "digitalisation": "tech", "ai": "tech", "cyber": "tech", "nis2": "tech",
    "climate": "green", "green_tripartite": "green", "renewable_energy": "green",
    "school": "children",
    "elderly_care": "care", "welfare_technology": "care", "health_reform": "care",
    "recruitment": "staff",
    "emergency_preparedness": "safety", "civil_society": "safety",
}

# Neutral sentences per section.
FILLER = {
    "tech": [
        "Borgerservice udvider åbningstiden to eftermiddage om ugen.",
        "Sagsbehandlingstiderne på byggesagsområdet skal nedbringes til under otte uger.",
        "Administrationen skal have et mere enkelt it-landskab med færre systemer.",
        "Der gennemføres en analyse af kommunens indkøb med henblik på bedre aftaler.",
        "Kommunens hjemmeside skal gøres lettere at finde rundt i for alle borgere.",
        "Unødigt bureaukrati skal fjernes, og dokumentationskrav gennemgås kritisk.",
    ],
    "green": [
        "Der plantes 5.000 nye træer langs veje og stier i budgetperioden.",
        "Vandløbene vedligeholdes efter en ny plan, der tager hensyn til både landbrug og natur.",
        "Der etableres flere ladestandere ved de kommunale arbejdspladser.",
        "Affaldssorteringen udvides med en ny ordning for tekstiler.",
        "Parterne ønsker at styrke biodiversiteten i de kommunale parker og grønne områder.",
        "Der afsættes midler til oprensning af søer og vandhuller.",
    ],
    "children": [
        "Minimumsnormeringerne i dagtilbud fastholdes i hele budgetperioden.",
        "Der afsættes midler til flere pædagoger i de største børnehaver.",
        "Ungdomsskolen får bedre lokaler i forbindelse med renoveringen af idrætshallen.",
        "Skolernes bygningsvedligeholdelse løftes, så efterslæbet kan nedbringes.",
        "Familier med børn med særlige behov skal opleve en mere sammenhængende indsats.",
        "Skolebusordningen gennemgås, så køreplanen passer bedre til skoledagen.",
    ],
    "care": [
        "Flere borgere skal have mulighed for at blive længst muligt i eget hjem.",
        "Genoptræningen samles i et nyt sundhedshus tæt på bymidten.",
        "Parterne vil styrke indsatsen mod ensomhed blandt ældre borgere.",
        "Madservice og træningstilbud skal tilrettelægges i dialog med Ældrerådet.",
        "Det specialiserede socialområde er under pres, og udgifterne følges tæt.",
        "Der afsættes midler til demensvenlige boliger og aflastning af pårørende.",
    ],
    "staff": [
        "Et godt arbejdsklima og et sundt arbejdsmiljø er afgørende for at fastholde dygtige medarbejdere.",
        "Der skal fortsat være fokus på ufrivillig deltid, så flere kan gå op i tid.",
        "Flere medarbejdere skal have mulighed for fuldtid.",
        "Lederne skal have bedre tid til faglig ledelse tæt på medarbejderne.",
        "Sygefraværet skal nedbringes gennem en tidlig og dialogbaseret indsats.",
        "Den seneste trepartsaftale om løn og arbejdsvilkår indgår i lønbudgettet.",
    ],
    "safety": [
        "Borgerne skal opleve tryghed og sikkerhed i det offentlige rum.",
        "Belysningen på stier og ved stationer forbedres for at øge trygheden.",
        "Lokalhusene har stor betydning for sammenhængskraften i lokalsamfundene.",
        "Tilskuddet til lokalhusene hæves, så flere aktiviteter kan finde sted.",
        "SSP-samarbejdet styrkes med en ekstra medarbejder.",
        "Kulturlivet i landsbyerne skal have bedre vilkår.",
    ],
    "economy": [
        "Budgettet er i balance, og kassebeholdningen holdes over det fastsatte minimum.",
        "Skatteprocenten og grundskyldspromillen er uændrede i {Y}.",
        "Aftalen overholder den kommunale serviceramme og anlægsramme.",
        "Der er fortsat en stor usikkerhed om udgifterne på det specialiserede område.",
        "Parterne er enige om at følge økonomien tæt gennem hele året.",
        "Der indarbejdes en central reserve på {A} mio. kr. til uforudsete udgifter.",
        "Den demografiske udvikling betyder flere ældre og flere børn i de kommende år.",
        "Administrationen reduceres svarende til kommunens andel af den aftalte besparelse.",
        "Parterne noterer sig, at økonomiaftalen mellem regeringen og KL giver et begrænset råderum.",
        "Det forventes, at de likvide aktiver i gennemsnit udgør et tilfredsstillende niveau i budgetperioden.",
    ],
    "construction": [
        "Anlægsprogrammet prioriterer vedligeholdelse af veje, broer og kommunale bygninger.",
        "Der afsættes midler til en ny daginstitution i den nordlige del af kommunen.",
        "Idrætshallen udvides med en ekstra sal og nye omklædningsrum.",
        "Cykelstien mellem de to største byer færdiggøres i {Y1}.",
        "Projekteringen af det nye kulturhus begynder i {Y}.",
        "Byfornyelsen i stationsbyerne fortsætter med renovering af torve og pladser.",
    ],
}

# Extra neutral sections that make longer agreements longer.
EXTRA_SECTIONS = {
    "Kultur og fritid": [
        "Bibliotekerne får udvidet den betjente åbningstid i weekenderne.",
        "Musikskolen får et løft, så ventelisterne kan nedbringes.",
        "Tilskuddet til idrætsforeningernes haller og baner reguleres med pris- og lønudviklingen.",
        "Der afsættes midler til en ny kunstgræsbane ved den største idrætsskole.",
        "Byens festival får en treårig driftsaftale, så arrangørerne kan planlægge længere frem.",
        "Museerne skal samarbejde tættere om formidling til skoleklasser.",
        "Svømmehallens åbningstider udvides om morgenen til glæde for motionister.",
    ],
    "Veje og trafik": [
        "Vejvedligeholdelsen løftes, så efterslæbet på asfalt og fortove nedbringes.",
        "Der etableres nye busstoppesteder med overdækning langs de regionale ruter.",
        "Parkeringsforholdene ved stationen forbedres med flere pladser til cykler.",
        "Vintertjenesten gennemgås, så cykelstierne ryddes først.",
        "Hastigheden sænkes på udvalgte veje gennem landsbyerne.",
        "Der afsættes midler til en trafikplan for bymidten.",
        "Den kollektive trafik til yderområderne fastholdes med flextrafik.",
    ],
    "Beskæftigelse og erhverv": [
        "Flere ledige skal hurtigt i job eller uddannelse gennem en tæt kontakt med jobcentret.",
        "Virksomhedsservice skal gøre det let at etablere og drive virksomhed i kommunen.",
        "Unge uden uddannelse skal have en fast kontaktperson.",
        "Der afsættes midler til en turismestrategi i samarbejde med destinationsselskabet.",
        "Erhvervshuset får et fast tilskud til iværksætterrådgivning.",
        "Samarbejdet med uddannelsesinstitutionerne om praktikpladser styrkes.",
        "Indsatsen for borgere på kanten af arbejdsmarkedet skal tage udgangspunkt i den enkeltes ressourcer.",
    ],
    "Bolig og byudvikling": [
        "Der udarbejdes en boligpolitik, der sikrer en blandet bebyggelse i de nye kvarterer.",
        "Byggemodningen af nye parceller fortsætter i de mindre byer.",
        "Der skal være billige boliger til unge under uddannelse.",
        "Kommuneplanen revideres med fokus på byernes sammenhæng med det åbne land.",
        "Tomme butikslokaler i bymidten skal i højere grad bruges til boliger og fællesskaber.",
        "Landsbyerne får en pulje til nedrivning af faldefærdige huse.",
        "Parterne ønsker at fremme almene boliger i alle dele af kommunen.",
    ],
    "Socialområdet": [
        "Udgifterne til botilbud er steget markant, og der gennemføres en analyse af området.",
        "Borgere med handicap skal opleve en mere smidig sagsbehandling.",
        "Der åbnes et nyt bofællesskab for unge med psykiske vanskeligheder.",
        "Indsatsen mod hjemløshed styrkes med flere skæve boliger.",
        "Parterne ønsker at styrke den tidlige indsats for udsatte børn og familier.",
        "Støttecentret for pårørende får et fast tilskud.",
        "Misbrugsbehandlingen skal kunne tilbydes inden for fjorten dage.",
    ],
}

# Sentences that look like a topic to a careless matcher but are not one (see README).
TRAPS = [
    "Spørgsmål til aftalen kan sendes på e-mail til Økonomi og Analyse.",
    "Mange borgere oplever, at brevene fra kommunen er blevet erstattet af mail og sms.",
    "Detailhandlen i bymidten skal have bedre vilkår gennem en ny parkeringsstrategi.",
    "Skolerne skal arbejde målrettet med skoleklima og læringsklima, så alle elever trives.",
    "Der afsættes midler til at forbedre indeklimaet i daginstitutionerne.",
    "Klimaskærmen på rådhuset renoveres i {Y1}.",
    "Erhvervsklimaet i {K} er blandt de bedste i regionen, og det skal fastholdes.",
    "Trafiksikkerheden omkring skolerne skal forbedres med nye cykelstier og hævede flader.",
    "Retssikkerheden for borgere med handicap skal styrkes i sagsbehandlingen.",
    "Forsyningssikkerheden for drikkevand sikres med nye boringer.",
    "Projekteringen af den nye svømmehal varetages af rådgiverfirmaet AIA Byg & Anlæg.",
    "De ældre skolebygninger skal have nye tage og vinduer.",
    "Vi ønsker et godt samarbejdsklima i byrådet, også når vi er uenige.",
    "Vejen frem er et tæt samarbejde med erhvervslivet og uddannelsesinstitutionerne.",
    "Anlægsprojekterne gennemføres i samarbejde med {NB}, hvor det giver mening.",
    "Kommunens sikkerhed og sundhed på arbejdspladserne følges i MED-systemet.",
]

CLOSINGS = [
    "Aftalen er indgået i en god og konstruktiv ånd, og parterne forpligter sig til at stemme for budgettet ved 2. behandlingen.",
    "Aftaleparterne står sammen om aftalen i hele budgetperioden og mødes, hvis der opstår behov for at genforhandle dele af den.",
    "Parterne er enige om at mødes mindst to gange årligt for at følge op på aftalens initiativer.",
]

# Rows of the budget tables (label only; amounts are drawn at random).
TABLE_ROWS_NEUTRAL = [
    "Flere pædagoger i dagtilbud", "Vedligeholdelse af veje og broer", "Ungdomsklubber",
    "Kulturhus, drift", "Bibliotekernes åbningstider", "Tilskud til lokalhuse",
    "Rengøring af kommunale bygninger", "Bedre skolemad", "Vintertjeneste", "Kollektiv trafik",
    "Specialundervisning", "Handicapområdet", "Sundhedspleje", "Naturgenopretning",
    "Stier og belysning", "Bosætningskampagne", "Erhvervsservice", "Musikskolen",
]
TABLE_ROWS_TOPIC = {
    "digitalisation": "Digitaliseringspulje",
    "ai": "Forsøg med AI i administrationen",
    "cyber": "Styrket cybersikkerhed",
    "nis2": "Implementering af NIS2",
    "climate": "Klimatilpasning",
    "green_tripartite": "Sekretariat for lokal trepart",
    "renewable_energy": "Planlægning for vedvarende energi",
    "school": "Folkeskolens kvalitetsprogram",
    "elderly_care": "Faste teams i hjemmeplejen",
    "welfare_technology": "Pulje til velfærdsteknologi",
    "recruitment": "Rekrutteringsindsats",
    "health_reform": "Forberedelse af sundhedsreformen",
    "emergency_preparedness": "Styrket beredskab",
    "civil_society": "Pulje til frivillige foreninger",
}
FEES = [
    "Dagpleje, månedlig takst", "Vuggestue, månedlig takst", "Børnehave, månedlig takst",
    "Skolefritidsordning, 0.-3. klasse", "Klub, 4.-6. klasse", "Frokostordning i børnehave",
    "Madservice, hovedret", "Madservice, biret", "Tøjvask i eget hjem", "Ophold i aflastning, døgn",
    "Musikskole, instrumentalundervisning", "Musikskole, sammenspil", "Svømmehal, voksenbillet",
    "Svømmehal, børnebillet", "Leje af idrætshal, time", "Leje af mødelokale, time",
    "Renovation, helårsbolig", "Renovation, sommerhus", "Genbrugsplads, erhverv", "Vandafledning, m3",
    "Byggesagsgebyr, time", "Parkering i bymidten, time", "Vinduespolering, time",
    "Kørsel til dagcenter, tur", "Kopier og udskrifter, side",
]
BUILDINGS = [
    "Rådhuset", "Vestre Skole", "Søndre Skole", "Nordbyens Skole", "Østervang Skole", "Idrætscentret",
    "Svømmehallen", "Hovedbiblioteket", "Lokalbiblioteket i Nørreby", "Kulturhuset Solgården",
    "Medborgerhuset Lindehuset", "Børnehuset Mælkebøtten", "Vuggestuen Myretuen", "Ungdomshuset",
    "Kulturhuset", "Musikskolen", "Materielgården", "Genbrugspladsen", "Jobcentret", "Sundhedshuset",
    "Aktivitetscentret", "Naturskolen", "Museet", "Borgerservice, Torvet", "Dagcentret Engly",
    "Klubhuset ved stadion", "Medborgerhuset", "Byparken, pavillon",
]
CONSTRUCTION_ROWS = [
    "Ny daginstitution", "Renovering af idrætshal", "Cykelsti", "Byfornyelse i stationsbyer",
    "Renovering af svømmehal", "Nyt kulturhus, projektering", "Kloakering og regnvand",
    "Energirenovering af skoler", "Daginstitution, ombygning", "Trafiksanering",
]

FIRST_NAMES = ["Anne", "Mette", "Lars", "Søren", "Jens", "Hanne", "Peter", "Kirsten", "Michael",
               "Louise", "Rasmus", "Camilla", "Bo", "Pia", "Thomas", "Ida", "Mads", "Lene",
               "Torben", "Signe", "Kasper", "Birgitte", "Jakob", "Nis", "Malene", "Henrik"]
LAST_NAMES = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen",
              "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Olsen", "Thomsen",
              "Poulsen", "Knudsen", "Mortensen", "Møller", "Holm", "Bech", "Lund", "Skov"]
PARTIES = [
    ("Socialdemokratiet", "A"), ("Radikale Venstre", "B"), ("Det Konservative Folkeparti", "C"),
    ("SF – Socialistisk Folkeparti", "F"), ("Liberal Alliance", "I"), ("Dansk Folkeparti", "O"),
    ("Venstre", "V"), ("Enhedslisten", "Ø"), ("Alternativet", "Å"), ("Danmarksdemokraterne", "Æ"),
]
