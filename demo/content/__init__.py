"""The demo content, one module per feature: pure data, every person in it invented."""
