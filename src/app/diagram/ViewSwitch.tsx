import { memo } from 'react';
import { type View, viewFlags, viewFromFlags } from '../../topology/views';

interface Props {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A real switch: role="switch", named by its visible label, operable with Space and Enter. */
function ViewSwitchView({ label, hint, checked, onChange }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      title={hint}
      onClick={() => onChange(!checked)}
      className="group flex items-center gap-2 rounded-md px-2 py-1 text-left text-[13px] leading-tight text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      <span
        aria-hidden="true"
        className={`relative inline-flex h-5 w-9 flex-none items-center rounded-full motion-safe:transition-colors ${
          checked ? 'bg-blue-600' : 'bg-slate-400 dark:bg-slate-600'
        }`}
      >
        <span
          className={`inline-block h-4 w-4 rounded-full bg-white shadow motion-safe:transition-transform ${
            checked ? 'translate-x-[18px]' : 'translate-x-0.5'
          }`}
        />
      </span>
      <span>{label}</span>
    </button>
  );
}

const ViewSwitch = memo(ViewSwitchView);

/** The two switches that give the four views; `onSwitch` decides how a switch is applied (history or not). */
export function ViewSwitches({
  view,
  onSwitch,
  className,
}: {
  view: View;
  onSwitch: (view: View) => void;
  className?: string;
}) {
  const flags = viewFlags(view);
  return (
    <fieldset className={`flex flex-wrap items-center gap-0.5 ${className ?? ''}`}>
      <legend className="sr-only">View</legend>
      <ViewSwitch
        label="OpenStack control plane on Kubernetes"
        hint="The operator runs OpenStack's services as pods on a Kubernetes cluster of the hosts (e.g. openstack-helm)."
        checked={flags.controlPlaneOnK8s}
        onChange={(on) => onSwitch(viewFromFlags({ ...flags, controlPlaneOnK8s: on }))}
      />
      <ViewSwitch
        label="Kubernetes in a tenant project"
        hint="A tenant runs Kubernetes on VMs of their project (e.g. Cluster API, Magnum)."
        checked={flags.k8sInTenant}
        onChange={(on) => onSwitch(viewFromFlags({ ...flags, k8sInTenant: on }))}
      />
    </fieldset>
  );
}
