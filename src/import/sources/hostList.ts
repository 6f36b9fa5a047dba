import { PROCESSES, roleOfHostService } from '../catalog';
import { plural } from '../fields';
import type { HostListEntry } from '../parse';
import { addProcess, hostKey, hostNamed, type ImportState } from '../state';

/** Source: `openstack host list`: hosts with the role their Nova service gives. */
export function readHostList(s: ImportState, rows: readonly HostListEntry[]): void {
  for (const r of rows) {
    const h = hostNamed(s, r.host, 'host list');
    const role = roleOfHostService(r.service);
    if (role) h.roles.add(role);
    const def = role ? PROCESSES.get(`nova-${(r.service ?? '').toLowerCase()}`) : undefined;
    if (def) addProcess(s, def, h, 'host list');
  }
  if (rows.length)
    s.matched.push(`The host list named ${plural(new Set(rows.map((r) => hostKey(r.host))).size, 'host')}.`);
}
