import pytest


class InvalidStatus(Exception):
    pass


@pytest.fixture
def broker():
    raise ConnectionRefusedError("[Errno 111] Connection refused: 127.0.0.1:5672")


@pytest.fixture
def leaky():
    yield
    raise RuntimeError("socket left open after test")


def test_connect():
    raise InvalidStatus("server rejected WebSocket connection: HTTP 500")


def test_event_flow():
    raise InvalidStatus("server rejected WebSocket connection: HTTP 500")


def test_with_broker(broker):
    pass


def test_teardown_leak(leaky):
    assert True
