import { displayName, hostsForRole, roleList } from '../../model/access';
import type { Host, Model, Process, Service, WorkloadKind } from '../../model/schema';
import type { ServiceCategory } from '../scene';
import { addRunsOn, type DeriveState, k8sNodeId, serviceInstanceId } from './state';

/**
 * Stage 3, OpenStack's services: one instance per process and host it is placed on, with the id
 * `process@host` in every view. A container (or a process) on its host; in the views with the operator's
 * Kubernetes, a pod on the node of its host when that host is a member of the cluster.
 */
export function deriveServices(state: DeriveState): void {
  const { model, flags, members, operator } = state;
  const form = model.deployment?.form === 'processes' ? 'process' : 'container';
  for (const s of model.services) {
    for (const p of s.processes) {
      const hosts = placeProcess(model, p);
      const workloadKind = processWorkloadKind(p);
      for (const h of hosts) {
        const asPod = flags.controlPlaneOnK8s && members.has(h.id);
        const id = serviceInstanceId(p.id, h.id);
        const on = asPod ? k8sNodeId(operator.id, h.id) : h.id;
        state.elements.push({
          id,
          kind: 'service',
          name: displayName(p),
          layer: 'openstack',
          owner: 'operator',
          description: p.description ?? s.description,
          docs: p.docs ?? s.docs,
          serviceId: s.id,
          serviceName: displayName(s),
          processId: p.id,
          category: serviceCategory(s, p),
          form: asPod ? 'pod' : form,
          workloadKind: asPod ? workloadKind : undefined,
          host: h.id,
          quorum: p.quorum ?? false,
          replicas: hosts.length,
          cell: p.cell,
          failure: p.failure,
          runsOn: on,
        });
        addRunsOn(state, id, on);
      }
    }
  }
}

/** FNV-1a: a small stable hash, so placement does not depend on anything but the model. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hosts a process runs on: its `hosts`, else all hosts of its role, or `replicas` of them spread deterministically. */
function placeProcess(model: Model, process: Process): Host[] {
  const candidates = hostsForRole(model, process.role);
  if (process.hosts) {
    const wanted = new Set(process.hosts);
    return candidates.filter((h) => wanted.has(h.id));
  }
  const n = process.replicas;
  if (n === undefined || n >= candidates.length) return candidates;
  const start = hash(process.id) % candidates.length;
  const chosen = new Set<number>();
  for (let i = 0; i < n; i++) chosen.add((start + i) % candidates.length);
  return candidates.filter((_, i) => chosen.has(i));
}

/** The Kubernetes workload kind a process becomes on the operator's cluster. */
function processWorkloadKind(process: Process): WorkloadKind {
  if (process.k8s) return process.k8s;
  return roleList(process.role).every((r) => r === 'compute' || r === 'network') ? 'DaemonSet' : 'Deployment';
}

function serviceCategory(service: Service, process: Process): ServiceCategory {
  if (service.kind === 'storage') return 'storage';
  if (roleList(process.role).includes('compute')) return 'data-plane';
  if (service.kind === 'infrastructure') return 'infrastructure';
  return 'control-plane';
}
