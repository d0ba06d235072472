package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CartTest {
    @Test void addsItem() { assertEquals(2, 1 + 1); }

    @Test @DisplayName("total in cents") void totalInCents() { assertEquals(1299, 1199, "total in cents"); }

    @Disabled("coupon service not on staging")
    @Test void coupon() {}

    @Nested class Checkout {
        @Test void charges() {}
    }
}
