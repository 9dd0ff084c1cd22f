"""The layers of the hub, bottom to top: the one list the layering test reads.

Each app imports only from its own layer and the layers below it: at module level, inside
functions, through ``apps.get_model`` and in model labels written as text ("app.Model").
docs/ARCHITECTURE.md says what each layer holds and why the order is this one.
"""

#: (layer, its apps), bottom first.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("core",)),
    ("spaces", ("countries",)),
    ("questions", ("questions",)),
    ("practices", ("practices",)),
    ("seminars", ("seminars",)),
    ("recommendations", ("recommendations",)),
    ("search", ("search",)),
    ("site", ("home", "demo", "hub")),
)

#: The search engine: a modelsearch backend that imports no app of the hub at all.
ENGINE = "search.backends"


def rank(app: str) -> int | None:
    """The layer number of ``app`` (0 for the foundation), or None if it is not the hub's."""
    for number, (_name, apps) in enumerate(LAYERS):
        if app in apps:
            return number
    return None
