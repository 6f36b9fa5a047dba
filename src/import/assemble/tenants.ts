import type { TenantCluster, Workload } from '../../model/schema';
import { workloadsOf } from '../clusters';
import { naturalCompare, plural, show } from '../fields';
import { cap, type TenantRec } from '../state';
import type { Assembly } from './assembly';

/** The model's tenant clusters, with the load balancers, volumes and workloads that are theirs (after the projects). */
export const assembleTenants = (a: Assembly): TenantCluster[] => a.s.tenants.map((t) => tenantOut(a, t));

function tenantOut(a: Assembly, t: TenantRec): TenantCluster {
  const c = t.cluster;
  const id = a.ids.take(c.name, 'cluster');
  const cluster: TenantCluster = {
    id,
    project: t.project.id as string,
    tool: t.tool,
    controlPlane: t.controlPlane.map((v) => v.id as string),
    workers: t.workers.map((v) => v.id as string),
  };
  if (id !== c.name) cluster.name = c.name;
  if (t.version) cluster.kubernetesVersion = cap(t.version, 40);
  const lbs = clusterLoadBalancers(a, t);
  if (lbs.length) cluster.loadBalancers = lbs;
  const volumes = clusterVolumes(a, t);
  if (volumes.length) cluster.volumes = volumes;
  const workloads = workloadsOf(c.pods).sort(
    (x, y) => naturalCompare(x.namespace, y.namespace) || naturalCompare(x.name, y.name),
  );
  if (workloads.length)
    cluster.workloads = workloads.map((w): Workload => {
      const wid = a.ids.take(w.name, 'workload');
      const label = w.namespace === 'default' ? w.name : `${w.name} (${w.namespace})`;
      const out: Workload = { id: wid, kind: w.kind };
      if (label !== wid) out.name = cap(label, 1000);
      if (w.kind !== 'DaemonSet') out.replicas = Math.min(w.pods, 10_000);
      return out;
    });
  if (workloads.length || lbs.length || volumes.length)
    a.s.matched.push(
      `Cluster ${show(c.name)}: ${[
        workloads.length ? plural(workloads.length, 'workload') : '',
        lbs.length ? plural(lbs.length, 'load balancer') : '',
        volumes.length ? plural(volumes.length, 'volume') : '',
      ]
        .filter(Boolean)
        .join(', ')}.`,
    );
  return cluster;
}

/** Its load balancers: CAPO's API server LB and cloud-provider-openstack's Services carry its name. */
function clusterLoadBalancers(a: Assembly, t: TenantRec): string[] {
  const name = t.cluster.name.toLowerCase();
  const onlyCluster = a.s.tenants.filter((o) => o.project === t.project).length === 1;
  return t.project.lbs
    .map((lb, i) => ({ lb, id: a.built.get(t.project)?.lbs[i] }))
    .filter(({ lb }) => {
      const n = (lb.name ?? '').toLowerCase();
      return n.includes(name) || (onlyCluster && n.startsWith('kube_service_'));
    })
    .map(({ id }) => id)
    .filter((x) => x !== undefined);
}

/** Its volumes: PersistentVolumes (Cinder CSI names them pvc-…) attached to its nodes. */
function clusterVolumes(a: Assembly, t: TenantRec): string[] {
  const vmIds = new Set([...t.controlPlane, ...t.workers].map((v) => v.id as string));
  return t.project.volumes
    .map(({ v, attachedTo }, i) => ({ v, attachedTo, id: a.built.get(t.project)?.volumes[i] }))
    .filter(({ v, attachedTo }) => attachedTo?.id && vmIds.has(attachedTo.id) && /^pvc-/i.test(v.name ?? ''))
    .map(({ id }) => id)
    .filter((x) => x !== undefined);
}
