import pytest


@pytest.fixture
def database():
    raise ConnectionRefusedError(111, "Connection refused")


def test_startup_sequence():
    assert ["config", "db", "http"].index("http") == 2


def test_health_checks_registered():
    assert "health" in {"health": True}


def test_reconnects_to_database(database):
    assert database
