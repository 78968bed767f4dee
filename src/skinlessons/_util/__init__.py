"""Small helpers every layer may use: atomic files, hashing, Jinja, lazy names, zips, YAML."""
