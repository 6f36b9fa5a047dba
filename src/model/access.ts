import type { Host, HostRole, Model, Process } from './schema';

/** A process's role field as a list. */
export function roleList(role: Process['role']): readonly HostRole[] {
  return typeof role === 'string' ? [role] : role;
}

/** The hosts that have any of the roles, in model order. */
export function hostsForRole(model: Model, role: Process['role']): Host[] {
  const roles = roleList(role);
  return model.hosts.filter((h) => h.roles.some((r) => roles.includes(r)));
}

/** The name to show: the name when given, else the id. */
export function displayName(el: { id: string; name?: string | undefined }): string {
  return el.name ?? el.id;
}
