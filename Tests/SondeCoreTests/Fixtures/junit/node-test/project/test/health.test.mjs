import { test } from 'node:test';
import assert from 'node:assert/strict';

// Top-level tests without a describe: their module is the file.
test('health endpoint answers', () => {
  assert.equal('healthy', 'healthy');
});

test('status is 200', () => {
  assert.equal(503, 200, 'expected status 200');
});

test('colours its message', () => {
  // Libraries that colour their errors (chalk and the like) leave raw ESC bytes in the message.
  throw new Error('\x1b[31mexpected status 200\x1b[0m, got 503');
});
