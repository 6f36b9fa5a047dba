import type { LoadBalancer, Project, Vm, Volume } from '../../model/schema';
import { listNames, naturalCompare, plural, show } from '../fields';
import { cap, type ProjRec } from '../state';
import { type Assembly, hostId } from './assembly';

/** The model's projects with their VMs, load balancers and volumes; empty projects of the project list are left out. */

const isServiceProject = (p: ProjRec): boolean => (p.name ?? '').toLowerCase() === 'service';

export function assembleProjects(a: Assembly): Project[] {
  const emptyListed: string[] = [];
  const projRecs = [...a.s.projects.values()]
    .filter((p) => {
      const empty = p.vms.length + p.lbs.length + p.volumes.length === 0;
      if (empty && p.listed) emptyListed.push(p.name ?? p.key);
      return !empty;
    })
    .sort(
      (x, y) =>
        Number(x.key === '') - Number(y.key === '') ||
        Number(isServiceProject(x)) - Number(isServiceProject(y)) ||
        naturalCompare(x.name ?? x.key, y.name ?? y.key),
    );
  for (const p of projRecs) p.id = a.ids.take(p.name ?? p.key, p.key ? 'project' : 'unknown-project');
  const projects = projRecs.map((p) => projectOut(a, p));
  if (emptyListed.length)
    a.s.matched.push(
      `Left out ${plural(emptyListed.length, 'project')} without VMs, load balancers or volumes: ${listNames(emptyListed.sort(naturalCompare))}.`,
    );
  return projects;
}

function projectOut(a: Assembly, p: ProjRec): Project {
  const project: Project = { id: p.id as string };
  const name = p.key === '' ? '(project not in the input)' : (p.name ?? p.key);
  if (name !== project.id) project.name = cap(name, 1000);
  if (isServiceProject(p)) project.owner = 'operator';
  if (p.note) project.description = p.note;
  else if (!p.listed && p.key !== '')
    project.description =
      'Not in the project list: named as the server list (or load balancer or volume list) gives it.';
  if (p.vms.length) project.vms = vmsOut(a, p, name);
  const built = { lbs: [] as string[], volumes: [] as string[] };
  a.built.set(p, built);
  if (p.lbs.length) project.loadBalancers = loadBalancersOut(a, p, built.lbs);
  if (p.volumes.length) project.volumes = volumesOut(a, p, built.volumes);
  return project;
}

function vmsOut(a: Assembly, p: ProjRec, projectName: string): Vm[] {
  const dupes = new Map<string, string[]>();
  const vms = [...p.vms]
    .sort((x, y) => naturalCompare(x.name, y.name))
    .map((v) => {
      v.id = a.ids.take(v.name, v.server.id ? `vm-${v.server.id.slice(0, 8)}` : 'vm');
      dupes.set(v.name.toLowerCase(), [...(dupes.get(v.name.toLowerCase()) ?? []), v.id]);
      const vm: Vm = { id: v.id, flavor: cap(v.flavor, 100) };
      if (v.name !== v.id) vm.name = cap(v.name, 1000);
      const h = v.host ? hostId(a, v.host.key) : undefined;
      if (h) vm.host = h;
      if (v.server.image) vm.image = cap(v.server.image, 200);
      const facts = [v.server.id ? `server ${v.server.id}` : '', v.server.status ?? '']
        .filter(Boolean)
        .join(', ');
      if (facts) vm.description = cap(`Nova ${facts}.`, 2000);
      return vm;
    });
  for (const [, ids] of dupes)
    if (ids.length > 1)
      a.s.unmatched.push(
        `${ids.length} VMs of project ${show(projectName)} share a name; their ids are ${listNames(ids)} (match nodes by providerID to tell them apart).`,
      );
  return vms;
}

function loadBalancersOut(a: Assembly, p: ProjRec, built: string[]): LoadBalancer[] {
  return p.lbs.map((lb): LoadBalancer => {
    const id = a.ids.take(lb.name ?? '', lb.id ? `lb-${lb.id.slice(0, 8)}` : 'lb');
    built.push(id);
    const out: LoadBalancer = { id };
    if (lb.name && lb.name !== id) out.name = cap(lb.name, 1000);
    const facts = [lb.id ? `load balancer ${lb.id}` : '', lb.vip ? `VIP ${lb.vip}` : '']
      .filter(Boolean)
      .join(', ');
    if (facts) out.description = cap(`Octavia ${facts}.`, 2000);
    return out;
  });
}

function volumesOut(a: Assembly, p: ProjRec, built: string[]): Volume[] {
  return p.volumes.map(({ v, attachedTo }): Volume => {
    const id = a.ids.take(v.name ?? '', v.id ? `vol-${v.id.slice(0, 8)}` : 'volume');
    built.push(id);
    const out: Volume = { id, sizeGiB: Math.min(v.sizeGiB ?? 1, 10_000_000) };
    if (v.name && v.name !== id) out.name = cap(v.name, 1000);
    if (attachedTo?.id) out.attachedTo = attachedTo.id;
    if (v.id) out.description = cap(`Cinder volume ${v.id}${v.status ? `, ${v.status}` : ''}.`, 2000);
    return out;
  });
}
