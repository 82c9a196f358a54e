"""No page breaks the Content-Security-Policy: the public site, each portal, the admin and the API docs.

Chromium reports every blocked script, style, image, frame, connection or form as a
``securitypolicyviolation`` event and a console message. The test walks the pages each persona
can reach by following the links on them and collects every report; a page that needed an
inline script or a third-party host shows up here before a visitor meets a broken page.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.browser.conftest import DESKTOP
from tests.browser.sign_in import admin_sign_in, portal_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES_PER_PERSONA = 25
# Links that end a session, download a file, or lead to another persona's part of the site.
SKIPPED = re.compile(r"/(logout|uitloggen)/|/download/|\.(json|csv|pdf)$")
NOT_PUBLIC = ("/admin/", "/api/", "/documents/")


class Visitor:
    """A browser session of one persona that records every CSP report of every page it opens."""

    def __init__(self, browser, base_url: str, reports: list[str]):
        self.base_url = base_url
        self.context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
        self.context.set_default_timeout(20_000)
        self.page = self.context.new_page()
        self.reports = reports
        self.page.on("console", self._console)
        self.page.expose_binding("__reportCspViolation", lambda source, text: self.reports.append(
            f"{source['frame'].url}: {text}"))
        self.page.add_init_script("""
            document.addEventListener("securitypolicyviolation", (event) => {
                window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
                                            + ` (${event.sourceFile || ""}:${event.lineNumber || ""})`);
            });
        """)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.reports.append(f"{message.location.get('url', '')}: {message.text}")

    def open(self, path: str) -> None:
        self.page.goto(urljoin(self.base_url, path))
        self.page.wait_for_load_state("networkidle")

    def admin_sign_in(self, username: str) -> None:
        admin_sign_in(self.page, self.base_url, username)

    def walk(self, start_paths: list[str], *, within: tuple[str, ...], outside: tuple[str, ...] = (),
             limit: int = PAGES_PER_PERSONA) -> list[str]:
        """Open ``start_paths`` and, breadth first, the pages they link to under ``within`` and not ``outside``."""
        queue = [urljoin(self.base_url, path) for path in start_paths]
        seen: list[str] = []
        while queue and len(seen) < limit:
            url = queue.pop(0).split("#")[0]
            if url in seen:
                continue
            seen.append(url)
            self.open(url)
            for href in self.page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)"):
                target = urlsplit(href)
                if (target.netloc == urlsplit(self.base_url).netloc and target.path.startswith(within)
                        and not target.path.startswith(outside) and not SKIPPED.search(href)):
                    queue.append(href)
        return seen

    def close(self) -> None:
        self.context.close()


def test_no_page_of_the_site_the_portals_the_admin_or_the_api_docs_breaks_the_policy(browser, demo):  # noqa: F811
    reports: list[str] = []
    visited: dict[str, list[str]] = {}

    visitor = Visitor(browser, demo, reports)
    visited["public site"] = visitor.walk(["/", "/en/", "/accounts/login/", "/accounts/password_reset/"],
                                          within=("/",), outside=NOT_PUBLIC)
    visitor.close()

    for username, section in (("werkzoekende", "mijn/"), ("werkgever", "werkgever/"), ("vereniging", "vereniging/")):
        visitor = Visitor(browser, demo, reports)
        portal_sign_in(visitor.page, demo, username, language="en")
        visited[username] = visitor.walk([f"/{section}", f"/en/{section}"], within=(f"/{section}", f"/en/{section}"))
        visitor.close()

    visitor = Visitor(browser, demo, reports)
    visitor.admin_sign_in("klantmanager")
    visited["caseworker in the admin"] = visitor.walk(
        ["/admin/", reverse("marketplace_jobseeker:index"), reverse("service_requests:index"),
         reverse("marketplace_role:index")],
        within=("/admin/marketplace/", "/admin/service_categories/"))
    visitor.close()

    visitor = Visitor(browser, demo, reports)
    visitor.admin_sign_in("admin")
    home = Page.objects.filter(depth=2).first()
    for path in (f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/", "/admin/snippets/",
                 "/admin/users/", "/admin/images/", "/admin/documents/"):
        visitor.open(path)
    visitor.close()

    visitor = Visitor(browser, demo, reports)
    visitor.open("/api/v1/docs/")
    visitor.page.wait_for_selector(".swagger-ui .opblock")
    operations = visitor.page.locator(".swagger-ui .opblock").count()
    visitor.close()

    assert len(visited["public site"]) > 10, visited
    assert all(len(pages) > 3 for pages in visited.values()), visited
    assert operations > 10
    assert reports == [], "\n".join(reports)
