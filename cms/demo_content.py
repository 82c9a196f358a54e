"""The demo page tree: a complete public site in plain Dutch (B1), built or refreshed in place.

``build_demo_site`` can run any number of times: pages are found by their slug under their
parent and their content is rewritten; menu items and service categories are replaced by the
same set. It reuses the home page that the cms data migration created under the default site.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import (
    EmployerPage,
    HomePage,
    RoleIndexPage,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from cms.site_settings import SiteSettings
from cms.snippets import Menu, MenuItem
from marketplace.models import Municipality, ServiceCategory

SERVICE_CATEGORIES = [
    # slug, Dutch name, English name, usual hours per week
    ("groenonderhoud", "Groenonderhoud", "Green maintenance", 4),
    ("klussen", "Kleine klussen", "Odd jobs", 3),
    ("hulp-in-huis", "Hulp in huis", "Household help", 4),
    ("hulp-sportclub", "Hulp bij de sportclub", "Help at the sports club", 6),
]


@transaction.atomic
def build_demo_site(*, municipality: Municipality) -> None:
    """Build (or refresh) the whole public site for ``municipality`` under the default site."""
    categories = _service_categories()
    home = _home_page()
    about = _child(home, StandardPage, "over-werkplaats", **_about(municipality))
    employers = _child(home, EmployerPage, "werkgevers", **_employer_page(municipality, contact=about))
    services = _child(home, ServiceIndexPage, "buurtdiensten", **_service_index(municipality))
    for spec in _service_pages(municipality):
        _child(services, ServicePage, spec.pop("slug"), category=categories[spec.pop("category")], **spec)
    roles = _child(home, RoleIndexPage, "werk", **_role_index(municipality))
    stories = _child(home, StoryIndexPage, "verhalen", title="Verhalen", intro=(
        "<p>Mensen uit onze gemeente vertellen hoe zij aan het werk kwamen. Soms met kleine stappen, "
        "soms met een grote sprong. Zij deden mee met hun toestemming.</p>"))
    for spec in _stories():
        _child(stories, StoryPage, spec.pop("slug"), **spec)
    privacy = _child(home, StandardPage, "privacy", **_privacy(municipality))
    accessibility = _child(home, StandardPage, "toegankelijkheid", **_accessibility(municipality))
    faq = _child(home, StandardPage, "veelgestelde-vragen", **_faq())
    _update(home, **_home(municipality, employers=employers, services=services, roles=roles))
    menu = _main_menu([(employers, "Werkgevers", "Employers"), (roles, "Werk zoeken", "Find work"),
                       (services, "Buurtdiensten", "Neighbourhood services"), (stories, "Verhalen", "Stories"),
                       (faq, "Vragen", "Questions"), (about, "Over ons", "About us")])
    _site_settings(home, municipality=municipality, menu=menu, privacy=privacy, accessibility=accessibility)


def _service_categories() -> dict[str, ServiceCategory]:
    categories = {}
    for order, (slug, name_nl, name_en, hours) in enumerate(SERVICE_CATEGORIES):
        categories[slug], _created = ServiceCategory.objects.update_or_create(
            slug=slug, defaults={"name_nl": name_nl, "name_en": name_en, "default_hours": hours,
                                 "is_active": True, "sort_order": order},
        )
    return categories


def _home_page() -> HomePage:
    """The default site's HomePage; when the site points at another kind of page, a new home replaces it."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage):
        return root
    home = HomePage(title="Werkplaats", slug="werkplaats-home")
    _tree_root().add_child(instance=home)
    if site is None:
        Site.objects.create(hostname="localhost", port=80, site_name="Werkplaats", root_page=home,
                            is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def _tree_root() -> Page:
    """Wagtail's invisible root page; recreated (with the default locale) in a database emptied by a flush."""
    root = Page.get_first_root_node()
    if root is not None:
        return root
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    return Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def _child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return _update(existing, **fields)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return page


def _update(page: Page, **fields) -> Page:
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()
    return page


def _main_menu(entries) -> Menu:
    menu = Menu.objects.filter(name="Hoofdmenu").first() or Menu.objects.create(name="Hoofdmenu")
    MenuItem.objects.filter(menu=menu).delete()
    for order, (page, label_nl, label_en) in enumerate(entries):
        MenuItem.objects.create(menu=menu, sort_order=order, link_page=page, label_nl=label_nl, label_en=label_en)
    return menu


def _site_settings(home: HomePage, *, municipality, menu, privacy, accessibility) -> None:
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    site_settings.municipality = municipality
    site_settings.organisation_name = f"Werkplaats, gemeente {municipality.name}"
    site_settings.contact_email = municipality.contact_email or "werk@gemeente.example"
    site_settings.contact_phone = municipality.contact_phone or "14 020"
    site_settings.visiting_address = "Stadhuisplein 1\nBinnenkomen via de hoofdingang"
    site_settings.opening_hours = "Maandag tot en met vrijdag van 9.00 tot 17.00 uur"
    site_settings.footer_text = (
        "Werkplaats is de plek waar werkgevers, werkzoekenden en verenigingen elkaar vinden. "
        f"Een programma van de gemeente {municipality.name} en haar partners."
    )
    site_settings.main_menu = menu
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = accessibility
    site_settings.save()


def _link(label: str, page: Page) -> dict:
    return {"label": label, "page": page.pk, "url": ""}


def _paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def _home(municipality, *, employers, services, roles) -> dict:
    return {
        "title": "Werkplaats",
        "hero_title": "Werk dat past, dicht bij huis",
        "intro": (
            f"<p>Werkplaats brengt werkgevers, werkzoekenden en verenigingen in {municipality.name} bij elkaar. "
            "Kleine taken, banen voor een paar uur per week en klussen in de buurt: er is meer werk dan u denkt. "
            "En u staat er niet alleen voor.</p>"
        ),
        "audiences": [
            {"type": "audience", "value": {
                "audience": "employer", "title": "Voor werkgevers",
                "text": "Blijft er werk liggen omdat uw vakmensen het te druk hebben? Wij helpen u eenvoudige "
                        "taken apart te zetten in een nieuwe functie. De gemeente zoekt de juiste persoon en "
                        "helpt met begeleiding en loonkostensubsidie.",
                "link": _link("Zo werkt jobcarving", employers)}},
            {"type": "audience", "value": {
                "audience": "seeker", "title": "Voor werkzoekenden",
                "text": "Zoek werk dat bij u past. Een paar uur per week, dicht bij huis, met een vaste collega "
                        "of een jobcoach. Bekijk welk werk er nu open staat en laat weten wat u wilt.",
                "link": _link("Bekijk open werk", roles)}},
            {"type": "audience", "value": {
                "audience": "association", "title": "Voor verenigingen en bewoners",
                "text": "Heeft uw vereniging of uw straat hulp nodig? Vraag een buurtdienst aan: groen "
                        "onderhoud, kleine klussen, hulp in huis of hulp bij de sportclub.",
                "link": _link("Vraag een buurtdienst aan", services)}},
        ],
        "body": [
            {"type": "facts", "value": {"title": "Werkplaats in cijfers", "facts": [
                {"figure": "4", "label": "soorten buurtdiensten die u kunt aanvragen"},
                {"figure": "8 uur", "label": "per week is vaak al genoeg om te beginnen"},
                {"figure": "1 vast", "label": "aanspreekpunt bij de gemeente voor werkgevers"},
            ]}},
        ],
    }


def _employer_page(municipality, *, contact: Page) -> dict:
    return {
        "title": "Werkgevers: zo werkt jobcarving",
        "intro": (
            "<p>In veel bedrijven doen vakmensen ook eenvoudig werk. Dat kost tijd en geld. Bij jobcarving "
            "haalt u die eenvoudige taken uit hun werk en maakt u er een nieuwe functie van. Zo hebben uw "
            "vakmensen meer tijd voor hun vak. En iemand die nu geen werk heeft, krijgt een kans.</p>"
        ),
        "body": [
            _heading("Wat is jobcarving?"),
            _paragraph(
                "<p>Jobcarving betekent: werk opnieuw verdelen. Samen met u kijken we naar de taken in uw "
                "bedrijf. Welke taken zijn eenvoudig en komen vaak terug? Denk aan kratten klaarzetten, "
                "materiaal aanvullen, schoonmaken of post rondbrengen. Van die taken maken we een functie "
                "die past bij iemand uit de bijstand.</p>"
                "<p>De functie kan klein beginnen, bijvoorbeeld met acht uur per week. Als het goed gaat, "
                "kan het meer worden.</p>"
            ),
            {"type": "steps", "value": {"title": "Zo werkt het, stap voor stap", "steps": [
                {"title": "Kennismaken",
                 "text": "Een adviseur van het Werkgeversservicepunt komt bij u langs. U vertelt wat uw bedrijf "
                         "doet en waar het werk blijft liggen."},
                {"title": "Werkanalyse",
                 "text": "We lopen een dag mee en schrijven de taken op: hoeveel uur ze kosten en hoe moeilijk "
                         "ze zijn. U krijgt een overzicht van taken die samen een nieuwe functie kunnen vormen."},
                {"title": "Een nieuwe functie",
                 "text": "Samen maken we de functie: de taken, de uren, de dagen en de begeleiding. U zet de "
                         "functie op Werkplaats, of wij doen dat voor u."},
                {"title": "De juiste persoon",
                 "text": "De gemeente zoekt mensen die bij de functie passen. U ziet eerst een anonieme "
                         "beschrijving. Als de werkzoekende het goed vindt, stellen we u aan elkaar voor."},
                {"title": "Proefplaatsing en begeleiding",
                 "text": "De nieuwe medewerker begint vaak met een proefplaatsing. Een jobcoach helpt op de "
                         "werkvloer, zo lang als dat nodig is."},
            ]}},
            _heading("Wat de gemeente u biedt"),
            _paragraph(
                "<ul>"
                "<li><b>Een jobcoach</b> die uw nieuwe medewerker en u helpt op de werkvloer.</li>"
                f"<li><b>Loonkostensubsidie</b> als uw medewerker minder kan dan het minimumloon vraagt. De "
                f"gemeente {municipality.name} betaalt dan een deel van het loon.</li>"
                "<li><b>Een no-riskpolis</b>: wordt uw medewerker ziek, dan krijgt u het loon vergoed.</li>"
                "<li><b>Een proefplaatsing</b> van maximaal twee maanden, zonder loonkosten.</li>"
                "<li><b>Hulp bij de werkanalyse</b> en bij het schrijven van de functie.</li>"
                "</ul>"
            ),
            {"type": "quote", "value": {
                "quote": "Onze monteurs waren elke dag een uur kwijt aan het klaarzetten van materiaal. Nu doet "
                         "Kevin dat, vier ochtenden per week. Iedereen is blij, en Kevin het meest.",
                "name": "Marloes de Wit", "context": "eigenaar van een installatiebedrijf"}},
            _heading("Zelf aan de slag"),
            _paragraph(
                "<p>Heeft u al een account als werkgever? Dan kunt u "
                '<a href="/werkgever/werkanalyses/nieuw/">zelf een werkanalyse starten</a>. U schrijft de taken '
                "van een functie op, en Werkplaats stelt voor welke taken samen een nieuwe functie kunnen vormen. "
                "Werkt u met een eigen personeelssysteem? Dan kunt u functies ook plaatsen via onze "
                '<a href="/api/v1/docs/">koppeling voor software (API)</a>.</p>'
            ),
            {"type": "call_to_action", "value": {
                "title": "Wilt u beginnen?",
                "text": "Vraag een gratis werkanalyse aan of zet zelf een functie op Werkplaats. Het "
                        "Werkgeversservicepunt helpt u graag.",
                "link": _link("Neem contact op", contact)}},
        ],
    }


def _service_index(municipality) -> dict:
    return {
        "title": "Buurtdiensten",
        "intro": (
            f"<p>In {municipality.name} helpen mensen elkaar. Met een buurtdienst doet iemand die (weer) aan "
            "het werk gaat een klus bij u thuis of bij uw vereniging. Een begeleider van de gemeente zorgt dat "
            "het goed gaat. Kies hieronder welke hulp u nodig heeft.</p>"
        ),
    }


def _service_pages(municipality) -> list[dict]:
    who_residents = (
        f"<p>Bewoners van {municipality.name} die het werk zelf niet (meer) kunnen doen en geen geld hebben "
        "om iemand in te huren. Ook verenigingen en buurthuizen kunnen een aanvraag doen.</p>"
    )
    return [
        {
            "slug": "groenonderhoud", "category": "groenonderhoud", "title": "Groenonderhoud",
            "summary": "Hulp bij de tuin, de heg of het groen rond uw clubgebouw.",
            "intro": "<p>Is uw tuin te veel werk geworden? Of moet het groen rond het clubhuis bijgehouden "
                     "worden? Wij sturen een kleine ploeg met een begeleider. Zij maaien het gras, knippen de "
                     "heg, halen onkruid weg en ruimen bladeren op.</p>",
            "who_may_ask": who_residents,
            "conditions": "<ul><li>Voor bewoners met een laag inkomen is de hulp gratis.</li>"
                          "<li>Andere bewoners betalen € 10 per keer.</li>"
                          "<li>Verenigingen betalen € 25 per dagdeel.</li>"
                          "<li>Wij nemen het gereedschap mee. Het groenafval nemen we mee naar de "
                          "milieustraat.</li></ul>",
            "form_intro": "<p>Vul het formulier in. Binnen vijf werkdagen hoort u van ons.</p>",
        },
        {
            "slug": "kleine-klussen", "category": "klussen", "title": "Kleine klussen",
            "summary": "Een lamp ophangen, een kastje in elkaar zetten of een fiets repareren.",
            "intro": "<p>Soms is een klus klein, maar lukt het toch niet alleen. Onze klussers helpen met "
                     "eenvoudige klussen in en om het huis. Denk aan een lamp ophangen, een gordijnrail "
                     "plaatsen, een kastje in elkaar zetten of een band plakken.</p>",
            "who_may_ask": who_residents,
            "conditions": "<ul><li>Een klus duurt niet langer dan een halve dag.</li>"
                          "<li>U betaalt zelf de materialen, zoals een nieuwe lamp of schroeven.</li>"
                          "<li>Wij doen geen werk aan gas, water of elektra in de muur. Daarvoor heeft u een "
                          "vakman nodig.</li></ul>",
            "form_intro": "<p>Vertel zo precies mogelijk wat de klus is. Dan nemen we het juiste gereedschap "
                          "mee.</p>",
        },
        {
            "slug": "hulp-in-huis", "category": "hulp-in-huis", "title": "Hulp in huis",
            "summary": "Hulp bij boodschappen, opruimen of de was, als het even niet lukt.",
            "intro": "<p>Heeft u even hulp nodig in huis? Bijvoorbeeld na een ziekenhuisopname, of omdat het "
                     "alleen niet meer gaat? Dan kan iemand van de buurtdienst helpen met boodschappen, "
                     "opruimen, stofzuigen of de was.</p><p>Deze hulp is geen zorg. Heeft u hulp nodig bij "
                     "wassen of aankleden? Neem dan contact op met het sociaal wijkteam.</p>",
            "who_may_ask": who_residents,
            "conditions": "<ul><li>De hulp is voor een korte tijd: hooguit drie maanden.</li>"
                          "<li>U betaalt € 5 per keer. Met een laag inkomen is het gratis.</li></ul>",
            "form_intro": "<p>Schrijf op welke hulp u nodig heeft en op welke dagen het u goed uitkomt.</p>",
        },
        {
            "slug": "hulp-bij-de-sportclub", "category": "hulp-sportclub", "title": "Hulp bij de sportclub",
            "summary": "Extra handen in de kantine, op het veld of bij het materiaal.",
            "intro": "<p>Sportclubs draaien op vrijwilligers, en die zijn er vaak te weinig. Een buurtdienst "
                     "kan helpen: in de kantine, bij het onderhoud van de velden, of bij het klaarzetten en "
                     "opruimen van materiaal. Voor de mensen die komen helpen is het een goede eerste stap "
                     "naar werk.</p>",
            "who_may_ask": "<p>Sportverenigingen in de gemeente. Vraagt u namens uw club? Dan kunt u "
                           "inloggen met het account van uw vereniging. Dan ziet u later al uw aanvragen op "
                           "een rij.</p>",
            "conditions": "<ul><li>De club zorgt voor een vast aanspreekpunt op de dagen dat er hulp is.</li>"
                          "<li>De hulp is gratis. Wel vragen we de club om mee te denken over een "
                          "vrijwilligersvergoeding.</li></ul>",
            "form_intro": "<p>Beschrijf het werk en de dagen waarop u hulp zoekt.</p>",
        },
    ]


def _role_index(municipality) -> dict:
    return {
        "title": "Werk zoeken",
        "intro": (
            f"<p>Hier staat al het werk dat nu open staat in {municipality.name}. Veel werk kan ook voor een "
            "paar uur per week, en vaak met begeleiding. Kies hieronder wat u zoekt. Ziet u iets wat u "
            "aanspreekt? Klik op <b>Interesse tonen</b>. Uw klantmanager neemt dan contact met u op.</p>"
        ),
        "page_size": 12,
    }


def _story_body(paragraphs: list[str], quote: str, name: str) -> list[dict]:
    body = [_paragraph("".join(f"<p>{text}</p>" for text in paragraphs[:2]))]
    body.append({"type": "quote", "value": {"quote": quote, "name": name, "context": ""}})
    body.append(_paragraph("".join(f"<p>{text}</p>" for text in paragraphs[2:])))
    return body


def _stories() -> list[dict]:
    return [
        {
            "slug": "van-thuis-naar-de-bakkerij", "title": "Van thuis naar de bakkerij",
            "date": date(2025, 3, 14), "person": "Samira (34)", "found_work_as": "medewerker inpak bij een bakkerij",
            "summary": "Samira zat vijf jaar thuis. Nu zet ze vier ochtenden per week de broodkratten klaar.",
            "body": _story_body([
                "Samira zorgde jarenlang voor haar moeder. Toen dat stopte, wist ze niet goed hoe ze weer aan het "
                "werk moest komen. Haar Nederlands was nog niet zo goed, en ze had geen diploma.",
                "Haar klantmanager vertelde over een bakkerij die hulp zocht. De bakkers waren elke ochtend een "
                "uur bezig met het klaarzetten van kratten. Dat werd haar nieuwe functie.",
                "In het begin kwam er elke week een jobcoach langs. Nu gaat het vanzelf. Samira werkt zestien "
                "uur per week en volgt op dinsdag een taalles.",
            ], "Ik ben om zes uur al op mijn werk. Ik vind dat niet erg. Ik hoor er weer bij.", "Samira"),
        },
        {
            "slug": "elke-dinsdag-in-het-groen", "title": "Elke dinsdag in het groen",
            "date": date(2025, 5, 2), "person": "Henk (58)", "found_work_as": "groenonderhoud in de buurt",
            "summary": "Henk werkt twee dagen per week in de tuinen van oudere bewoners. Hij is er trots op.",
            "body": _story_body([
                "Henk werkte dertig jaar in een fabriek. Toen die dicht ging, vond hij geen nieuw werk. "
                "Hij was te oud, zeiden werkgevers.",
                "Via de buurtdienst groenonderhoud werkt hij nu in een ploeg van drie. Ze maaien gras, snoeien "
                "heggen en ruimen bladeren op bij mensen die dat zelf niet meer kunnen.",
                "Na een half jaar kreeg Henk een contract bij het werkbedrijf van de gemeente. Hij leert nu "
                "ook hoe hij een nieuwe collega kan inwerken.",
            ], "Mevrouw Pieters zet altijd koffie voor ons. Dan weet je waarvoor je het doet.", "Henk"),
        },
        {
            "slug": "een-vaste-plek-in-de-kantine", "title": "Een vaste plek in de kantine",
            "date": date(2025, 9, 20), "person": "Daan (23)", "found_work_as": "kantinemedewerker bij een sportclub",
            "summary": "Daan begon met dagbesteding. Nu staat hij drie middagen per week achter de bar.",
            "body": _story_body([
                "Daan vindt drukte lastig. Een gewone baan was te veel. Hij ging naar de dagbesteding, maar "
                "wilde meer.",
                "De voetbalclub in zijn wijk vroeg een buurtdienst aan voor hulp in de kantine. Daan begon met "
                "twee uur per week, met een begeleider naast zich.",
                "Nu werkt hij drie middagen, zonder begeleider. De club betaalt hem een "
                "vrijwilligersvergoeding. Volgend jaar wil hij zijn diploma sociale hygiëne halen.",
            ], "Ik ken alle kinderen van de club. Ze roepen mijn naam als ze binnenkomen.", "Daan"),
        },
    ]


def _about(municipality) -> dict:
    return {
        "title": "Over Werkplaats",
        "intro": f"<p>Werkplaats is een programma van de gemeente {municipality.name}, samen met werkgevers, "
                 "scholen, re-integratiebedrijven en verenigingen.</p>",
        "body": [
            _heading("Waarom Werkplaats?"),
            _paragraph(
                "<p>Veel mensen in de bijstand willen graag werken. Tegelijk vinden werkgevers geen personeel. "
                "Dat komt vaak doordat vacatures te veel vragen: veel uren, een diploma of heel goed Nederlands. "
                "Werkplaats zoekt werk dat wél past, en zorgt voor de steun die daarbij nodig is.</p>"
            ),
            _heading("Hoe we werken"),
            _paragraph(
                "<ul><li>We beginnen bij wat iemand kan en wil.</li>"
                "<li>We maken werk kleiner als dat nodig is: minder uren, eenvoudiger taken.</li>"
                "<li>Klantmanagers kennen de mensen en helpen bij elke stap.</li>"
                "<li>We meten wat het oplevert: hoeveel mensen aan het werk gaan en blijven.</li></ul>"
            ),
            _heading("Contact"),
            _paragraph(
                f"<p>Heeft u een vraag? Bel de gemeente {municipality.name} op "
                f"{municipality.contact_phone or '14 020'} of mail naar "
                f"{municipality.contact_email or 'werk@gemeente.example'}.</p>"
            ),
        ],
    }


def _privacy(municipality) -> dict:
    return {
        "title": "Privacyverklaring",
        "intro": f"<p>De gemeente {municipality.name} gaat zorgvuldig om met uw gegevens. Hier leest u welke "
                 "gegevens Werkplaats gebruikt, waarom, en wat uw rechten zijn.</p>",
        "body": [
            _heading("Welke gegevens gebruiken we?"),
            _paragraph(
                "<ul><li>Vraagt u een buurtdienst aan? Dan bewaren we uw naam, e-mailadres, telefoonnummer, "
                "adres en wat u vraagt.</li>"
                "<li>Bent u werkzoekende? Dan gebruikt uw klantmanager uw profiel: wat u kunt, hoeveel uur u wilt "
                "werken en welke steun u nodig heeft.</li>"
                "<li>Bent u werkgever? Dan bewaren we de gegevens van uw bedrijf en van de contactpersoon.</li>"
                "</ul>"
            ),
            _heading("Wie ziet uw gegevens?"),
            _paragraph(
                "<p>Alleen medewerkers van de gemeente die uw aanvraag of uw traject behandelen. Werkgevers zien "
                "geen naam of adres van werkzoekenden, tot de werkzoekende daar zelf toestemming voor geeft. "
                "Gevoelige gegevens, zoals schulden of gezondheid, ziet alleen uw eigen klantmanager. Elke keer "
                "dat iemand die gegevens bekijkt, wordt dat vastgelegd.</p>"
            ),
            _heading("Hoe lang bewaren we uw gegevens?"),
            _paragraph("<p>Een aanvraag voor een buurtdienst bewaren we twee jaar nadat de dienst klaar is. "
                       "Daarna verwijderen we uw gegevens.</p>"),
            _heading("Uw rechten"),
            _paragraph("<p>U mag uw gegevens altijd inzien, laten verbeteren of laten verwijderen. Stuur daarvoor "
                       "een e-mail naar de functionaris gegevensbescherming van de gemeente. U kunt ook een "
                       "klacht indienen bij de Autoriteit Persoonsgegevens.</p>"),
        ],
    }


def _accessibility(municipality) -> dict:
    return {
        "title": "Toegankelijkheidsverklaring",
        "intro": f"<p>De gemeente {municipality.name} wil dat iedereen Werkplaats kan gebruiken, ook met een "
                 "beperking.</p>",
        "body": [
            _heading("Wat we doen"),
            _paragraph(
                "<ul><li>We bouwen de website volgens de richtlijnen WCAG 2.1, niveau AA.</li>"
                "<li>We schrijven in eenvoudige taal (taalniveau B1).</li>"
                "<li>U kunt de hele website met het toetsenbord gebruiken.</li>"
                "<li>De website werkt ook op een klein scherm en met een schermlezer.</li>"
                "<li>We testen elke nieuwe versie automatisch op toegankelijkheid.</li></ul>"
            ),
            _heading("Werkt iets niet goed?"),
            _paragraph(f"<p>Laat het ons weten. Bel {municipality.contact_phone or '14 020'} of mail naar "
                       f"{municipality.contact_email or 'werk@gemeente.example'}. We reageren binnen vijf "
                       "werkdagen.</p>"),
        ],
    }


def _faq() -> dict:
    def answer(text: str) -> str:
        return f"<p>{text}</p>"

    return {
        "title": "Veelgestelde vragen",
        "intro": "<p>Hier vindt u antwoorden op vragen die we vaak krijgen. Staat uw vraag er niet bij? "
                 "Neem dan contact met ons op.</p>",
        "body": [
            {"type": "faq", "value": {"title": "Voor werkzoekenden", "questions": [
                {"question": "Verlies ik mijn uitkering als ik een paar uur ga werken?",
                 "answer": answer("Nee, niet meteen. Een deel van wat u verdient mag u houden. Uw klantmanager "
                                  "rekent samen met u uit wat u overhoudt.")},
                {"question": "Wat gebeurt er als ik op Interesse tonen klik?",
                 "answer": answer("Uw klantmanager ziet dat u interesse heeft. Hij of zij belt u om erover te "
                                  "praten. U zit nergens aan vast.")},
                {"question": "Ik heb nog geen account. Hoe kom ik aan een account?",
                 "answer": answer("Vraag het aan uw klantmanager. U krijgt dan een brief met uw inloggegevens.")},
            ]}},
            {"type": "faq", "value": {"title": "Voor werkgevers", "questions": [
                {"question": "Wat kost jobcarving mij?",
                 "answer": answer("De werkanalyse en de begeleiding zijn gratis. U betaalt het loon van uw "
                                  "nieuwe medewerker, soms met loonkostensubsidie van de gemeente.")},
                {"question": "Wat als het niet klikt?",
                 "answer": answer("Dan zoeken we samen naar een oplossing. Tijdens de proefplaatsing kunt u "
                                  "altijd stoppen.")},
            ]}},
            {"type": "faq", "value": {"title": "Over buurtdiensten", "questions": [
                {"question": "Hoe snel komt er iemand?",
                 "answer": answer("Binnen vijf werkdagen hoort u van ons. Daarna spreken we samen een dag af.")},
                {"question": "Kan ik mijn aanvraag volgen?",
                 "answer": answer("Ja. U krijgt een e-mail met een persoonlijke link. Daar ziet u altijd hoe "
                                  "het met uw aanvraag staat.")},
            ]}},
        ],
    }
