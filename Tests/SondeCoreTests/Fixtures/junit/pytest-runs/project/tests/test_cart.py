import pytest


class TestCart:
    def test_add_item(self):
        assert 1 + 1 == 2

    def test_total_in_cents(self):
        total = 1199
        assert total == 1299, "total in cents"

    @pytest.mark.skip(reason="coupon service not on staging")
    def test_coupon(self):
        pass

    @pytest.mark.xfail(reason="rounding bug #412")
    def test_rounding(self):
        assert round(2.675, 2) == 2.68

    @pytest.mark.xfail(reason="tax table fixed upstream?")
    def test_tax_table(self):
        assert True


def test_colour_message():
    # A message with ANSI colour, as tools that colour their assertion output write it.
    raise AssertionError("\x1b[31mexpected status 200\x1b[0m, got 503")
