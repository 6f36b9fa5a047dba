import { Fragment, type ReactNode, useMemo } from 'react';
import { kindLabel } from '../render/describe';
import { Icon } from '../render/Icon';
import { controlPlaneShare, layerCounts, type QuorumGroup, quorumGroups } from '../topology/explain';
import { type OutlineItem, outlineOf } from '../topology/outline';
import type { Scene } from '../topology/scene';
import { CloseButton } from './CloseButton';
import { containersOf } from './DetailsCard';
import { useBlast, useCollapsed, useScene } from './derived';
import { type InspectorTab, useApp, useAppStore } from './store';

const TABS: [InspectorTab, string][] = [
  ['numbers', 'Numbers'],
  ['what-if', 'What if'],
  ['outline', 'Outline'],
];

const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)}%` : '–');

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-0.5 dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function QuorumRow({ group, up }: { group: QuorumGroup; up?: number }) {
  const lost = up !== undefined && up < group.majority;
  return (
    <li className="py-1" data-testid={`quorum-${group.id}`}>
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{group.label}</span>
        <span className={`tabular-nums ${lost ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}>
          {up !== undefined ? `${up} of ${group.size} up · ` : `${group.size} members · `}
          majority {group.majority}
        </span>
      </div>
      <div className="text-[12px] text-slate-600 dark:text-slate-300">
        {lost
          ? 'Majority lost.'
          : `Tolerates ${group.tolerates} ${group.tolerates === 1 ? 'failure' : 'failures'}${
              up !== undefined && up < group.size ? ` (${group.size - up} down already)` : ''
            }.`}
        {group.even ? (
          <span className="ml-1 text-amber-800 dark:text-amber-300">
            <Icon name="warning" /> {group.size} is even: one more member adds cost, not tolerance.
          </span>
        ) : null}
      </div>
    </li>
  );
}

function Numbers({ scene }: { scene: Scene }) {
  const counts = useMemo(() => layerCounts(scene), [scene]);
  const groups = useMemo(() => quorumGroups(scene), [scene]);
  const share = useMemo(() => controlPlaneShare(scene), [scene]);
  const blast = useBlast(scene);
  const upOf = (g: QuorumGroup) => (blast ? g.members.filter((m) => !blast.down.has(m)).length : undefined);
  return (
    <div className="grid gap-4">
      <section>
        <h3 className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
          Counts in this view
        </h3>
        <dl data-testid="counts">
          <Row label="Hosts" value={counts.hosts} />
          <Row label="Control-plane services (on controllers)" value={counts.controlPlane} />
          <Row label="Agents and storage daemons" value={counts.agents} />
          <Row label="Projects" value={counts.projects} />
          <Row label="VMs" value={counts.vms} />
          <Row
            label="Kubernetes nodes (operator / tenant)"
            value={`${counts.k8sNodes.operator} / ${counts.k8sNodes.tenant}`}
          />
          <Row label="Pods" value={counts.pods} />
        </dl>
      </section>
      <section>
        <h3 className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
          Quorum: a majority is floor(n/2) + 1
        </h3>
        <p className="text-[12px] text-slate-600 dark:text-slate-300">
          Clustered services keep working only while a majority of their members is up. Three members survive
          one failure; four still survive only one.
        </p>
        <ul className="mt-1" data-testid="quorums">
          {groups.map((g) => (
            <QuorumRow key={g.id} group={g} up={upOf(g)} />
          ))}
        </ul>
      </section>
      <section>
        <h3 className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
          What the control plane costs
        </h3>
        <dl data-testid="share">
          <Row
            label="Hosts"
            value={`${share.hosts.controlPlane} of ${share.hosts.total} (${pct(share.hosts.controlPlane, share.hosts.total)})`}
          />
          {share.cores ? (
            <Row
              label="Cores"
              value={`${share.cores.controlPlane} of ${share.cores.total} (${pct(share.cores.controlPlane, share.cores.total)})`}
            />
          ) : null}
          {share.ramGiB ? (
            <Row
              label="RAM (GiB)"
              value={`${share.ramGiB.controlPlane} of ${share.ramGiB.total} (${pct(share.ramGiB.controlPlane, share.ramGiB.total)})`}
            />
          ) : null}
        </dl>
      </section>
    </div>
  );
}

const FAILABLE = new Set(['host', 'operator-cluster', 'tenant-cluster']);

function WhatIf({ scene }: { scene: Scene }) {
  const store = useAppStore();
  const failed = useApp((s) => s.failed);
  const blast = useBlast(scene);
  const candidates = scene.elements.filter((e) => FAILABLE.has(e.kind));
  return (
    <div className="grid gap-3">
      <p className="text-[12px] text-slate-600 dark:text-slate-300">
        Fail hosts or clusters here, or any host, node, VM or cluster from its details, and see what goes
        down, which majorities are lost and what keeps running without being manageable.
      </p>
      <fieldset>
        <legend className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
          Fail
        </legend>
        <div className="flex flex-wrap gap-1">
          {candidates.slice(0, 120).map((e) => (
            <button
              key={e.id}
              type="button"
              aria-pressed={failed.includes(e.id)}
              onClick={() => store.getState().toggleFailed(e.id)}
              className="max-w-[16rem] truncate rounded border border-slate-300 px-1.5 py-0.5 text-[12px] hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-rose-500 aria-pressed:bg-rose-100 aria-pressed:text-rose-900 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-rose-900 dark:aria-pressed:text-rose-50"
            >
              {e.name}
            </button>
          ))}
        </div>
      </fieldset>
      {blast ? (
        <section aria-live="polite">
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
              What happens
            </h3>
            <button
              type="button"
              onClick={() => store.getState().clearFailed()}
              className="rounded border border-slate-300 px-2 py-0.5 text-[12px] hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Restore all
            </button>
          </div>
          <ul className="grid list-disc gap-1 pl-5" data-testid="what-if-summary">
            {blast.summary.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sentences may repeat (two elements with one name).
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="text-[12px] text-slate-600 dark:text-slate-300" aria-live="polite">
          Nothing is failed.
        </p>
      )}
    </div>
  );
}

/** The text alternative of the diagram: the current view as a nested, keyboard-navigable list. */
function Outline({ scene }: { scene: Scene }) {
  const store = useAppStore();
  const collapsed = useCollapsed(scene);
  const item = ({ el, children }: OutlineItem): ReactNode => (
    <li key={el.id}>
      <button
        type="button"
        data-id={el.id}
        onClick={() => store.getState().focusElement(el.id, collapsed, containersOf(scene, el))}
        className="max-w-full rounded px-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800"
      >
        <span className="inline-block max-w-[20rem] truncate align-bottom">{el.name}</span>{' '}
        <span className="text-slate-500 dark:text-slate-400">· {kindLabel(el)}</span>
      </button>
      {children.length ? (
        <ul className="ml-4 border-l border-slate-200 pl-2 dark:border-slate-700">{children.map(item)}</ul>
      ) : null}
    </li>
  );
  const sections = outlineOf(scene);
  return (
    <nav aria-label="Outline of the diagram" className="text-[12.5px]" data-testid="outline">
      {sections.map((section, i) => (
        <Fragment key={section.id}>
          <h3 className="text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
            {section.title}
          </h3>
          <ul className={i < sections.length - 1 ? 'mb-3' : undefined}>{section.items.map(item)}</ul>
        </Fragment>
      ))}
    </nav>
  );
}

/** The explain panel: numbers and quorum, what-if failures, and the outline. */
export function Inspector() {
  const scene = useScene();
  const tab = useApp((s) => s.inspector);
  const setInspector = useApp((s) => s.setInspector);
  if (!tab || !scene) return null;
  return (
    <aside
      aria-label="Explain"
      className="flex w-[min(40vw,400px)] min-w-[300px] flex-col border-l border-slate-200 bg-white text-[12.5px] dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="flex items-center gap-1 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800">
        {/* A tablist may hold only tabs: the close button sits beside it. */}
        <div className="flex items-center gap-1" role="tablist" aria-label="Explain">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls="inspector-panel"
              onClick={() => setInspector(id)}
              onKeyDown={(e) => {
                const i = TABS.findIndex(([t]) => t === id);
                const next =
                  e.key === 'ArrowRight'
                    ? TABS[(i + 1) % TABS.length]
                    : e.key === 'ArrowLeft'
                      ? TABS[(i + TABS.length - 1) % TABS.length]
                      : undefined;
                if (next) {
                  setInspector(next[0]);
                  document.getElementById(`tab-${next[0]}`)?.focus();
                }
              }}
              tabIndex={tab === id ? 0 : -1}
              className="rounded px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-selected:bg-blue-600 aria-selected:text-white dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {label}
            </button>
          ))}
        </div>
        <span className="flex-1" />
        <CloseButton label="Close the explain panel" onClick={() => setInspector(null)} />
      </div>
      <div
        id="inspector-panel"
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel is focusable (ARIA tabs pattern), so its content scrolls from the keyboard.
        tabIndex={0}
        className="min-h-0 flex-1 overflow-auto p-3"
      >
        {tab === 'numbers' ? (
          <Numbers scene={scene} />
        ) : tab === 'what-if' ? (
          <WhatIf scene={scene} />
        ) : (
          <Outline scene={scene} />
        )}
      </div>
    </aside>
  );
}
