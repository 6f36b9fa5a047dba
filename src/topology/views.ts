import type { View } from '../model/schema';
import { VIEWS } from '../model/vocabulary';
import type { ViewFlags } from './scene';

export { VIEWS, type View };

/** The switches that give a view. */
export function viewFlags(view: View): ViewFlags {
  return {
    controlPlaneOnK8s: view === 'control-plane-on-k8s' || view === 'both',
    k8sInTenant: view === 'k8s-in-tenant' || view === 'both',
  };
}

/** The view two switches give. */
export function viewFromFlags(flags: ViewFlags): View {
  if (flags.controlPlaneOnK8s) return flags.k8sInTenant ? 'both' : 'control-plane-on-k8s';
  return flags.k8sInTenant ? 'k8s-in-tenant' : 'traditional';
}

/** Narrows any string to a view. */
export function isView(value: unknown): value is View {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}
