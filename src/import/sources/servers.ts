import { listNames, plural, show } from '../fields';
import type { Server } from '../parse';
import {
  addVm,
  type HostRec,
  hostKey,
  hostNamed,
  type ImportState,
  projectNamed,
  type VmRec,
} from '../state';

/** Source: `openstack server list --all-projects --long`: VMs in their projects, on their compute hosts. */

/** Only a server list: the hosts it names are taken as compute hosts. */
export function hostsFromServers(s: ImportState, rows: readonly Server[]): void {
  const names = new Set<string>();
  for (const r of rows)
    if (r.host) {
      hostNamed(s, r.host, 'server list').roles.add('compute');
      names.add(hostKey(r.host));
    }
  if (names.size)
    s.matched.push(
      `No hypervisor, service or node list: the ${plural(names.size, 'host')} the server list names are taken as compute hosts.`,
    );
}

/** What could not be placed, for the report. */
interface Unplaced {
  unknownHost: Map<string, string[]>;
  notCompute: Map<string, string[]>;
  noFlavor: string[];
  noHost: string[];
  twice: string[];
  noProject: string[];
}

export function readServers(s: ImportState, rows: readonly Server[]): void {
  const u: Unplaced = {
    unknownHost: new Map(),
    notCompute: new Map(),
    noFlavor: [],
    noHost: [],
    twice: [],
    noProject: [],
  };
  for (const r of rows) {
    const name = r.name ?? r.id ?? '?';
    if (r.id && s.vmById.has(r.id.toLowerCase())) {
      u.twice.push(name);
      continue;
    }
    if (!r.project) u.noProject.push(name);
    const flavor = r.flavor ?? 'unknown';
    if (!r.flavor) u.noFlavor.push(name);
    const vm: VmRec = { server: r, name, project: projectNamed(s, r.project), flavor };
    vm.host = hostOf(s, r, name, u);
    addVm(s, vm);
  }
  if (rows.length) reportServers(s, rows.length, u);
}

/** A server's host: the Ironic node it is deployed on, else the compute host its Host column names. */
function hostOf(s: ImportState, r: Server, name: string, u: Unplaced): HostRec | undefined {
  // A bare-metal instance: its host column names the nova-compute (Ironic driver) service's host; the
  // node it is deployed on is the one whose Instance UUID is this server.
  const node = r.id ? s.nodeOfInstance.get(r.id.toLowerCase()) : undefined;
  if (node) {
    // Its zone is the instance's (the zone of the nova-compute service driving the node).
    if (r.zone && r.zone.toLowerCase() !== 'internal' && !node.zone)
      node.zone = { name: r.zone, source: 'server list' };
    return node;
  }
  if (!r.host) {
    u.noHost.push(name);
    return undefined;
  }
  const h = s.hosts.get(hostKey(r.host));
  if (h?.roles.has('compute') && !h.roles.has('baremetal')) return h;
  const into = h ? u.notCompute : u.unknownHost;
  into.set(r.host, [...(into.get(r.host) ?? []), name]);
  return undefined;
}

const runOn = (names: string[]) =>
  names.length === 1 ? `VM ${show(names[0] ?? '')} runs` : `VMs ${listNames(names)} run`;

function reportServers(s: ImportState, count: number, u: Unplaced): void {
  const placed = s.vms.filter((v) => v.host).length;
  const projects = new Set(s.vms.map((v) => v.project));
  s.matched.push(
    `${plural(count - u.twice.length, 'VM')} in ${plural(projects.size, 'project')}; ${placed} on ${placed === 1 ? 'its' : 'their'} compute host${placed === 1 ? '' : 's'}.`,
  );
  for (const [host, names] of u.unknownHost)
    s.unmatched.push(
      `${runOn(names)} on host ${show(host)}, which is not among the hosts found; left unplaced.`,
    );
  for (const [host, names] of u.notCompute)
    s.unmatched.push(
      `${runOn(names)} on host ${show(host)}, which is not a compute host in the input; left unplaced.`,
    );
  const { noHost, noFlavor, noProject, twice } = u;
  if (noHost.length)
    s.unmatched.push(
      `${plural(noHost.length, 'VM')} ${noHost.length === 1 ? 'has' : 'have'} no host in the server list (${listNames(noHost)}); Stacklayers places ${noHost.length === 1 ? 'it' : 'them'} (run the list as admin with --long for the hosts).`,
    );
  if (noFlavor.length)
    s.unmatched.push(
      `${plural(noFlavor.length, 'VM')} without a flavor (${listNames(noFlavor)}): shown as flavor "unknown".`,
    );
  if (noProject.length)
    s.unmatched.push(
      `${plural(noProject.length, 'VM')} without a project column (${listNames(noProject)}): put in one project "(project not in the input)".`,
    );
  if (twice.length) s.unmatched.push(`Servers listed twice (same ID) were read once: ${listNames(twice)}.`);
}
