import type { ProjectEntry } from '../parse';
import type { ImportState, ProjRec } from '../state';

/** Source: `openstack project list`: the projects by id and name (the other sources name projects by either). */
export function readProjects(s: ImportState, rows: readonly ProjectEntry[]): void {
  for (const r of rows) {
    const key = r.id.toLowerCase();
    if (s.projects.has(key)) continue;
    const p: ProjRec = { key, name: r.name, listed: true, vms: [], lbs: [], volumes: [] };
    s.projects.set(key, p);
    if (r.name && !s.projectByName.has(r.name.toLowerCase())) s.projectByName.set(r.name.toLowerCase(), p);
  }
}
