import { useEffect, useRef, useState } from 'react';
import { Icon } from '../render/flow/Icon';
import { ViewSwitches } from './diagram/ViewSwitch';
import { PersonaLens } from './explain/PersonaLens';
import { Search } from './explain/Search';
import { ThemeControl } from './settings/ThemeControl';
import { navigateToView } from './settings/useUrlSync';
import { useApp, useAppStore } from './store';
import { Toolbar } from './Toolbar';
import { useNarrow } from './ui/useNarrow';

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

/**
 * The header on a narrow screen (a phone): the name and the two switches stay; the toolbar, the lens, the
 * theme and search fold into a menu, so the diagram keeps most of the screen.
 */
function NarrowHeader() {
  const store = useAppStore();
  const view = useApp((s) => s.view);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !toggle.current?.contains(t)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
  return (
    <header
      className="relative z-40 border-b border-slate-200 bg-white px-3 pt-1 pb-0.5 dark:border-slate-800 dark:bg-slate-950"
      data-narrow="true"
    >
      <div className="flex items-center gap-2">
        <h1 className="text-[15px] font-bold tracking-tight text-slate-900 dark:text-white">Stacklayers</h1>
        <ModelStatus />
        <span className="flex-1" />
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls="header-menu"
          onClick={() => setOpen(!open)}
          className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2.5 py-1 text-[13px] font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          Menu
          <Icon name={open ? 'chevronDown' : 'chevronRight'} className="ml-0.5" />
        </button>
      </div>
      <ViewSwitches className="-ml-2" view={view} onSwitch={(next) => navigateToView(store, next)} />
      <div
        ref={panel}
        id="header-menu"
        hidden={!open}
        className="absolute top-full right-0 left-0 grid gap-2 border-b border-slate-200 bg-white px-3 py-2 shadow-lg dark:border-slate-800 dark:bg-slate-950"
      >
        <p className="text-[12.5px] text-slate-600 dark:text-slate-300">
          <span className="text-[11.5px] font-semibold text-slate-500 dark:text-slate-400">{view}</span>{' '}
          {VIEW_NOTES[view]}
        </p>
        <Toolbar />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <PersonaLens />
          <ThemeControl />
        </div>
        <Search />
      </div>
    </header>
  );
}

export function Header() {
  const narrow = useNarrow();
  return narrow ? <NarrowHeader /> : <WideHeader />;
}

function WideHeader() {
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
