"""A dict-backed stand-in for the Windows registry (HKCU), which cannot run on Linux."""


class FakeRegistry:
    def __init__(self) -> None:
        self.keys: dict[str, dict[str, str]] = {}

    def set_value(self, key: str, name: str, value: str) -> None:
        assert "/" not in key, "registry paths use backslashes"
        self.keys.setdefault(key.lower(), {})[name] = value

    def get_value(self, key: str, name: str) -> str | None:
        return self.keys.get(key.lower(), {}).get(name)

    def delete_value(self, key: str, name: str) -> None:
        self.keys.get(key.lower(), {}).pop(name, None)

    def delete_tree(self, key: str) -> None:
        prefix = key.lower()
        for existing in list(self.keys):
            if existing == prefix or existing.startswith(prefix + "\\"):
                del self.keys[existing]

    def values(self, key: str) -> dict[str, str]:
        return dict(self.keys.get(key.lower(), {}))
