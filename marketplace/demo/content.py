"""Demo places, organisations and roles: two fictional municipalities and the work on offer there.

Everything here is invented for the demo. Municipality names, CBS codes (GM99xx) and KvK numbers
(99xxxxxx) are deliberately outside the ranges of real ones; descriptions are written at B1 level,
the way a job seeker reads them.
"""

from decimal import Decimal
from typing import NamedTuple

from marketplace.choices import OrganisationKind, RoleKind, RoleStatus
from marketplace.constants import LanguageLevel, Physical, Support, Weekday, flags_from_names
from marketplace.minimum_wage import ADULT_MINIMUM_WAGE

_DAY_CODES = {"ma": Weekday.MON, "di": Weekday.TUE, "wo": Weekday.WED, "do": Weekday.THU,
              "vr": Weekday.FRI, "za": Weekday.SAT, "zo": Weekday.SUN}


def days(text: str) -> int:
    """Weekday flags from Dutch abbreviations: ``"ma wo vr"``; ``"ma-vr"`` is the working week."""
    text = text.replace("ma-vr", "ma di wo do vr")
    return int(sum(_DAY_CODES[code] for code in text.split()))


class MunicipalitySpec(NamedTuple):
    cbs_code: str
    name: str
    contact_email: str


class AreaSpec(NamedTuple):
    digits: str
    cbs_code: str
    neighbourhood: str
    latitude: float
    longitude: float


class OrganisationSpec(NamedTuple):
    key: str
    cbs_code: str
    kind: str
    name: str
    kvk_number: str
    street: str
    postcode: str
    is_employment_organisation: bool = False


class SkillNeed(NamedTuple):
    name_nl: str
    level: int = 1
    required: bool = True


class RoleSpec(NamedTuple):
    organisation: str
    kind: str
    title: str
    description: str
    hours: tuple[int, int]
    weekdays: int
    language: LanguageLevel
    physical: tuple[str, ...]
    support: tuple[str, ...]
    target_rung: int
    places: int
    skills: tuple[SkillNeed, ...]
    hourly_wage: Decimal | None = None
    volunteer_allowance: Decimal | None = None
    status: str = RoleStatus.PUBLISHED
    area: str = ""  # a postcode area when the work is in a neighbourhood rather than at the organisation
    at_requester_address: bool = False

    @property
    def physical_flags(self) -> int:
        return flags_from_names(Physical, self.physical)

    @property
    def support_flags(self) -> int:
        return flags_from_names(Support, self.support)


def need(name_nl: str, level: int = 1) -> SkillNeed:
    return SkillNeed(name_nl, level, True)


def nice(name_nl: str, level: int = 1) -> SkillNeed:
    return SkillNeed(name_nl, level, False)


HAVENSTAD, VEENWIJK = "GM9901", "GM9902"

MUNICIPALITIES: tuple[MunicipalitySpec, ...] = (
    MunicipalitySpec(HAVENSTAD, "Havenstad", "werk@havenstad.example"),
    MunicipalitySpec(VEENWIJK, "Veenwijk", "participatie@veenwijk.example"),
)

# Centres of four-digit postcode areas, laid out in rings of about 1.5 and 3.5 km around each centre.
AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("7411", HAVENSTAD, "Centrum", 52.1583, 4.9817),
    AreaSpec("7412", HAVENSTAD, "Noordkade", 52.1725, 4.9858),
    AreaSpec("7413", HAVENSTAD, "Oostkade", 52.1632, 5.0037),
    AreaSpec("7414", HAVENSTAD, "Stationskwartier", 52.1491, 4.9997),
    AreaSpec("7415", HAVENSTAD, "Zuiderpark", 52.1441, 4.9776),
    AreaSpec("7416", HAVENSTAD, "Westhaven", 52.1534, 4.9597),
    AreaSpec("7417", HAVENSTAD, "De Werven", 52.1675, 4.9637),
    AreaSpec("7418", HAVENSTAD, "Molenwijk", 52.1833, 5.0103),
    AreaSpec("7419", HAVENSTAD, "De Schans", 52.1636, 5.0308),
    AreaSpec("7420", HAVENSTAD, "Rietlanden", 52.1408, 5.0225),
    AreaSpec("7421", HAVENSTAD, "Zuidhoek", 52.1282, 4.9904),
    AreaSpec("7422", HAVENSTAD, "Polderwijk", 52.1333, 4.9531),
    AreaSpec("7423", HAVENSTAD, "Westerveld", 52.1530, 4.9326),
    AreaSpec("7424", HAVENSTAD, "De Dijken", 52.1758, 4.9409),
    AreaSpec("7425", HAVENSTAD, "Noordermeer", 52.1884, 4.9730),
    AreaSpec("7431", VEENWIJK, "Dorpskern", 52.0842, 5.2106),
    AreaSpec("7432", VEENWIJK, "Kerkbuurt", 52.0918, 5.2230),
    AreaSpec("7433", VEENWIJK, "Veenzicht", 52.0766, 5.2230),
    AreaSpec("7434", VEENWIJK, "Molenbuurt", 52.0766, 5.1982),
    AreaSpec("7435", VEENWIJK, "Het Lint", 52.0918, 5.1982),
    AreaSpec("7436", VEENWIJK, "Noordeinde", 52.1094, 5.2106),
    AreaSpec("7437", VEENWIJK, "Veenwijk-Oost", 52.0920, 5.2496),
    AreaSpec("7438", VEENWIJK, "Zuideinde", 52.0638, 5.2347),
    AreaSpec("7439", VEENWIJK, "De Plassen", 52.0638, 5.1865),
    AreaSpec("7440", VEENWIJK, "Westbroek", 52.0920, 5.1716),
)

_E, _A = OrganisationKind.EMPLOYER, OrganisationKind.ASSOCIATION

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec("ziekenhuis", HAVENSTAD, _E, "Ziekenhuis Havenstad", "99010001", "Parklaan 40", "7415 BK"),
    OrganisationSpec("supermarkt", HAVENSTAD, _E, "Supermarkt De Kade", "99010002", "Kadeplein 3", "7413 CM"),
    OrganisationSpec("hotel", HAVENSTAD, _E, "Hotel Havenzicht", "99010003", "Havenstraat 12", "7411 AH"),
    OrganisationSpec("logistiek", HAVENSTAD, _E, "Logistiek Centrum De Schans", "99010004", "Schansweg 18",
                     "7419 PT"),
    OrganisationSpec("werkbedrijf", HAVENSTAD, _E, "Werkbedrijf Havenstad", "99010005", "Industrieweg 5",
                     "7416 GD", is_employment_organisation=True),
    OrganisationSpec("woonzorg", HAVENSTAD, _E, "Woonzorgcentrum De Linde", "99010006", "Lindelaan 2", "7418 LE"),
    OrganisationSpec("woonstichting", HAVENSTAD, _E, "Woonstichting Havenstad Wonen", "99010007",
                     "Stationsplein 8", "7414 AZ"),
    OrganisationSpec("kringloop", HAVENSTAD, _E, "Kringloopwinkel Tweede Ronde", "99010008", "Noordkade 27",
                     "7412 RV"),
    OrganisationSpec("lunchroom", HAVENSTAD, _E, "Lunchroom De Kombuis", "99010009", "Marktstraat 9", "7411 KM"),
    OrganisationSpec("dagcentrum", HAVENSTAD, _E, "Dagcentrum De Werkschuur", "99010010", "Rietlandenweg 60",
                     "7420 HW"),
    OrganisationSpec("zorgboerderij", VEENWIJK, _E, "Zorgboerderij De Veenhoeve", "99020001", "Veenweg 112",
                     "7440 VB"),
    OrganisationSpec("tuincentrum", VEENWIJK, _E, "Tuincentrum Groen Veenwijk", "99020002", "Lintweg 45",
                     "7435 LG"),
    OrganisationSpec("montage", VEENWIJK, _E, "Montagebedrijf Veenstra", "99020003", "Ambachtsweg 7", "7437 AB"),
    OrganisationSpec("wijkvereniging", HAVENSTAD, _A, "Wijkvereniging Oostkade", "99010011", "Kadeplein 15",
                     "7413 CN"),
    OrganisationSpec("voetbal", HAVENSTAD, _A, "Voetbalvereniging HSV Havenstad", "99010012", "Sportparklaan 1",
                     "7422 SP"),
    OrganisationSpec("buurthuis", HAVENSTAD, _A, "Stichting Buurthuis De Ontmoeting", "99010013",
                     "Westerveldplein 4", "7423 WP"),
    OrganisationSpec("dorpsbelang", VEENWIJK, _A, "Vereniging Dorpsbelang Veenwijk", "99020004", "Dorpsstraat 21",
                     "7431 DR"),
    OrganisationSpec("korfbal", VEENWIJK, _A, "Korfbalvereniging Veenwijk", "99020005", "Plassenweg 3", "7439 KP"),
)

WAGE = ADULT_MINIMUM_WAGE  # the latest statutory minimum hourly wage, so that demo placements pass its check
L = LanguageLevel
CT, PT, BD = RoleKind.CARVED_TASK, RoleKind.PART_TIME, RoleKind.BUURTDIENST
BW, DB, VW = RoleKind.BESCHUT_WERK, RoleKind.DAGBESTEDING, RoleKind.VOLUNTEER
DRAFT, FILLED, CLOSED = RoleStatus.DRAFT, RoleStatus.FILLED, RoleStatus.CLOSED

ROLES: tuple[RoleSpec, ...] = (
    # Ziekenhuis Havenstad: carved tasks that take simple work off nurses and secretaries.
    RoleSpec(
        "ziekenhuis", CT, "Bedden opmaken en kamers klaarzetten",
        "Je maakt de bedden op als een patiënt naar huis is gegaan. Je zet de kamer klaar voor de volgende "
        "patiënt: schone handdoeken en water op het nachtkastje. Je werkt samen met de verpleging. "
        "Een collega legt je in de eerste weken alles uit.",
        (12, 20), days("ma-vr"), L.A2, ("long_standing", "walking"), ("job_coach",), 5, 2,
        (need("Bedden opmaken"), nice("Kamers schoonmaken"), nice("Samenwerken in een team")), WAGE,
    ),
    RoleSpec(
        "ziekenhuis", CT, "Linnen sorteren in de linnenkamer",
        "In de linnenkamer sorteer je schone lakens, slopen en handdoeken. Je vouwt ze en legt ze op de "
        "karren voor de afdelingen. Het werk is rustig en steeds hetzelfde.",
        (8, 16), days("ma wo vr"), L.A1, ("long_standing",), ("job_coach",), 5, 2,
        (need("Linnen sorteren en vouwen"),), WAGE,
    ),
    RoleSpec(
        "ziekenhuis", CT, "Maaltijden rondbrengen op de afdeling",
        "Je brengt de maaltijdkarren van de keuken naar de afdelingen. Je zet de maaltijden bij de patiënten "
        "neer en haalt later de lege bladen weer op. Je groet de patiënten en bent vriendelijk.",
        (12, 20), days("ma-vr"), L.A2, ("walking", "long_standing"), (), 5, 2,
        (need("Maaltijden rondbrengen"), nice("Klantvriendelijk zijn")), WAGE,
    ),
    RoleSpec(
        "ziekenhuis", CT, "Patiënten naar de polikliniek brengen",
        "Sommige patiënten kunnen niet zelf lopen. Jij brengt ze in een rolstoel van de afdeling naar de "
        "polikliniek of het laboratorium. Je leert de weg in het ziekenhuis snel. Je praat rustig en "
        "vriendelijk met de patiënten.",
        (16, 24), days("ma-vr"), L.B1, ("walking",), (), 5, 1,
        (need("Rolstoel duwen", 2), nice("Gezelschap bieden")), Decimal("14.71"),
    ),
    RoleSpec(
        "ziekenhuis", CT, "Interne post rondbrengen",
        "Twee keer per dag haal je de post op bij de postkamer. Je sorteert de post per afdeling en brengt "
        "hem rond. Je neemt ook pakjes mee terug. Je loopt veel door het gebouw.",
        (8, 12), days("ma di do"), L.A2, ("walking", "stairs"), (), 5, 1,
        (need("Post sorteren en rondbrengen"),), WAGE,
    ),
    RoleSpec(
        "ziekenhuis", PT, "Medewerker archief scannen",
        "Je scant oude papieren dossiers en zet ze in het computersysteem. Je controleert of elke pagina goed "
        "leesbaar is. Je werkt op een rustige plek op kantoor.",
        (16, 24), days("ma di wo do"), L.B1, (), ("flexible_hours",), 6, 1,
        (need("Kopiëren en scannen", 2), need("Basisvaardigheden computer"), nice("Archiveren")),
        Decimal("15.10"), status=DRAFT,
    ),
    RoleSpec(
        "ziekenhuis", VW, "Gastvrouw of gastheer bij de hoofdingang",
        "Je heet bezoekers welkom bij de hoofdingang. Je wijst de weg naar de afdelingen en helpt mensen met "
        "een rolstoel. Je werkt in een team van vrijwilligers en krijgt een vrijwilligersvergoeding.",
        (4, 8), days("ma-vr"), L.B1, ("long_standing",), (), 4, 3,
        (need("Gasten ontvangen"), nice("Klantvriendelijk zijn")), volunteer_allowance=Decimal("60.00"),
    ),
    # Supermarkt De Kade.
    RoleSpec(
        "supermarkt", CT, "Winkelwagens verzamelen",
        "Je haalt de winkelwagens op van het parkeerterrein en zet ze terug bij de ingang. Je houdt de plek "
        "bij de ingang netjes. Je werkt buiten, ook als het regent. Je werkt samen met een vaste collega.",
        (8, 12), days("ma wo vr za"), L.A1, ("walking", "outdoor"), (), 5, 2,
        (need("Winkelwagens verzamelen"),), WAGE,
    ),
    RoleSpec(
        "supermarkt", PT, "Vakkenvuller in de avond",
        "Na sluitingstijd vul je de schappen met nieuwe producten. Je zet de oudste producten naar voren. "
        "Je werkt in een klein team met een vaste leidinggevende. Sommige dozen zijn zwaar.",
        (12, 20), days("ma-vr"), L.A2, ("heavy_lifting", "long_standing"), (), 6, 3,
        (need("Vakken vullen", 2), nice("Schappen spiegelen"), nice("Werken volgens een planning")), WAGE,
    ),
    RoleSpec(
        "supermarkt", CT, "Houdbaarheid controleren bij zuivel en vleeswaren",
        "Elke ochtend controleer je de datum op zuivel en vleeswaren. Producten die bijna over de datum zijn, "
        "krijgen een sticker met korting. Je werkt zorgvuldig en in je eigen tempo.",
        (8, 12), days("ma di do za"), L.A2, ("long_standing",), ("job_coach",), 5, 1,
        (need("Houdbaarheid controleren"), nice("Vakken vullen")), WAGE,
    ),
    RoleSpec(
        "supermarkt", CT, "Lege flessen en kratten verwerken",
        "Je haalt de kratten uit de statiegeldautomaat. Je sorteert de flessen en stapelt de kratten in het "
        "magazijn. Het werk is achter de schermen: je hoeft niet met klanten te praten.",
        (8, 16), days("di do za"), L.A1, ("heavy_lifting", "long_standing"), ("job_coach",), 5, 1,
        (need("Afval scheiden"), nice("Pallets stapelen")), WAGE,
    ),
    RoleSpec(
        "supermarkt", PT, "Kassamedewerker op zaterdag",
        "Op zaterdag werk je achter de kassa. Je rekent af met klanten en helpt ze vriendelijk. Je krijgt eerst "
        "een training van twee dagen. Je praat veel met klanten, dus je spreekt goed Nederlands.",
        (6, 10), days("za"), L.B1, ("long_standing",), (), 6, 2,
        (need("Kassawerk"), need("Klantvriendelijk zijn", 2)), WAGE, status=FILLED,
    ),
    RoleSpec(
        "supermarkt", CT, "Schappen spiegelen aan het eind van de dag",
        "Aan het eind van de dag zet je de producten netjes vooraan in het schap. Zo ziet de winkel er weer "
        "opgeruimd uit. Je loopt door de hele winkel en werkt rustig en nauwkeurig.",
        (6, 10), days("ma-vr"), L.A1, ("walking", "long_standing"), ("buddy",), 5, 1,
        (need("Schappen spiegelen"),), WAGE,
    ),
    # Hotel Havenzicht.
    RoleSpec(
        "hotel", PT, "Kamers schoonmaken in de ochtend",
        "Je maakt hotelkamers schoon als de gasten weg zijn. Je verschoont de bedden, maakt de badkamer schoon "
        "en zuigt de vloer. Je werkt met een vaste lijst, zodat je precies weet wat je moet doen.",
        (12, 20), days("ma wo vr za zo"), L.A1, ("long_standing", "walking", "stairs"), ("language",), 6, 3,
        (need("Kamers schoonmaken", 2), need("Bedden opmaken", 2), nice("Sanitair schoonmaken")), WAGE,
    ),
    RoleSpec(
        "hotel", CT, "Ontbijtzaal klaarzetten en afruimen",
        "Voor het ontbijt dek je de tafels en vul je het buffet aan. Na het ontbijt ruim je de tafels af en zet "
        "je alles klaar voor de volgende dag. Je begint vroeg, om half zeven.",
        (10, 15), days("ma-vr"), L.A2, ("long_standing", "walking"), (), 5, 2,
        (need("Tafels dekken en afruimen"), nice("Koffie en thee schenken"), nice("Klantvriendelijk zijn")),
        WAGE,
    ),
    RoleSpec(
        "hotel", CT, "Afwassen in de hotelkeuken",
        "Je wast borden, pannen en bestek af met de vaatwasmachine. Je zet alles schoon terug op de goede plek. "
        "In de keuken is het soms warm en druk. De kok legt je uit hoe de machine werkt.",
        (12, 20), days("wo do vr za zo"), L.A1, ("long_standing", "noise"), ("language",), 5, 2,
        (need("Afwassen"), nice("Hygiëneregels in de keuken")), WAGE,
    ),
    RoleSpec(
        "hotel", CT, "Handdoeken en linnen vouwen",
        "Je vouwt schone handdoeken, badjassen en lakens. Je telt ze en legt ze klaar voor de schoonmakers. "
        "Je werkt in de linnenkamer, waar het rustig is. Je kunt zittend en staand werken.",
        (8, 12), days("ma wo vr"), L.A1, (), ("adapted_workplace",), 5, 1,
        (need("Linnen sorteren en vouwen"),), WAGE, status=CLOSED,
    ),
    RoleSpec(
        "hotel", PT, "Medewerker receptie in het weekend",
        "In het weekend ontvang je gasten bij de receptie. Je checkt ze in en vertelt over het hotel. Je neemt "
        "de telefoon op. Je spreekt goed Nederlands en een beetje Engels.",
        (8, 16), days("za zo"), L.B2, ("long_standing",), (), 6, 1,
        (need("Gasten ontvangen", 2), need("Telefoon aannemen", 2), need("Basisvaardigheden computer")),
        Decimal("15.20"),
    ),
    # Logistiek Centrum De Schans.
    RoleSpec(
        "logistiek", PT, "Orderpicker in de ochtendploeg",
        "Je verzamelt producten in het magazijn met een handscanner. De scanner laat zien welk product je moet "
        "pakken en waar het ligt. Je zet de producten op een rolcontainer. Je werkt van 7 tot 12 uur.",
        (20, 25), days("ma-vr"), L.A2, ("heavy_lifting", "walking", "long_standing"), ("language",), 6, 4,
        (need("Orders verzamelen"), need("Werken met een handscanner"),
         nice("Rijden met een elektrische palletwagen")), Decimal("14.90"),
    ),
    RoleSpec(
        "logistiek", CT, "Retouren controleren",
        "Klanten sturen soms producten terug. Jij pakt de retourdozen uit en kijkt of het product heel is. "
        "Je scant het product en legt het op de goede plek. Je werkt aan een vaste tafel.",
        (12, 20), days("ma di wo do"), L.A2, (), ("job_coach",), 5, 2,
        (need("Goederen ontvangen en controleren"), nice("Werken met een handscanner")), WAGE,
    ),
    RoleSpec(
        "logistiek", CT, "Pakketten inpakken",
        "Je pakt bestellingen in dozen en plakt er een label op. Je let op dat er niets kapot kan gaan. "
        "Je werkt aan een eigen inpaktafel en er is een vaste werkbegeleider.",
        (12, 24), days("ma-vr"), L.A1, ("long_standing",), ("job_coach", "language"), 5, 3,
        (need("Pakketten inpakken"),), WAGE,
    ),
    RoleSpec(
        "logistiek", PT, "Medewerker goederenontvangst",
        "Je lost vrachtwagens met een elektrische palletwagen. Je controleert of de levering klopt met de "
        "pakbon. Je zet de pallets op de juiste plek in het magazijn.",
        (24, 32), days("ma-vr"), L.B1, ("heavy_lifting", "noise"), (), 6, 1,
        (need("Goederen ontvangen en controleren", 2), need("Rijden met een elektrische palletwagen", 2),
         nice("Pallets stapelen", 2)), Decimal("15.60"),
    ),
    RoleSpec(
        "logistiek", CT, "Karton en plastic scheiden",
        "Je verzamelt karton en plastic in het magazijn. Je doet het karton in de persmachine en het plastic in "
        "de goede container. Zo blijft het magazijn opgeruimd. Je loopt veel en werkt deels buiten.",
        (8, 16), days("ma wo vr"), L.A1, ("walking", "outdoor", "noise"), ("job_coach",), 5, 1,
        (need("Afval scheiden"),), WAGE, status=DRAFT,
    ),
    # Werkbedrijf Havenstad: sheltered work and the municipality's own buurtdiensten.
    RoleSpec(
        "werkbedrijf", BW, "Montagewerk in de werkplaats",
        "Je zet kleine onderdelen in elkaar, bijvoorbeeld stekkers of lampjes. Je werkt in een rustige hal met "
        "een vaste groep collega's. Een werkleider legt alles rustig uit. Je werkt in je eigen tempo.",
        (16, 32), days("ma-vr"), L.A1, ("fine_motor",), ("sheltered", "job_coach", "adapted_workplace"), 5, 6,
        (need("Montagewerk"), nice("Samenwerken in een team")), WAGE,
    ),
    RoleSpec(
        "werkbedrijf", BW, "Inpakwerk voor bedrijven",
        "Je pakt producten in voor bedrijven uit de regio, zoals kaarsen of folders. Je telt de producten en "
        "doet ze in dozen. De werkplek is aangepast en er is altijd begeleiding. Je kunt zitten tijdens het werk.",
        (12, 32), days("ma-vr"), L.A0, ("fine_motor",), ("sheltered", "adapted_workplace"), 5, 8,
        (need("Pakketten inpakken"),), WAGE,
    ),
    RoleSpec(
        "werkbedrijf", BW, "Fietsenwerkplaats",
        "In de fietsenwerkplaats maak je gebruikte fietsen weer rijklaar. Je plakt banden, stelt remmen af en "
        "vervangt kettingen. Je leert het vak van een ervaren fietsenmaker.",
        (16, 28), days("ma di wo do"), L.A1, ("fine_motor",), ("sheltered", "job_coach"), 5, 3,
        (need("Fietsen repareren"), nice("Handgereedschap gebruiken")), WAGE,
    ),
    RoleSpec(
        "werkbedrijf", BW, "Groenploeg met begeleiding",
        "Je werkt in een vaste groenploeg in de parken van Havenstad. Je wiedt onkruid, harkt bladeren en maait "
        "gras. Een voorman is er altijd bij. Je krijgt werkkleding en een busje brengt je naar het werk.",
        (16, 32), days("ma-vr"), L.A1, ("outdoor", "walking"), ("sheltered", "transport"), 5, 6,
        (need("Onkruid wieden"), nice("Bladeren ruimen"), nice("Gras maaien")), WAGE,
    ),
    RoleSpec(
        "werkbedrijf", BD, "Groenonderhoud in de wijk",
        "Samen met een collega houd je de straten en plantsoenen in De Werven netjes. Je wiedt onkruid, snoeit "
        "kleine struiken en prikt zwerfafval. Bewoners kennen je: je bent een bekend gezicht in de buurt.",
        (12, 24), days("ma-vr"), L.A1, ("outdoor", "walking"), ("job_coach",), 5, 4,
        (need("Onkruid wieden"), need("Zwerfafval prikken"), nice("Heggen snoeien")), WAGE, area="7417",
    ),
    RoleSpec(
        "werkbedrijf", BD, "Klussendienst voor ouderen",
        "Je helpt oudere bewoners van de Molenwijk met kleine klussen in huis. Denk aan een lamp vervangen, een "
        "gordijnrail ophangen of een kast in elkaar zetten. Je werkt met z'n tweeën. Een coördinator plant "
        "de klussen.",
        (12, 20), days("ma-vr"), L.A2, ("stairs", "walking"), ("job_coach",), 5, 2,
        (need("Kleine reparaties", 2), need("Lampen vervangen"), nice("Meubels in elkaar zetten")),
        Decimal("14.71"), area="7418", at_requester_address=True,
    ),
    RoleSpec(
        "werkbedrijf", BD, "Zwerfafval opruimen rond de haven",
        "Je prikt zwerfafval langs de kades en in de parken rond de haven. Je werkt met een grijper en een "
        "afvalzak. Je kiest samen met de coördinator je route. Je werkt buiten, in elk seizoen.",
        (8, 16), days("ma wo vr"), L.A0, ("outdoor", "walking"), ("buddy",), 4, 4,
        (need("Zwerfafval prikken"),), WAGE, area="7412",
    ),
    RoleSpec(
        "werkbedrijf", BD, "Boodschappenhulp voor buurtbewoners",
        "Je doet boodschappen voor buurtbewoners die dat zelf niet meer kunnen. Je haalt het lijstje op, gaat "
        "naar de winkel en brengt de boodschappen thuis. Je maakt ook even een praatje.",
        (8, 16), days("ma di do vr"), L.A2, ("walking", "outdoor"), (), 5, 3,
        (need("Boodschappen doen voor anderen"), nice("Gezelschap bieden")), WAGE, area="7421",
        at_requester_address=True,
    ),
    RoleSpec(
        "werkbedrijf", CT, "Gereedschap en materiaal uitgeven",
        "In de ochtend geef je het gereedschap uit aan de groenploegen. Aan het eind van de dag kijk je of alles "
        "terug is en maak je het schoon. Je houdt een lijst bij op de computer.",
        (16, 24), days("ma-vr"), L.A2, (), ("adapted_workplace",), 5, 1,
        (need("Materiaal beheren"), nice("Handgereedschap gebruiken"), nice("Basisvaardigheden computer")),
        WAGE,
    ),
    # Woonzorgcentrum De Linde.
    RoleSpec(
        "woonzorg", CT, "Koffie schenken in het restaurant",
        "In het restaurant van De Linde schenk je koffie en thee voor bewoners en bezoekers. Je ruimt de tafels "
        "af en maakt ze schoon. Je maakt een praatje met de bewoners. Het is een rustige, gezellige plek.",
        (8, 16), days("ma-vr"), L.A2, ("long_standing",), ("buddy",), 5, 2,
        (need("Koffie en thee schenken"), nice("Tafels dekken en afruimen"), nice("Gezelschap bieden")), WAGE,
    ),
    RoleSpec(
        "woonzorg", VW, "Wandelmaatje voor bewoners",
        "Je gaat wandelen met een bewoner, in de tuin of in het park. Sommige bewoners zitten in een rolstoel. "
        "Je bent een vast maatje, een of twee keer per week. Je krijgt een korte training.",
        (2, 6), days("ma-vr za zo"), L.A2, ("walking", "outdoor"), (), 4, 6,
        (need("Wandelen met bewoners"), nice("Rolstoel duwen")), volunteer_allowance=Decimal("35.00"),
    ),
    RoleSpec(
        "woonzorg", VW, "Helpen bij de spelmiddag",
        "Op woensdag en vrijdag is er een spelmiddag voor bewoners. Jij zet de spellen klaar, schenkt koffie "
        "en speelt mee. Je helpt bewoners die niet goed kunnen zien of horen.",
        (4, 6), days("wo vr"), L.A2, (), (), 4, 3,
        (need("Helpen bij activiteiten"), nice("Gezelschap bieden")), volunteer_allowance=Decimal("35.00"),
    ),
    RoleSpec(
        "woonzorg", CT, "Was van bewoners rondbrengen",
        "De schone was van bewoners komt terug van de wasserij. Jij sorteert de kleding op naam en brengt die "
        "naar de kamers. Je werkt zorgvuldig, want het zijn persoonlijke spullen.",
        (8, 16), days("ma wo vr"), L.A2, ("walking",), ("job_coach",), 5, 1,
        (need("Linnen sorteren en vouwen"), nice("Klantvriendelijk zijn")), WAGE,
    ),
    RoleSpec(
        "woonzorg", PT, "Medewerker huishouding",
        "Je maakt de appartementen van bewoners schoon. Je stofzuigt, dweilt en maakt de badkamer schoon. "
        "Je werkt volgens een vast schema en hebt vaste bewoners. Je bent rustig en respectvol.",
        (16, 24), days("ma-vr"), L.A2, ("long_standing", "walking"), (), 6, 2,
        (need("Stofzuigen en dweilen", 2), need("Sanitair schoonmaken", 2),
         nice("Schoonmaakmiddelen veilig gebruiken")), Decimal("14.71"),
    ),
    RoleSpec(
        "woonzorg", VW, "Maaltijden rondbrengen bij ouderen thuis",
        "Tussen 11 en 13 uur breng je warme maaltijden naar ouderen in de buurt. Je fietst met een koelbox of "
        "rijdt mee in de bus. Aan de deur zie je ook of het goed gaat met de mensen.",
        (2, 6), days("ma-vr"), L.A2, ("walking", "outdoor", "stairs"), (), 4, 4,
        (need("Maaltijden rondbrengen"), nice("Klantvriendelijk zijn")), volunteer_allowance=Decimal("45.00"),
    ),
    # Woonstichting Havenstad Wonen.
    RoleSpec(
        "woonstichting", CT, "Portieken schoonmaken",
        "Je maakt de trappenhuizen en portieken van flats schoon. Je veegt, dweilt en haalt spinnenwebben weg. "
        "Je werkt met een collega en een vaste route langs de flats.",
        (16, 24), days("ma-vr"), L.A1, ("stairs", "walking", "long_standing"), ("job_coach",), 5, 3,
        (need("Stofzuigen en dweilen"), nice("Schoonmaakmiddelen veilig gebruiken")), WAGE,
    ),
    RoleSpec(
        "woonstichting", CT, "Post en archief op kantoor",
        "Je opent de post en verdeelt die over de afdelingen. Je scant brieven en zet ze in het digitale "
        "archief. Je werkt op het kantoor bij het station. Je werkt nauwkeurig.",
        (12, 16), days("ma di do"), L.B1, (), ("flexible_hours",), 5, 1,
        (need("Post openen en verdelen"), need("Kopiëren en scannen"), nice("Archiveren")), Decimal("14.71"),
    ),
    RoleSpec(
        "woonstichting", PT, "Assistent huismeester",
        "Je helpt de huismeester in de flats. Je verhelpt kleine storingen, vervangt lampen in de gangen en "
        "meldt grotere problemen. Bewoners kunnen je vragen stellen. Je bent handig met gereedschap.",
        (24, 32), days("ma-vr"), L.B1, ("stairs", "walking"), (), 6, 1,
        (need("Kleine reparaties", 2), need("Lampen vervangen", 2), nice("Klantvriendelijk zijn", 2)),
        Decimal("15.40"),
    ),
    RoleSpec(
        "woonstichting", CT, "Vergaderzalen klaarzetten",
        "Je zet de vergaderzalen klaar: stoelen op de goede plek, koffie en water op tafel. Na de vergadering "
        "ruim je alles weer op. In de planning zie je welke zalen je moet doen.",
        (8, 12), days("ma-vr"), L.A2, ("walking",), ("buddy",), 5, 1,
        (need("Vergaderzalen klaarzetten"), nice("Werken volgens een planning")), WAGE, status=FILLED,
    ),
    RoleSpec(
        "woonstichting", BD, "Tuinhulp voor huurders",
        "Sommige huurders kunnen hun tuin niet meer zelf bijhouden. Jij maait het gras, knipt de heg en haalt "
        "onkruid weg. Je werkt samen met een collega. De woonstichting zorgt voor het gereedschap.",
        (8, 16), days("ma di wo do"), L.A1, ("outdoor", "walking"), ("job_coach",), 5, 2,
        (need("Gras maaien"), need("Heggen snoeien"), nice("Onkruid wieden")), WAGE, area="7422",
        at_requester_address=True,
    ),
    # Kringloopwinkel Tweede Ronde.
    RoleSpec(
        "kringloop", BW, "Kleding sorteren in de kringloop",
        "Je sorteert gebrachte kleding: wat kan de winkel in en wat gaat naar de textielbak? Je hangt de "
        "kleding op hangers en zet er een prijs op. Je werkt in een vast team met een begeleider.",
        (16, 28), days("ma-vr"), L.A1, ("long_standing",), ("sheltered", "job_coach"), 5, 4,
        (need("Kleding sorteren en prijzen"),), WAGE,
    ),
    RoleSpec(
        "kringloop", CT, "Bijrijder bij de ophaaldienst",
        "Je rijdt mee in de bus om spullen op te halen bij mensen thuis. Samen met de chauffeur draag je kasten, "
        "stoelen en dozen naar de bus. Het werk is zwaar, maar afwisselend.",
        (16, 24), days("di wo do vr za"), L.A2, ("heavy_lifting", "stairs", "outdoor"), (), 5, 2,
        (need("Klantvriendelijk zijn"), need("Samenwerken in een team"), nice("Interne verhuizingen")), WAGE,
    ),
    RoleSpec(
        "kringloop", PT, "Kassamedewerker kringloopwinkel",
        "Je werkt achter de kassa van de kringloopwinkel. Je rekent af, pakt spullen in en beantwoordt vragen "
        "van klanten. Het kassasysteem is eenvoudig. Er is altijd een collega in de winkel.",
        (12, 20), days("wo do vr za"), L.B1, ("long_standing",), (), 6, 2,
        (need("Kassawerk"), need("Klanten helpen")), WAGE,
    ),
    RoleSpec(
        "kringloop", VW, "Elektrische apparaten testen",
        "Je test gebrachte apparaten zoals waterkokers, lampen en radio's. Werkt het apparaat veilig? Dan gaat "
        "het naar de winkel. Een ervaren vrijwilliger leert je hoe je test.",
        (4, 8), days("di do"), L.A2, ("fine_motor",), (), 4, 2,
        (need("Kleine reparaties"), nice("Handgereedschap gebruiken")), volunteer_allowance=Decimal("40.00"),
    ),
    RoleSpec(
        "kringloop", CT, "Meubels schoonmaken en klaarzetten",
        "Je maakt gebruikte meubels schoon voordat ze de winkel in gaan. Je draait losse schroeven vast en zet "
        "de meubels mooi neer. Je werkt in je eigen tempo.",
        (8, 16), days("ma wo vr"), L.A1, ("heavy_lifting",), ("job_coach",), 5, 1,
        (need("Meubels in elkaar zetten"), nice("Stofzuigen en dweilen")), WAGE, status=CLOSED,
    ),
    # Lunchroom De Kombuis: a learning workplace.
    RoleSpec(
        "lunchroom", CT, "Broodjes smeren voor de lunch",
        "Elke ochtend maak je verse broodjes voor de lunch. Je belegt de broodjes volgens een vast voorbeeld. "
        "Je werkt schoon en volgens de hygiëneregels. De Kombuis is een leerwerkplek: fouten maken mag.",
        (12, 20), days("ma-vr"), L.A1, ("long_standing",), ("job_coach", "language"), 5, 3,
        (need("Broodjes smeren"), nice("Hygiëneregels in de keuken"), nice("Groente snijden")), WAGE,
    ),
    RoleSpec(
        "lunchroom", CT, "Groente snijden voor de soep",
        "Je wast en snijdt groente voor de soep van de dag. De kok laat je zien hoe je veilig met een mes "
        "werkt. Je werkt in een kleine, gezellige keuken.",
        (8, 12), days("ma wo vr"), L.A1, ("long_standing", "fine_motor"), ("job_coach",), 5, 1,
        (need("Groente snijden"), nice("Hygiëneregels in de keuken")), WAGE,
    ),
    RoleSpec(
        "lunchroom", PT, "Bediening in de lunchroom",
        "Je neemt bestellingen op, brengt koffie en lunch naar de tafels en rekent af. Je werkt in een klein "
        "team. Je praat veel met gasten. Je werkt tussen 10 en 16 uur.",
        (16, 24), days("di wo do vr za"), L.B1, ("long_standing", "walking"), ("buddy",), 6, 2,
        (need("Gasten ontvangen"), need("Koffie en thee schenken", 2), nice("Kassawerk")), Decimal("14.71"),
    ),
    RoleSpec(
        "lunchroom", CT, "Afwassen en keuken opruimen",
        "Na de lunch was je af en ruim je de keuken op. Je maakt het aanrecht en de vloer schoon. Na een paar "
        "dagen weet je waar alles staat. Je werkt van 14 tot 17 uur.",
        (8, 15), days("ma-vr"), L.A0, ("long_standing",), ("language",), 5, 1,
        (need("Afwassen"), nice("Stofzuigen en dweilen")), WAGE,
    ),
    # Dagcentrum De Werkschuur: day activities, no wage.
    RoleSpec(
        "dagcentrum", DB, "Houtwerkplaats",
        "In de houtwerkplaats maak je vogelhuisjes, plantenbakken en speelgoed van hout. Je leert zagen, "
        "schuren en schilderen. Je werkt in een kleine groep met een vaste begeleider.",
        (4, 16), days("ma-vr"), L.A0, ("fine_motor",), ("sheltered", "job_coach"), 3, 6,
        (nice("Handgereedschap gebruiken"), nice("Schilderen")),
    ),
    RoleSpec(
        "dagcentrum", DB, "Kookgroep: lunch voor de groep",
        "Met een kleine groep kook je de lunch voor alle bezoekers. Je doet samen boodschappen, snijdt groente "
        "en dekt de tafel. Er is altijd een begeleider bij. Samen eten is het mooiste moment van de dag.",
        (4, 12), days("ma wo vr"), L.A0, ("long_standing",), ("sheltered",), 3, 5,
        (nice("Groente snijden"), nice("Tafels dekken en afruimen")),
    ),
    RoleSpec(
        "dagcentrum", DB, "Tuingroep",
        "In de tuin van De Werkschuur kweek je groente en bloemen. Je zaait, geeft water en oogst. De groente "
        "gaat naar de kookgroep. Je werkt buiten en in de kas, in je eigen tempo.",
        (4, 12), days("di do"), L.A0, ("outdoor",), ("sheltered",), 3, 6,
        (nice("Moestuin onderhouden"), nice("Planten water geven")),
    ),
    RoleSpec(
        "dagcentrum", DB, "Creatief atelier",
        "In het atelier maak je kaarten, schilderijen en kleine cadeaus voor de markt. Je werkt aan tafel in een "
        "rustige ruimte. Je bent welkom, ook als je nog niet weet wat je kunt.",
        (4, 8), days("ma wo"), L.A0, ("fine_motor",), ("sheltered",), 3, 8,
        (nice("Schilderen"),), status=DRAFT,
    ),
    # Zorgboerderij De Veenhoeve (Veenwijk).
    RoleSpec(
        "zorgboerderij", DB, "Meewerken op de zorgboerderij",
        "Op de boerderij verzorg je de dieren: je geeft de kippen en geiten eten en maakt de stallen schoon. "
        "Je werkt buiten, met een vaste groep. De boer en een begeleider zijn er altijd bij.",
        (4, 16), days("ma-vr"), L.A0, ("outdoor", "walking"), ("sheltered", "transport"), 3, 8,
        (nice("Samenwerken in een team"),),
    ),
    RoleSpec(
        "zorgboerderij", BW, "Boerderijwinkel: vakken vullen en inpakken",
        "In de boerderijwinkel vul je de schappen met eieren, jam en groente van het land. Je pakt ook "
        "pakketten in voor klanten. Er is een vaste begeleider in de winkel. Het werk is rustig.",
        (12, 24), days("di wo do vr za"), L.A1, ("long_standing",), ("sheltered", "job_coach"), 5, 3,
        (need("Vakken vullen"), nice("Pakketten inpakken")), WAGE,
    ),
    RoleSpec(
        "zorgboerderij", BW, "Moestuin en kas",
        "Je werkt in de moestuin en de kas van De Veenhoeve. Je zaait, wiedt en oogst groente voor de winkel. "
        "Je leert veel over planten. Je werkt buiten en in de kas, met begeleiding.",
        (16, 28), days("ma di wo do"), L.A1, ("outdoor", "walking"), ("sheltered", "transport"), 5, 4,
        (need("Moestuin onderhouden"), nice("Onkruid wieden"), nice("Planten water geven")), WAGE,
    ),
    RoleSpec(
        "zorgboerderij", VW, "Vrijwilliger bij de boerderijkoffie",
        "Op zaterdag is de boerderij open voor bezoekers. Je schenkt koffie en thee en serveert taart. Je houdt "
        "de tafels schoon. Het is een gezellige dag met veel gezinnen.",
        (4, 6), days("za"), L.A2, ("long_standing",), (), 4, 2,
        (need("Koffie en thee schenken"), nice("Gasten ontvangen")), volunteer_allowance=Decimal("30.00"),
    ),
    # Tuincentrum Groen Veenwijk.
    RoleSpec(
        "tuincentrum", CT, "Planten water geven en verzorgen",
        "Je geeft de planten in de kas en buiten water. Je haalt dode bladeren weg en zet de planten netjes op "
        "een rij. Je leert welke planten veel of weinig water nodig hebben.",
        (12, 20), days("ma di wo do vr za"), L.A1, ("walking", "long_standing"), ("job_coach",), 5, 2,
        (need("Planten water geven"), nice("Onkruid wieden")), WAGE,
    ),
    RoleSpec(
        "tuincentrum", PT, "Winkelmedewerker tuincentrum",
        "Je helpt klanten bij het kiezen van planten en tuinspullen. Je vult de schappen aan en werkt soms "
        "achter de kassa. In het voorjaar is het druk. Je werkt graag met mensen en met planten.",
        (16, 24), days("wo do vr za"), L.B1, ("long_standing", "heavy_lifting"), (), 6, 2,
        (need("Klanten helpen", 2), need("Vakken vullen"), nice("Kassawerk")), Decimal("14.71"),
    ),
    RoleSpec(
        "tuincentrum", CT, "Winkelwagens en karren terugzetten",
        "Klanten laten karren en winkelwagens op het parkeerterrein staan. Jij haalt ze op en zet ze terug bij "
        "de ingang. Je houdt ook de ingang netjes. Je werkt buiten.",
        (6, 12), days("vr za zo"), L.A1, ("outdoor", "walking"), (), 5, 1,
        (need("Winkelwagens verzamelen"),), WAGE,
    ),
    RoleSpec(
        "tuincentrum", CT, "Potgrond en zakken aanvullen",
        "Je vult de voorraad potgrond en mest aan op het plein. Je rijdt met een palletwagen en stapelt de "
        "zakken netjes. Het werk is zwaar en je werkt buiten. Een vaste collega helpt je.",
        (12, 20), days("ma wo vr za"), L.A1, ("heavy_lifting", "outdoor"), (), 5, 1,
        (need("Pallets stapelen"), nice("Rijden met een elektrische palletwagen")), WAGE,
    ),
    # Montagebedrijf Veenstra.
    RoleSpec(
        "montage", CT, "Onderdelen sorteren en tellen",
        "Je sorteert kleine metalen onderdelen zoals bouten en moeren. Je telt ze en doet ze in zakjes voor de "
        "monteurs. Je werkt aan een vaste tafel in de hal. Het is soms lawaaiig; je krijgt gehoorbescherming.",
        (16, 24), days("ma-vr"), L.A1, ("fine_motor", "noise"), ("job_coach", "adapted_workplace"), 5, 2,
        (need("Montagewerk"), nice("Werken volgens een planning")), WAGE,
    ),
    RoleSpec(
        "montage", PT, "Medewerker montage",
        "Je monteert onderdelen voor landbouwmachines volgens een werktekening. Je werkt met handgereedschap en "
        "een accuboormachine. Een ervaren monteur leert je het werk. Na een half jaar kan je contract vast worden.",
        (24, 32), days("ma-vr"), L.A2, ("fine_motor", "noise", "long_standing"), ("language",), 6, 2,
        (need("Montagewerk", 2), need("Handgereedschap gebruiken", 2), nice("Samenwerken in een team")),
        Decimal("15.80"),
    ),
    RoleSpec(
        "montage", CT, "Kantine en kleedruimte schoonhouden",
        "Je maakt de kantine, toiletten en kleedruimtes schoon. Je vult de koffieautomaat bij en zorgt voor "
        "schone handdoeken. Je begint vroeg, voor de ploeg begint. Je werkt met een takenlijst.",
        (8, 12), days("ma-vr"), L.A1, ("long_standing",), (), 5, 1,
        (need("Sanitair schoonmaken"), nice("Koffieautomaten bijvullen")), WAGE,
    ),
    # Wijkvereniging Oostkade.
    RoleSpec(
        "wijkvereniging", BD, "Buurtconciërge Oostkade",
        "Je bent de vaste conciërge van de buurt. Je houdt speelplekken en het buurthuis netjes. Je meldt kapotte "
        "lampen en losse stoeptegels bij de gemeente. Bewoners komen bij je met een vraag of een klein klusje.",
        (16, 24), days("ma-vr"), L.B1, ("walking", "outdoor"), (), 5, 1,
        (need("Kleine reparaties"), nice("Zwerfafval prikken"), nice("Klantvriendelijk zijn")),
        Decimal("14.71"), area="7413",
    ),
    RoleSpec(
        "wijkvereniging", BD, "Ramen wassen bij ouderen",
        "Je wast de ramen aan de binnenkant en de buitenkant bij oudere bewoners van Oostkade. Je werkt met een "
        "trapje en een wisser. De vereniging plant de adressen en je werkt met een vaste collega.",
        (4, 8), days("di do"), L.A1, ("stairs", "outdoor"), (), 4, 2,
        (need("Ramen wassen"),), volunteer_allowance=Decimal("80.00"), area="7413", at_requester_address=True,
    ),
    RoleSpec(
        "wijkvereniging", VW, "Vrijwilliger buurtmaaltijd",
        "Eens per week kookt de wijkvereniging een maaltijd voor buurtbewoners. Jij helpt met koken, tafels "
        "dekken en afwassen. Je ontmoet veel mensen uit de buurt. De maaltijd is op donderdagavond.",
        (3, 5), days("do"), L.A1, ("long_standing",), (), 4, 4,
        (need("Tafels dekken en afruimen"), nice("Afwassen"), nice("Groente snijden")),
        volunteer_allowance=Decimal("25.00"),
    ),
    # Voetbalvereniging HSV Havenstad.
    RoleSpec(
        "voetbal", VW, "Kantinedienst op zaterdag",
        "Op zaterdag draai je een dienst in de kantine van de club. Je schenkt koffie en limonade en verkoopt "
        "tosti's. Je rekent af met de pinautomaat. Er staat altijd een ervaren vrijwilliger naast je.",
        (4, 6), days("za"), L.A2, ("long_standing",), (), 4, 4,
        (need("Kantinedienst draaien"), nice("Kassawerk")), volunteer_allowance=Decimal("20.00"),
    ),
    RoleSpec(
        "voetbal", BD, "Terreinknecht sportpark",
        "Je zet de velden klaar voor trainingen en wedstrijden: doelen neerzetten, hoekvlaggen plaatsen en "
        "lijnen trekken. Na afloop ruim je alles op. Je werkt veel buiten.",
        (12, 16), days("di wo do za"), L.A1, ("outdoor", "walking", "heavy_lifting"), (), 5, 1,
        (need("Velden klaarzetten"), nice("Materiaal beheren")), WAGE,
    ),
    RoleSpec(
        "voetbal", VW, "Hulptrainer jeugd",
        "Je helpt de trainer van een jeugdteam op woensdagmiddag. Je zet oefeningen klaar, let op de kinderen "
        "en moedigt ze aan. Je hoeft zelf geen goede voetballer te zijn. De club vraagt een VOG voor je aan.",
        (3, 5), days("wo"), L.B1, ("outdoor", "walking"), (), 4, 2,
        (need("Training begeleiden"), nice("Samenwerken in een team")), volunteer_allowance=Decimal("25.00"),
    ),
    RoleSpec(
        "voetbal", BD, "Kleedkamers schoonmaken",
        "Na de wedstrijden maak je de kleedkamers en douches schoon. Je veegt, dweilt en maakt de toiletten "
        "schoon. Je werkt op zondagochtend en maandag.",
        (6, 8), days("ma zo"), L.A1, ("long_standing",), (), 4, 1,
        (need("Sanitair schoonmaken"), nice("Stofzuigen en dweilen")), WAGE, status=FILLED,
    ),
    # Stichting Buurthuis De Ontmoeting.
    RoleSpec(
        "buurthuis", VW, "Gastvrouw of gastheer in het buurthuis",
        "Je bent het eerste aanspreekpunt in het buurthuis. Je zet koffie, ontvangt bezoekers en wijst ze de weg "
        "naar een activiteit. Je neemt de telefoon op. Je maakt makkelijk contact met mensen.",
        (4, 8), days("ma-vr"), L.B1, (), (), 4, 3,
        (need("Gasten ontvangen"), nice("Koffie en thee schenken"), nice("Telefoon aannemen")),
        volunteer_allowance=Decimal("50.00"),
    ),
    RoleSpec(
        "buurthuis", BD, "Computerhulp voor buurtbewoners",
        "Buurtbewoners komen met vragen over hun telefoon, e-mail of DigiD. Jij helpt ze rustig op weg en legt "
        "het uit in eenvoudige woorden. Je werkt op het spreekuur op dinsdag en donderdag.",
        (4, 8), days("di do"), L.B2, (), (), 4, 2,
        (need("Basisvaardigheden computer", 2), nice("Klantvriendelijk zijn")),
        volunteer_allowance=Decimal("40.00"),
    ),
    RoleSpec(
        "buurthuis", BD, "Opbouwen bij buurtfeesten",
        "Voor feesten en activiteiten bouw je tenten, tafels en de geluidsinstallatie op. Na afloop breek je "
        "alles weer af. Je werkt in een groep vrijwilligers, vooral in het weekend.",
        (4, 8), days("za zo"), L.A1, ("heavy_lifting", "outdoor"), (), 4, 4,
        (need("Evenementen opbouwen"), nice("Samenwerken in een team")), volunteer_allowance=Decimal("30.00"),
        area="7423",
    ),
    RoleSpec(
        "buurthuis", VW, "Taalmaatje",
        "Je oefent een keer per week Nederlands met een buurtbewoner die de taal leert. Jullie praten over "
        "gewone dingen, zoals boodschappen doen of de dokter bellen. Je hoeft geen leraar te zijn.",
        (2, 3), days("ma-vr"), L.C1, (), (), 4, 5,
        (need("Gezelschap bieden"),),
    ),
    # Vereniging Dorpsbelang Veenwijk.
    RoleSpec(
        "dorpsbelang", BD, "Groenonderhoud in het dorp",
        "Je houdt de plantsoenen, het dorpsplein en de begraafplaats netjes. Je maait gras, snoeit struiken en "
        "harkt bladeren. Je werkt samen met een vrijwilliger van Dorpsbelang, in de ochtend.",
        (12, 20), days("ma di wo do"), L.A1, ("outdoor", "walking"), (), 5, 2,
        (need("Gras maaien"), nice("Bladeren ruimen"), nice("Heggen snoeien")), WAGE, area="7431",
    ),
    RoleSpec(
        "dorpsbelang", BD, "Klussen bij dorpsgenoten",
        "Je helpt dorpsgenoten met kleine klussen, zoals een schilderij ophangen of een kast in elkaar zetten. "
        "Dorpsbelang houdt een lijst met aanvragen bij. Voor grotere klussen werk je met een collega.",
        (8, 16), days("ma wo vr"), L.A2, ("stairs",), (), 5, 2,
        (need("Kleine reparaties", 2), nice("Meubels in elkaar zetten"), nice("Handgereedschap gebruiken")),
        WAGE, area="7433", at_requester_address=True,
    ),
    RoleSpec(
        "dorpsbelang", VW, "Boeken rondbrengen bij ouderen",
        "Eens in de twee weken breng je boeken van de bibliotheek naar ouderen in het dorp. Je helpt ze kiezen "
        "voor de volgende keer. Vaak drink je samen een kopje koffie. Je gaat op de fiets.",
        (2, 4), days("wo"), L.B1, ("walking", "outdoor"), (), 4, 2,
        (need("Gezelschap bieden"), nice("Boodschappen doen voor anderen")),
        volunteer_allowance=Decimal("20.00"), status=CLOSED,
    ),
    # Korfbalvereniging Veenwijk.
    RoleSpec(
        "korfbal", VW, "Materiaalbeheer en velden",
        "Je zorgt dat ballen, korven en hesjes klaarliggen voor training en wedstrijd. Je kijkt of het materiaal "
        "nog goed is. Na het seizoen ruim je het materiaalhok op. Je werkt zelfstandig.",
        (3, 6), days("di do za"), L.A1, ("outdoor",), (), 4, 1,
        (need("Materiaal beheren"), nice("Velden klaarzetten")), volunteer_allowance=Decimal("25.00"),
    ),
    RoleSpec(
        "korfbal", BD, "Kantine schoonmaken na het weekend",
        "Op maandag maak je de kantine van de korfbalclub schoon. Je stofzuigt, dweilt, maakt de toiletten "
        "schoon en zet de stoelen recht. Je werkt alleen, met een takenlijst.",
        (4, 6), days("ma"), L.A1, ("long_standing",), (), 4, 1,
        (need("Stofzuigen en dweilen"), nice("Sanitair schoonmaken")), WAGE,
    ),
    RoleSpec(
        "korfbal", VW, "Ledenadministratie bijhouden",
        "Je houdt de ledenlijst van de club bij op de computer. Je verwerkt nieuwe leden en opzeggingen. Je werkt "
        "thuis of in de kantine, wanneer het jou uitkomt. Je kunt met een spreadsheet werken of wilt dat leren.",
        (2, 4), days("ma-vr"), L.B2, (), ("flexible_hours",), 4, 1,
        (need("Ledenadministratie bijhouden"), need("Gegevens invoeren"), nice("Basisvaardigheden computer", 2)),
        volunteer_allowance=Decimal("20.00"), status=DRAFT,
    ),
)
