"""axe-core checks for the browser tests: one definition of what counts as a blocking violation."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.1 AA problems that stop someone from using the page; "minor" and "moderate" are reported by
# axe but not failed on.
BLOCKING_IMPACTS = {"serious", "critical"}
# The admin's own content; Wagtail's message banners (its styling, not ours) are left to Wagtail.
ADMIN_CONTENT = {"include": [["main"]], "exclude": [[".messages"]]}


def blocking_violations(page, context=None) -> list[str]:
    """The serious and critical axe violations on the page (or in ``context``), each with where it is."""
    # A link's new URL is committed before its document has loaded; axe must see the whole page.
    page.wait_for_load_state("load")
    results = Axe().run(page, context=context)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
