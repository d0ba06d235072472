package com.acme.shop;

import org.junit.jupiter.api.Test;

class WebSocketTest {
    static int reconnectTries = 0;

    @Test void connects() {
        throw new IllegalStateException("server rejected WebSocket connection: HTTP 500");
    }

    @Test void ping() {}

    // Fails on its first try, passes on the rerun.
    @Test void reconnects() {
        reconnectTries++;
        if (reconnectTries < 2) throw new AssertionError("reconnect took 5200 ms, want under 1000 ms");
    }
}
