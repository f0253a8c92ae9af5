"""Pure-Python core: numbers, settings model, secrets, history, dialer. Never imports Qt."""
