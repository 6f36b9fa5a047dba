import type { HostRole } from '../../model/schema';
import { type ProcessDef, processOfAgent, processOfComputeService } from '../catalog';
import { listNames, plural } from '../fields';
import type { Agent, ComputeService } from '../parse';
import { addProcess, type HostRec, hostKey, hostNamed, type ImportState } from '../state';

/** Sources: `openstack compute service list` and `openstack network agent list`: processes on their hosts. */

/** A service's host: a host, or, when it is the name of an operator pod (no host network), that pod's node. */
function serviceHost(
  s: ImportState,
  name: string,
  podNodes: ReadonlyMap<string, string>,
  source: string,
  inPods: string[],
): HostRec {
  if (!s.hosts.has(hostKey(name))) {
    const node = podNodes.get(name);
    if (node !== undefined) {
      inPods.push(name);
      return hostNamed(s, node, source);
    }
  }
  return hostNamed(s, name, source);
}

/** Places each row's process on its host; returns the hosts that were pods' names, and the rows of no known process. */
function placeAll<R extends { host: string }>(
  s: ImportState,
  rows: readonly R[],
  podNodes: ReadonlyMap<string, string>,
  source: string,
  processOf: (row: R) => { process: ProcessDef; hostRole?: HostRole | undefined } | undefined,
  nameOf: (row: R) => string,
): { inPods: string[]; unknown: string[] } {
  const inPods: string[] = [];
  const unknown: string[] = [];
  for (const r of rows) {
    const m = processOf(r);
    if (!m) {
      unknown.push(nameOf(r));
      continue;
    }
    const h = serviceHost(s, r.host, podNodes, source, inPods);
    if (m.hostRole) h.roles.add(m.hostRole);
    addProcess(s, m.process, h, source);
  }
  return { inPods, unknown };
}

export function readComputeServices(
  s: ImportState,
  rows: readonly ComputeService[],
  podNodes: ReadonlyMap<string, string>,
): void {
  const { inPods, unknown } = placeAll(
    s,
    rows,
    podNodes,
    'compute services',
    (r) => {
      const process = processOfComputeService(r.binary);
      return process && { process };
    },
    (r) => r.binary,
  );
  if (rows.length)
    s.matched.push(`${plural(rows.length - unknown.length, 'compute service')} placed on their hosts.`);
  if (inPods.length)
    s.matched.push(
      `${plural(inPods.length, 'compute service')} report a pod's name as their host (${listNames(inPods, 3)}): placed on the pods' nodes.`,
    );
  if (unknown.length)
    s.unmatched.push(`Compute services that are not Nova's were left out: ${listNames(unknown)}.`);
}

export function readNetworkAgents(
  s: ImportState,
  rows: readonly Agent[],
  podNodes: ReadonlyMap<string, string>,
): void {
  const { inPods, unknown } = placeAll(
    s,
    rows,
    podNodes,
    'network agents',
    (a) => processOfAgent(a.type, a.binary),
    (a) => a.type ?? a.binary ?? '?',
  );
  if (rows.length)
    s.matched.push(`${plural(rows.length - unknown.length, 'network agent')} placed on their hosts.`);
  if (inPods.length)
    s.matched.push(
      `${plural(inPods.length, 'network agent')} report a pod's name as their host: placed on the pods' nodes.`,
    );
  if (unknown.length)
    s.unmatched.push(`Network agents of unknown types were left out: ${listNames(unknown)}.`);
}
