import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('cart', () => {
  it('adds an item', () => {
    assert.equal(1 + 1, 2);
  });

  it('totals in cents', () => {
    assert.deepEqual({ total: 1199, currency: 'EUR' }, { total: 1299, currency: 'EUR' });
  });

  it('applies a coupon', { skip: 'coupon service not on staging' }, () => {});

  it('rounds', { todo: 'rounding bug #412' }, () => {
    assert.equal(Math.round(2.675 * 100) / 100, 2.68);
  });

  describe('checkout', () => {
    it('charges the card', () => {
      assert.equal(200, 200);
    });
  });
});
