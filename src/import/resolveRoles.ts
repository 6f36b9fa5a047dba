import { listNames, naturalCompare, show } from './fields';
import type { ImportState } from './state';

/**
 * Once every host source is read: hosts without a role get one from a hint (a Kubernetes control-plane node, the
 * agents it runs), or are left out; hosts matched without their domain are said.
 */
export function resolveRoles(s: ImportState): void {
  const guessed: string[] = [];
  for (const h of [...s.hosts.values()]) {
    if (h.roles.size > 0) continue;
    if (h.k8sControlPlane) {
      h.roles.add('controller');
      guessed.push(`${h.name} (a Kubernetes control-plane node: controller)`);
    } else if (h.hint) {
      h.roles.add(h.hint);
      guessed.push(`${h.name} (${h.hint}, from the agents it runs)`);
    } else {
      s.hosts.delete(h.key);
      s.unmatched.push(
        `Host ${show(h.name)} (from ${[...h.sources].join(', ')}) has no OpenStack role: no hypervisor, service, agent, pod or openstack-helm label says what it is; left out.`,
      );
    }
  }
  if (guessed.length)
    s.unmatched.push(`Roles guessed for hosts with no other evidence: ${listNames(guessed)}.`);
  const merged = [...s.hosts.values()].filter((h) => h.names.size > 1);
  if (merged.length)
    s.matched.push(
      `Host names matched without their domain: ${listNames(
        merged.map((h) => [...h.names].sort(naturalCompare).join(' = ')),
        4,
      )}.`,
    );
}
