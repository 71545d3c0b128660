"""Side by Side: turns course modules, scenarios and worksheets written in YAML into a site."""
