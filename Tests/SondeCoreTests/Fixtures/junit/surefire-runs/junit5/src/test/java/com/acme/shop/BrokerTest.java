package com.acme.shop;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrokerTest {
    @BeforeAll static void connect() throws Exception {
        throw new java.net.ConnectException("Connection refused: 127.0.0.1:5672");
    }

    @Test void publishes() {}
    @Test void consumes() {}
}
