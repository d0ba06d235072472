import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

class InvalidStatus extends Error {}

describe('websocket', () => {
  it('connects', () => {
    throw new InvalidStatus('server rejected WebSocket connection: HTTP 500');
  });

  it('streams events', () => {
    throw new InvalidStatus('server rejected WebSocket connection: HTTP 500');
  });

  it('answers ping', () => {
    assert.ok(true);
  });
});
