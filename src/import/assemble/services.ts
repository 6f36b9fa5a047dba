import { HOST_ROLES, type HostRole, type Process, type Service } from '../../model/schema';
import { SERVICE_ORDER, SERVICES } from '../catalog';
import { listNames, naturalCompare, plural } from '../fields';
import { IdAllocator } from '../ids';
import { cap, type HostRec, type ProcRec } from '../state';
import type { Assembly } from './assembly';

/** The model's services and their processes, on the hosts they were seen on (hosts left out drop out). */
export function assembleServices(a: Assembly): { services: Service[]; processCount: number } {
  const byService = new Map<string, ProcRec[]>();
  for (const p of a.s.procs.values()) {
    const live = [...p.hosts].filter((k) => a.s.hosts.has(k));
    if (live.length === 0) continue;
    p.hosts = new Set(live);
    byService.set(p.def.service, [...(byService.get(p.def.service) ?? []), p]);
  }
  const serviceIds = [...byService.keys()].sort((x, y) => {
    const ix = SERVICE_ORDER.indexOf(x);
    const iy = SERVICE_ORDER.indexOf(y);
    return (ix < 0 ? 999 : ix) - (iy < 0 ? 999 : iy) || naturalCompare(x, y);
  });
  const services: Service[] = [];
  let processCount = 0;
  const serviceIdsTaken = new IdAllocator();
  for (const sid of serviceIds) {
    const recs = (byService.get(sid) ?? []).sort((x, y) => naturalCompare(x.def.id, y.def.id));
    const processes: Process[] = recs.map((p) => {
      processCount++;
      return processOut(a, p);
    });
    const def = SERVICES.get(sid);
    const id = serviceIdsTaken.take(sid, 'service');
    const service: Service = { id, processes };
    service.name = def?.name ?? sid;
    if (def && def.kind !== 'openstack') service.kind = def.kind;
    services.push(service);
  }
  return { services, processCount };
}

function processOut(a: Assembly, p: ProcRec): Process {
  const hosts = [...p.hosts].map((k) => a.s.hosts.get(k) as HostRec);
  // Its role: the roles it is known for that its hosts have; a host with none of them adds its own.
  const roles = new Set<HostRole>();
  for (const h of hosts) {
    const mine = p.def.roles.filter((r) => h.roles.has(r));
    if (mine.length) for (const r of mine) roles.add(r);
    else roles.add(HOST_ROLES.find((r) => h.roles.has(r)) as HostRole);
  }
  const roleList = HOST_ROLES.filter((r) => roles.has(r));
  const ofRole = [...a.s.hosts.values()].filter((h) => roleList.some((r) => h.roles.has(r))).length;
  const id = a.ids.take(p.def.id, 'process');
  const out: Process = { id, role: roleList.length === 1 ? (roleList[0] as HostRole) : roleList };
  if (id !== p.def.id) out.name = p.def.id;
  if (hosts.length < ofRole) {
    out.replicas = hosts.length;
    // The very hosts the pods or services were seen on, so the diagram draws them there.
    const ids = hosts.map((h) => h.id).filter((x): x is string => typeof x === 'string');
    if (ids.length === hosts.length) out.hosts = ids;
  }
  const kind = p.kind ?? p.def.k8s;
  if (kind) out.k8s = kind;
  if (p.def.quorum) out.quorum = true;
  const where = hosts.map((h) => h.name).sort(naturalCompare);
  const pods = p.pods ? `${plural(p.pods, 'pod')} ` : '';
  out.description = cap(`${pods}on ${listNames(where, 8)} (from ${[...p.sources].join(', ')}).`, 2000);
  return out;
}
