"""Dependencies run one way: every module imports only from its own layer and below.

Reads the source of every module of the hub (tests and migrations aside), the imports at
module level and inside functions, ``apps.get_model("app", ...)`` calls and model labels
written as text ("app.Model"), and checks each against ``hub.layers``.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from hub.layers import ENGINE, LAYERS, rank

ROOT = Path(__file__).resolve().parent.parent
HUB_APPS = {app for _layer, layer_apps in LAYERS for app in layer_apps}
SKIPPED = {"tests", "migrations", ".venv", "node_modules", "var", "locale"}


def modules():
    for app in sorted(HUB_APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            if not SKIPPED & set(path.relative_to(ROOT).parts):
                yield path


def model_labels():
    """ "app.Model" of every model of the hub, lower-cased (Wagtail and Django accept both)."""
    return {
        model._meta.label_lower
        for model in django_apps.get_models()
        if model._meta.app_label in HUB_APPS
    }


def dependencies(tree, labels=frozenset()):
    """(line, dotted target) of every reference to another module or app in a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "get_model":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value.split(".")[0]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.lower() in labels
        ):
            yield node.lineno, node.value.split(".")[0]


def layer_name(app):
    return LAYERS[rank(app)][0]


def breaks(path, labels, root=ROOT):
    source = path.relative_to(root)
    dotted_source = ".".join(source.with_suffix("").parts)
    own = source.parts[0]
    in_engine = dotted_source.startswith(ENGINE + ".")
    for line, target in dependencies(ast.parse(path.read_text(encoding="utf-8")), labels):
        app = target.split(".")[0]
        if app not in HUB_APPS:
            continue
        if in_engine:
            if not target.startswith(ENGINE):
                yield f"{source}:{line} the engine imports {target}"
        elif rank(app) > rank(own):
            yield f"{source}:{line} {own} ({layer_name(own)}) imports {target} ({layer_name(app)})"


@pytest.mark.parametrize("app", sorted(HUB_APPS))
def test_each_app_imports_only_its_layer_and_below(app):
    labels = model_labels()
    found = [
        problem
        for path in modules()
        if path.relative_to(ROOT).parts[0] == app
        for problem in breaks(path, labels)
    ]
    assert found == [], "the layers are in hub/layers.py and docs/ARCHITECTURE.md"


def test_a_lower_layer_importing_a_higher_one_is_reported(tmp_path):
    module = tmp_path / "countries" / "_layering_probe.py"
    module.parent.mkdir()
    module.write_text("def f():\n    from practices.models import PracticePage\n")
    problems = list(breaks(module, model_labels(), root=tmp_path))
    assert problems == [
        "countries/_layering_probe.py:2 countries (spaces) imports practices.models (practices)"
    ]


def test_every_app_of_the_hub_has_a_layer():
    installed = {config.name.split(".")[0] for config in django_apps.get_app_configs()}
    on_disk = {path.parent.name for path in ROOT.glob("*/__init__.py")} - SKIPPED
    assert (installed & on_disk) - HUB_APPS == set()


def test_the_check_sees_imports_inside_functions_and_model_labels():
    """The reader itself: a hidden import, a get_model string and a label are all found."""
    tree = ast.parse(
        "def f():\n"
        "    from search import service\n"
        "    apps.get_model('seminars', 'SeminarPage')\n"
        "parent_page_types = ['home.HomePage']\n"
    )
    found = {target.split(".")[0] for _line, target in dependencies(tree, model_labels())}
    assert found == {"search", "seminars", "home"}
