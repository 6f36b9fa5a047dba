import { listNames, plural } from '../fields';
import type { Hypervisor } from '../parse';
import { hostNamed, type ImportState } from '../state';

/** Source: `openstack hypervisor list --long`: compute hosts with their cores and memory (Ironic's are left out). */
export function readHypervisors(s: ImportState, rows: readonly Hypervisor[]): void {
  const ironic: string[] = [];
  for (const hv of rows) {
    if (hv.type?.toLowerCase() === 'ironic') {
      ironic.push(hv.name);
      continue;
    }
    const h = hostNamed(s, hv.name, 'hypervisor list');
    h.roles.add('compute');
    if (hv.vcpus !== undefined && hv.vcpus >= 1 && hv.vcpus <= 100_000) h.cores = Math.round(hv.vcpus);
    if (hv.memoryMb !== undefined && hv.memoryMb > 0 && hv.memoryMb < 1e12)
      h.ramGiB = Math.max(0.1, Math.round((hv.memoryMb / 1024) * 10) / 10);
  }
  if (rows.length > ironic.length)
    s.matched.push(`${plural(rows.length - ironic.length, 'hypervisor')}: compute hosts.`);
  if (ironic.length)
    s.matched.push(
      `${plural(ironic.length, 'Ironic hypervisor')} (bare-metal nodes, not compute hosts) left out: ${listNames(ironic)}.`,
    );
}
