"""Helpers shared by the search management commands."""


def models_by_index(backend, models):
    """{index: [models]} for the given indexed models, in a stable order."""
    indexes, grouped = {}, {}
    for model in models:
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.get_key(), index)
        grouped.setdefault(index.get_key(), []).append(model)
    return {indexes[key]: grouped[key] for key in grouped}
