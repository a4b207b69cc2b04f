import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS } from './api';
import { API_EVENT_NAMES, API_METHOD_NAMES } from './api-names';

describe('api-names', () => {
  it('lists exactly the methods and events of the contract', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual([...API_METHODS].sort());
    expect([...API_EVENT_NAMES].sort()).toEqual([...API_EVENTS].sort());
  });
});
