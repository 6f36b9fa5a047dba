import { listNames, plural, show } from '../fields';
import type { VolumeEntry } from '../parse';
import { type ImportState, projectNamed, type VmRec } from '../state';

/** Source: `openstack volume list --all-projects --long`: Cinder volumes in their projects, attached to their VMs. */

/** The VM a volume is attached to: by server id, else by a name only one VM has. */
function attachedVm(s: ImportState, v: VolumeEntry): VmRec | undefined {
  for (const ref of v.attachedTo) {
    const r = ref.toLowerCase();
    const byName = s.vmsByName.get(r);
    const vm = s.vmById.get(r) ?? (byName?.length === 1 ? byName[0] : undefined);
    if (vm) return vm;
  }
  return undefined;
}

export function readVolumes(s: ImportState, rows: readonly VolumeEntry[]): void {
  let attached = 0;
  const noSize: string[] = [];
  const noProject: string[] = [];
  for (const v of rows) {
    const label = v.name ?? v.id ?? '?';
    if (v.sizeGiB === undefined || !(v.sizeGiB > 0)) {
      noSize.push(label);
      continue;
    }
    let vm = attachedVm(s, v);
    if (!vm && v.attachedTo.length)
      s.unmatched.push(
        `Volume ${show(label)} is attached to ${listNames(v.attachedTo)}, which is no VM of the server list; shown unattached.`,
      );
    const project = v.project ? projectNamed(s, v.project) : vm?.project;
    if (!project) {
      noProject.push(label);
      continue;
    }
    if (vm && vm.project !== project) {
      s.unmatched.push(
        `Volume ${show(label)} of project ${show(project.name ?? project.key)} is attached to VM ${show(vm.name)} of another project; shown unattached.`,
      );
      vm = undefined;
    }
    project.volumes.push({ v, attachedTo: vm });
    if (vm) attached++;
  }
  const used = rows.length - noSize.length - noProject.length;
  if (used) s.matched.push(`${plural(used, 'volume')}, ${attached} attached to VMs.`);
  if (noSize.length) s.unmatched.push(`Volumes without a size were left out: ${listNames(noSize)}.`);
  if (noProject.length)
    s.unmatched.push(
      `Volumes with no project column and attached to no VM were left out (their project is unknown): ${listNames(noProject)}.`,
    );
}
