"""The demo skill taxonomy: everyday skills for carved tasks and buurtdiensten, in Dutch and English.

ESCO URIs are left empty on purpose: a wrong URI is worse than none, and each skill can be
linked to ESCO by an editor who checks the concept.
"""

from typing import NamedTuple


class CategorySpec(NamedTuple):
    code: str
    name_nl: str
    name_en: str


class SkillSpec(NamedTuple):
    category: str
    name_nl: str
    name_en: str


CATEGORIES: tuple[CategorySpec, ...] = (
    CategorySpec("schoonmaak", "Schoonmaak", "Cleaning"),
    CategorySpec("groen", "Groen", "Green maintenance"),
    CategorySpec("horeca-keuken", "Horeca en keuken", "Hospitality and kitchen"),
    CategorySpec("logistiek-magazijn", "Logistiek en magazijn", "Logistics and warehouse"),
    CategorySpec("zorg-ondersteuning", "Zorg en ondersteuning", "Care support"),
    CategorySpec("techniek-klussen", "Techniek en klussen", "Technical work and odd jobs"),
    CategorySpec("winkel-retail", "Winkel en retail", "Shop and retail"),
    CategorySpec("administratie", "Administratie", "Administration"),
    CategorySpec("sport-vereniging", "Sport en vereniging", "Sports and clubs"),
    CategorySpec("facilitair", "Facilitair", "Facility services"),
    CategorySpec("werknemersvaardigheden", "Werknemersvaardigheden", "Work habits"),
)

SKILLS: tuple[SkillSpec, ...] = (
    SkillSpec("schoonmaak", "Kamers schoonmaken", "Cleaning rooms"),
    SkillSpec("schoonmaak", "Sanitair schoonmaken", "Cleaning toilets and bathrooms"),
    SkillSpec("schoonmaak", "Bedden opmaken", "Making beds"),
    SkillSpec("schoonmaak", "Stofzuigen en dweilen", "Vacuuming and mopping"),
    SkillSpec("schoonmaak", "Ramen wassen", "Washing windows"),
    SkillSpec("schoonmaak", "Schoonmaakmiddelen veilig gebruiken", "Using cleaning products safely"),
    SkillSpec("schoonmaak", "Afval scheiden", "Sorting waste"),
    SkillSpec("groen", "Onkruid wieden", "Weeding"),
    SkillSpec("groen", "Gras maaien", "Mowing grass"),
    SkillSpec("groen", "Heggen snoeien", "Trimming hedges"),
    SkillSpec("groen", "Bladeren ruimen", "Clearing leaves"),
    SkillSpec("groen", "Planten water geven", "Watering plants"),
    SkillSpec("groen", "Zwerfafval prikken", "Picking up litter"),
    SkillSpec("groen", "Moestuin onderhouden", "Tending a vegetable garden"),
    SkillSpec("horeca-keuken", "Afwassen", "Washing up"),
    SkillSpec("horeca-keuken", "Groente snijden", "Cutting vegetables"),
    SkillSpec("horeca-keuken", "Broodjes smeren", "Making sandwiches"),
    SkillSpec("horeca-keuken", "Koffie en thee schenken", "Serving coffee and tea"),
    SkillSpec("horeca-keuken", "Tafels dekken en afruimen", "Setting and clearing tables"),
    SkillSpec("horeca-keuken", "Hygiëneregels in de keuken", "Kitchen hygiene rules"),
    SkillSpec("horeca-keuken", "Gasten ontvangen", "Welcoming guests"),
    SkillSpec("logistiek-magazijn", "Orders verzamelen", "Order picking"),
    SkillSpec("logistiek-magazijn", "Pakketten inpakken", "Packing parcels"),
    SkillSpec("logistiek-magazijn", "Goederen ontvangen en controleren", "Receiving and checking goods"),
    SkillSpec("logistiek-magazijn", "Werken met een handscanner", "Using a handheld scanner"),
    SkillSpec("logistiek-magazijn", "Pallets stapelen", "Stacking pallets"),
    SkillSpec("logistiek-magazijn", "Rijden met een elektrische palletwagen", "Driving an electric pallet truck"),
    SkillSpec("logistiek-magazijn", "Post sorteren en rondbrengen", "Sorting and delivering internal mail"),
    SkillSpec("zorg-ondersteuning", "Gezelschap bieden", "Keeping people company"),
    SkillSpec("zorg-ondersteuning", "Wandelen met bewoners", "Walking with residents"),
    SkillSpec("zorg-ondersteuning", "Rolstoel duwen", "Pushing a wheelchair"),
    SkillSpec("zorg-ondersteuning", "Maaltijden rondbrengen", "Delivering meals"),
    SkillSpec("zorg-ondersteuning", "Helpen bij activiteiten", "Helping with activities"),
    SkillSpec("zorg-ondersteuning", "Boodschappen doen voor anderen", "Shopping for others"),
    SkillSpec("zorg-ondersteuning", "Linnen sorteren en vouwen", "Sorting and folding linen"),
    SkillSpec("techniek-klussen", "Kleine reparaties", "Small repairs"),
    SkillSpec("techniek-klussen", "Fietsen repareren", "Repairing bicycles"),
    SkillSpec("techniek-klussen", "Schilderen", "Painting"),
    SkillSpec("techniek-klussen", "Meubels in elkaar zetten", "Assembling furniture"),
    SkillSpec("techniek-klussen", "Handgereedschap gebruiken", "Using hand tools"),
    SkillSpec("techniek-klussen", "Lampen vervangen", "Replacing light bulbs"),
    SkillSpec("techniek-klussen", "Montagewerk", "Assembly work"),
    SkillSpec("winkel-retail", "Vakken vullen", "Stocking shelves"),
    SkillSpec("winkel-retail", "Winkelwagens verzamelen", "Collecting shopping trolleys"),
    SkillSpec("winkel-retail", "Klanten helpen", "Helping customers"),
    SkillSpec("winkel-retail", "Kassawerk", "Working the till"),
    SkillSpec("winkel-retail", "Houdbaarheid controleren", "Checking best-before dates"),
    SkillSpec("winkel-retail", "Schappen spiegelen", "Facing shelves"),
    SkillSpec("winkel-retail", "Kleding sorteren en prijzen", "Sorting and pricing clothes"),
    SkillSpec("administratie", "Post openen en verdelen", "Opening and distributing post"),
    SkillSpec("administratie", "Gegevens invoeren", "Data entry"),
    SkillSpec("administratie", "Archiveren", "Filing"),
    SkillSpec("administratie", "Kopiëren en scannen", "Copying and scanning"),
    SkillSpec("administratie", "Telefoon aannemen", "Answering the phone"),
    SkillSpec("administratie", "Basisvaardigheden computer", "Basic computer skills"),
    SkillSpec("administratie", "Afspraken plannen", "Scheduling appointments"),
    SkillSpec("sport-vereniging", "Kantinedienst draaien", "Running the clubhouse bar"),
    SkillSpec("sport-vereniging", "Velden klaarzetten", "Preparing sports fields"),
    SkillSpec("sport-vereniging", "Training begeleiden", "Assisting at training sessions"),
    SkillSpec("sport-vereniging", "Materiaal beheren", "Looking after equipment"),
    SkillSpec("sport-vereniging", "Evenementen opbouwen", "Setting up events"),
    SkillSpec("sport-vereniging", "Ledenadministratie bijhouden", "Keeping membership records"),
    SkillSpec("facilitair", "Vergaderzalen klaarzetten", "Preparing meeting rooms"),
    SkillSpec("facilitair", "Receptie bemannen", "Staffing the reception desk"),
    SkillSpec("facilitair", "Koffieautomaten bijvullen", "Refilling coffee machines"),
    SkillSpec("facilitair", "Controleronde lopen", "Doing inspection rounds"),
    SkillSpec("facilitair", "Interne verhuizingen", "Moving furniture within a building"),
    SkillSpec("werknemersvaardigheden", "Samenwerken in een team", "Working in a team"),
    SkillSpec("werknemersvaardigheden", "Werken volgens een planning", "Working to a schedule"),
    SkillSpec("werknemersvaardigheden", "Klantvriendelijk zijn", "Being customer friendly"),
)
