"""Flask blueprints: thin routes that parse, call a use case and serialise."""
