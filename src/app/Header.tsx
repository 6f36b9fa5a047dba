import { PersonaLens } from './PersonaLens';
import { Search } from './Search';
import { useApp, useAppStore } from './store';
import { ThemeControl } from './ThemeControl';
import { Toolbar } from './Toolbar';
import { navigateToView } from './useUrlSync';
import { ViewSwitches } from './ViewSwitch';

const VIEW_NOTES = {
  traditional: 'Neither: the control plane on bare-metal controllers; tenants run plain VMs.',
  'control-plane-on-k8s': "Way 1, an operator's choice: Kubernetes below OpenStack runs its control plane.",
  'k8s-in-tenant': "Way 2, an end user's choice: Kubernetes on VMs in a tenant project.",
  both: "Both: the operator's Kubernetes below OpenStack, a tenant's above it.",
} as const;

function ModelStatus() {
  const title = useApp((s) => s.model?.name ?? s.source.label);
  const edited = useApp((s) => s.edited);
  const problems = useApp((s) => s.issues.length);
  return (
    <span
      className="flex min-w-0 items-baseline gap-2 text-[13px] text-slate-600 dark:text-slate-300"
      data-testid="model-status"
    >
      <span className="truncate">{title}</span>
      {edited ? <span className="text-[11.5px] text-slate-500 dark:text-slate-400">edited</span> : null}
      {problems > 0 ? (
        <span className="rounded bg-rose-100 px-1.5 text-[11.5px] font-medium text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {problems} {problems === 1 ? 'problem' : 'problems'}
        </span>
      ) : null}
    </span>
  );
}

export function Header() {
  const store = useAppStore();
  const view = useApp((s) => s.view);
  return (
    <header className="border-b border-slate-200 bg-white px-4 pt-1.5 pb-1 dark:border-slate-800 dark:bg-slate-950">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <div className="flex min-w-0 items-baseline gap-2.5">
          <h1 className="text-[15px] font-bold tracking-tight text-slate-900 dark:text-white">Stacklayers</h1>
          <ModelStatus />
        </div>
        <p
          className="min-w-0 flex-1 truncate text-[12.5px] text-slate-600 dark:text-slate-300"
          aria-live="polite"
        >
          <span className="text-[11.5px] font-semibold text-slate-500 dark:text-slate-400">{view}</span>{' '}
          {VIEW_NOTES[view]}
        </p>
        <Toolbar />
      </div>
      <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-0.5">
        <ViewSwitches className="-ml-2" view={view} onSwitch={(next) => navigateToView(store, next)} />
        <PersonaLens />
        <ThemeControl />
        <span className="flex-1" />
        <Search />
      </div>
    </header>
  );
}
