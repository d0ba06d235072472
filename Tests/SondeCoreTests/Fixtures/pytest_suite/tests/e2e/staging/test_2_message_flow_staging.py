def _upgrade_status():
    return 500


def test_message_schema():
    assert len("hello") == 5


def test_message_ordering():
    assert sorted([3, 1, 2]) == [1, 2, 3]


def test_message_size_limit():
    assert 1024 < 65536


def test_real_error_handling_flow():
    status = _upgrade_status()
    assert status == 101, f"server rejected WebSocket connection: HTTP {status}"


def test_real_websocket_message_flow():
    status = _upgrade_status()
    assert status == 101, f"server rejected WebSocket connection: HTTP {status}"
