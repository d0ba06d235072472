import unittest


class InvalidStatus(Exception):
    pass


class WebSocketTest(unittest.TestCase):
    def test_connect(self):
        raise InvalidStatus("server rejected WebSocket connection: HTTP 500")

    def test_event_flow(self):
        raise InvalidStatus("server rejected WebSocket connection: HTTP 500")

    def test_ping(self):
        self.assertTrue(True)


class BrokerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ConnectionRefusedError("[Errno 111] Connection refused: 127.0.0.1:5672")

    def test_publish(self):
        pass

    def test_consume(self):
        pass
