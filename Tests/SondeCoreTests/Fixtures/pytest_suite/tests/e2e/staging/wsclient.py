"""Stands in for a WebSocket client: raises as `websockets` does when an upgrade is rejected. No network."""


class InvalidStatus(Exception):
    pass


def connect(url, status):
    if status != 101:
        raise InvalidStatus(f"server rejected WebSocket connection: HTTP {status}")
    return url
