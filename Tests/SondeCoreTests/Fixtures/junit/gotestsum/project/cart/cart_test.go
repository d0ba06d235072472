package cart

import "testing"

func TestAddItem(t *testing.T) {
	if 1+1 != 2 {
		t.Fatal("arithmetic")
	}
}

func TestTotal(t *testing.T) {
	t.Run("with_coupon", func(t *testing.T) {})
	total := 1199
	if total != 1299 {
		t.Errorf("total = %d, want %d", total, 1299)
	}
}
