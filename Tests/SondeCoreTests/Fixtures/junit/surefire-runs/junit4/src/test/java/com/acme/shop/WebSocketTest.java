package com.acme.shop;

import org.junit.Test;

public class WebSocketTest {
    static int reconnectTries = 0;

    @Test public void connects() {
        throw new IllegalStateException("server rejected WebSocket connection: HTTP 500");
    }

    @Test public void ping() {}

    // Fails on its first try, passes on the rerun (Surefire reruns in the same JVM).
    @Test public void reconnects() {
        reconnectTries++;
        if (reconnectTries < 2) throw new AssertionError("reconnect took 5200 ms, want under 1000 ms");
    }

    // Errors on its first two tries, passes on the third.
    static int brokerTries = 0;
    @Test public void broker() throws Exception {
        brokerTries++;
        if (brokerTries < 3) throw new java.net.ConnectException("Connection refused: 127.0.0.1:5672");
    }
}
