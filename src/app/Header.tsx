import { viewFlags, viewFromFlags } from '../topology/views';
import { useApp, useAppStore } from './store';
import { navigateToView } from './useUrlSync';
import { ViewSwitch } from './ViewSwitch';

const VIEW_NOTES = {
  traditional: 'Neither: the control plane on bare-metal controllers; tenants run plain VMs.',
  'control-plane-on-k8s': "Way 1, an operator's choice: Kubernetes below OpenStack runs its control plane.",
  'k8s-in-tenant': "Way 2, an end user's choice: Kubernetes on VMs in a tenant project.",
  both: "Both: the operator's Kubernetes below OpenStack, a tenant's above it.",
} as const;

export function Header() {
  const store = useAppStore();
  const view = useApp((s) => s.view);
  const title = useApp((s) =>
    s.modelState.status === 'ready' ? (s.modelState.model.name ?? 'Untitled cloud') : '',
  );
  const flags = viewFlags(view);
  return (
    <header className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-950">
      <div className="flex items-baseline gap-2">
        <h1 className="text-[15px] font-bold tracking-tight text-slate-900 dark:text-white">Stacklayers</h1>
        {title ? <span className="text-[13px] text-slate-600 dark:text-slate-300">{title}</span> : null}
      </div>
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="sr-only">View</legend>
        <ViewSwitch
          label="OpenStack control plane on Kubernetes"
          hint="The operator runs OpenStack's services as pods on a Kubernetes cluster of the hosts (e.g. openstack-helm)."
          checked={flags.controlPlaneOnK8s}
          onChange={(on) => navigateToView(store, viewFromFlags({ ...flags, controlPlaneOnK8s: on }))}
        />
        <ViewSwitch
          label="Kubernetes in a tenant project"
          hint="A tenant runs Kubernetes on VMs of their project (e.g. Cluster API, Magnum)."
          checked={flags.k8sInTenant}
          onChange={(on) => navigateToView(store, viewFromFlags({ ...flags, k8sInTenant: on }))}
        />
      </fieldset>
      <p
        className="min-w-0 flex-1 truncate text-[12.5px] text-slate-600 dark:text-slate-300"
        aria-live="polite"
      >
        <span className="font-mono text-[11.5px] text-slate-500 dark:text-slate-400">{view}</span>{' '}
        {VIEW_NOTES[view]}
      </p>
    </header>
  );
}
