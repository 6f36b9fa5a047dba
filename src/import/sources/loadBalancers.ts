import { plural } from '../fields';
import type { LoadBalancerEntry } from '../parse';
import { type ImportState, projectNamed } from '../state';

/** Source: `openstack loadbalancer list`: Octavia load balancers in their projects. */
export function readLoadBalancers(s: ImportState, rows: readonly LoadBalancerEntry[]): void {
  for (const lb of rows) projectNamed(s, lb.project).lbs.push(lb);
  if (rows.length) s.matched.push(`${plural(rows.length, 'load balancer')}.`);
}
