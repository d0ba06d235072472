import { before, describe, it } from 'node:test';

describe('broker', () => {
  before(() => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5672');
  });

  it('publishes', () => {});
  it('consumes', () => {});
});
