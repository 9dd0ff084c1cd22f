"""What builds the demo content into the hub, one module per feature (``seed_demo`` calls
them in order)."""
