import type { Host } from '../../model/schema';
import { listNames, plural } from '../fields';
import type { BaremetalNode } from '../parse';
import { cap, hostKey, hostNamed, type ImportState } from '../state';

/** Source: `openstack baremetal node list --long`: Ironic nodes, hosts with the role baremetal, each given whole to the instance deployed on it. */
export function readBaremetalNodes(s: ImportState, rows: readonly BaremetalNode[]): void {
  if (!rows.length) return;
  let deployed = 0;
  const clash: string[] = [];
  for (const n of rows) {
    const name = n.name ?? n.uuid ?? '';
    if (s.hosts.has(hostKey(name))) {
      clash.push(name);
      continue;
    }
    const h = hostNamed(s, name, 'baremetal node list');
    h.roles.add('baremetal');
    const ironic: NonNullable<Host['ironic']> = {};
    if (n.uuid) ironic.node = cap(n.uuid, 100);
    if (n.provisionState) ironic.provisionState = cap(n.provisionState, 40);
    if (n.powerState) ironic.powerState = cap(n.powerState, 40);
    if (n.resourceClass) ironic.resourceClass = cap(n.resourceClass, 100);
    if (n.maintenance !== undefined) ironic.maintenance = n.maintenance;
    h.ironic = ironic;
    if (n.instanceUuid) {
      s.nodeOfInstance.set(n.instanceUuid.toLowerCase(), h);
      deployed++;
    }
  }
  s.matched.push(
    `${plural(rows.length - clash.length, 'Ironic node')}: bare-metal hosts, ${deployed} with an instance deployed on ${deployed === 1 ? 'it' : 'them'}.`,
  );
  if (clash.length)
    s.unmatched.push(
      `Ironic nodes named like another host were left out (a node is given whole to an instance, it is not also a hypervisor): ${listNames(clash)}.`,
    );
}
