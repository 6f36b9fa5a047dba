import { describe, expect, it } from 'vitest';
import { newState } from '../state';
import { readLoadBalancers } from './loadBalancers';

describe('readLoadBalancers', () => {
  it('puts each load balancer in the project its column names', () => {
    const s = newState([], {});
    readLoadBalancers(s, [
      { id: 'l1', name: 'web', project: 'demo' },
      { id: 'l2', name: 'api', project: 'demo' },
    ]);
    expect(s.projects.get('demo')?.lbs.map((lb) => lb.name)).toEqual(['web', 'api']);
    expect(s.matched).toEqual(['2 load balancers.']);
  });
});
