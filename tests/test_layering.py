"""The floors of the project import only downwards.

``marketplace`` is the ground floor: the domain, with its models, selectors (reads), services
(writes) and workflow tables. ``accounts`` stands on it, and ``api``, ``portal`` and ``cms`` are
the top floors, side by side: each presents the marketplace its own way and none borrows from
another. Inside ``marketplace`` the same holds: models know no selectors or services, selectors
know no services, the workflow tables know no models, and the matching engine and the carving
logic know no Django at all, so that they can be run, tested and measured on their own.

Every module is read as source (``ast``), so an import inside a function counts as well.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("accounts", "api", "bench", "cms", "config", "marketplace", "portal")
PURE = ("marketplace.matching", "marketplace.carving", "marketplace.caseload", "marketplace.constants",
        "marketplace.geo")


@dataclass(frozen=True)
class Rule:
    """Modules under ``importer`` must not import modules under any of ``forbidden``."""

    importer: str
    forbidden: tuple[str, ...]
    reason: str
    allowed: tuple[str, ...] = ()


RULES = (
    Rule("marketplace", ("accounts", "api", "cms", "config", "portal", "bench", "tests"),
         "the marketplace is the lowest floor"),
    Rule("accounts", ("api", "cms", "portal", "config"), "accounts stands below the api, the portal and the admin"),
    Rule("api", ("cms", "portal", "config"), "the api, the portal and the admin stand side by side"),
    Rule("portal", ("api", "cms", "config"), "the api, the portal and the admin stand side by side"),
    Rule("cms", ("api", "portal", "config"), "the api, the portal and the admin stand side by side"),
    Rule("marketplace.models", ("marketplace.selectors", "marketplace.services"),
         "models know no reads or writes built on them"),
    Rule("marketplace.selectors", ("marketplace.services",), "reads never write"),
    Rule("marketplace.workflows", ("marketplace.models", "marketplace.selectors", "marketplace.services"),
         "a workflow table is read and tested without a database"),
    *(Rule(pure, ("django", "marketplace"), "it runs without Django",
           allowed=(pure, "marketplace.constants", "marketplace.geo")) for pure in PURE),
)


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_modules() -> dict[str, Path]:
    return {_module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


MODULES = _project_modules()


def _imports(module: str, path: Path, modules) -> list[tuple[int, str]]:
    """Every module that ``module`` imports, with the line: ``from a import b`` counts as ``a.b`` when b is a module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.append((node.lineno, submodule if submodule in modules else source))
    return found


def _violations(rule: Rule, modules=MODULES, root: Path = ROOT) -> list[str]:
    """Each import that breaks ``rule``, as ``path:line (module) imports module``."""
    lines = []
    for module, path in modules.items():
        if not _within(module, rule.importer):
            continue
        for line, imported in _imports(module, path, modules):
            if any(_within(imported, allowed) for allowed in rule.allowed):
                continue
            if any(_within(imported, forbidden) for forbidden in rule.forbidden):
                lines.append(f"{path.relative_to(root)}:{line} ({module}) imports {imported}")
    return sorted(set(lines))


def test_every_package_of_the_project_is_read():
    assert {module.split(".")[0] for module in MODULES} == set(PACKAGES)
    assert "marketplace.services.roles" in MODULES and "marketplace.workflows.base" in MODULES


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.importer)
def test_no_floor_imports_a_higher_one(rule):
    violations = _violations(rule)

    heading = f"{rule.importer} must not import {', '.join(rule.forbidden)} ({rule.reason}):"
    assert not violations, "\n".join([heading, *violations])


def test_the_check_names_an_import_made_inside_a_function(tmp_path):
    module = tmp_path / "marketplace" / "selectors" / "sneaky.py"
    module.parent.mkdir(parents=True)
    module.write_text("def read():\n    from marketplace.services import roles\n")
    modules = {"marketplace.selectors.sneaky": module, "marketplace.services.roles": tmp_path / "roles.py"}
    rule = next(rule for rule in RULES if rule.importer == "marketplace.selectors")

    assert _violations(rule, modules, tmp_path) == [
        "marketplace/selectors/sneaky.py:2 (marketplace.selectors.sneaky) imports marketplace.services.roles"
    ]
