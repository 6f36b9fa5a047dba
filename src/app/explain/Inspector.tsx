import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { layerCounts } from '../../kinds/summary';
import { hostGroupId, orderHosts } from '../../layout/layoutScene';
import { structureOf } from '../../layout/structure';
import { thousands } from '../../model/limits';
import { kindLabel } from '../../render/describe';
import { Icon } from '../../render/flow/Icon';
import { controlPlaneShare } from '../../topology/explain';
import { cellDatabase, type MajorityGroup, majorityGroups } from '../../topology/failures/components';
import { aboveChartDefaults, kubernetesOverhead } from '../../topology/failures/overhead';
import { scopingOf } from '../../topology/failures/scopes';
import { type OutlineItem, outlineOf } from '../../topology/outline';
import type { HostElement, Scene, SceneElement } from '../../topology/scene';
import { useCollapsed, useFailures, useScene } from '../derived';
import { type InspectorTab, useApp, useAppStore } from '../store';
import { CloseButton } from '../ui/CloseButton';
import { containersOf } from './DetailsCard';
import { WhatIfStory, WhyLink } from './WhatIfStory';

const TABS: [InspectorTab, string][] = [
  ['numbers', 'Numbers'],
  ['what-if', 'What if'],
  ['outline', 'Outline'],
];

const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a / b) * 100)}%` : '–');

function Row({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-0.5 dark:border-slate-800">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function QuorumRow({ group, up }: { group: MajorityGroup; up?: number }) {
  const lost = up !== undefined && up < group.needed;
  return (
    <li className="py-1" data-testid={`quorum-${group.id}`}>
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{group.label}</span>
        <span className={`tabular-nums ${lost ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}>
          {up !== undefined ? `${up} of ${group.size} up · ` : `${group.size} members · `}
          majority {group.needed}
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
  // The API level's majorities (and each region's) here; each cell's in its own list below.
  const groups = useMemo(() => majorityGroups(scene).filter((g) => !g.scope?.startsWith('cell:')), [scene]);
  const cells = scopingOf(scene).cells;
  const share = useMemo(() => controlPlaneShare(scene), [scene]);
  const overhead = useMemo(() => kubernetesOverhead(scene), [scene]);
  const chartDefaults = useMemo(() => aboveChartDefaults(scene), [scene]);
  const report = useFailures(scene);
  const upOf = (g: MajorityGroup) => report?.majorities.find((m) => m.id === g.id)?.up;
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
          one failure; four still survive only one. Hosts do not vote: the stateless APIs keep serving down to
          one controller.
        </p>
        <ul className="mt-1" data-testid="quorums">
          {groups.map((g) => (
            <QuorumRow key={g.id} group={g} up={upOf(g)} />
          ))}
        </ul>
      </section>
      {cells.length > 0 ? <CellNumbers scene={scene} /> : null}
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
        {overhead.length > 0 ? (
          <>
            <p className="mt-2 text-[12px] text-slate-600 dark:text-slate-300">
              Running it on Kubernetes adds Kubernetes itself, on the same hosts:
            </p>
            <dl data-testid="k8s-overhead">
              {overhead.map((o) => (
                <Row
                  key={o.name}
                  label={
                    <>
                      {o.name} <span className="text-slate-500 dark:text-slate-400">({o.where})</span>
                      <WhyLink source={o.source} />
                    </>
                  }
                  value={o.count}
                />
              ))}
            </dl>
          </>
        ) : (
          <p className="mt-2 text-[12px] text-slate-600 dark:text-slate-300" data-testid="k8s-overhead">
            No Kubernetes below OpenStack in this view, so no etcd, API server, CNI, ingress or StorageClass
            to run for it.
          </p>
        )}
        {chartDefaults.length > 0 ? (
          <div className="mt-2 text-[12px] text-slate-600 dark:text-slate-300" data-testid="ha-choice">
            <p>This model chose HA replica counts, above openstack-helm's chart defaults:</p>
            <ul className="mt-0.5 grid list-disc gap-0.5 pl-5">
              {chartDefaults.map((c) => (
                <li key={c.processId}>
                  {c.name}: {c.drawn} here{c.copies > 1 ? ` in each of its ${c.copies} clusters` : ''}, chart
                  default {c.chartDefault}
                  <WhyLink source={c.source} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** Each cell's own majorities, its hosts and instances, and whether a what-if takes it out of management. */
function CellNumbers({ scene }: { scene: Scene }) {
  const cells = scopingOf(scene).cells;
  const report = useFailures(scene);
  const out = useMemo(
    () => new Set((report?.scopes ?? []).filter((o) => o.scope.level === 'cell').map((o) => o.scope.id)),
    [report],
  );
  const groups = useMemo(() => majorityGroups(scene).filter((g) => g.scope?.startsWith('cell:')), [scene]);
  return (
    <section>
      <h3 className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
        Nova cells: each has its own majorities
      </h3>
      <p className="text-[12px] text-slate-600 dark:text-slate-300">
        The API level above (nova-api, the scheduler, the API database) serves every cell; each cell's own
        database and message queue need their own majority. Losing one takes that cell's instances out of
        management, not the other cells'.
      </p>
      <ul className="mt-1" data-testid="cell-quorums">
        {cells.map((c) => {
          const majorities = groups
            .filter((g) => g.scope === `cell:${c.id}`)
            .map((g) => {
              const up = report?.majorities.find((m) => m.id === g.id)?.up;
              const name = scene.byId.get(g.members[0] ?? '')?.name ?? g.id;
              return `${name} ${up !== undefined ? `${up} of ` : ''}${g.size}${up !== undefined ? ' up' : ''}, majority ${g.needed}`;
            })
            .join(' · ');
          return (
            <li key={c.id} className="py-0.5" data-testid={`cell-${c.id}`}>
              <div className="flex items-baseline justify-between gap-2">
                <span className="font-medium">Cell {c.name}</span>
                <span
                  className={`tabular-nums ${out.has(c.id) ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`}
                >
                  {out.has(c.id)
                    ? 'out of management'
                    : `${thousands(c.hosts.length)} hosts · ${thousands(c.vms.length)} instances`}
                </span>
              </div>
              <div className="text-[12px] text-slate-600 dark:text-slate-300">
                {majorities || 'no majority of its own'}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const FAILABLE = new Set(['host', 'operator-cluster', 'tenant-cluster']);

function candidateLabel(e: SceneElement): string {
  return e.kind === 'operator-cluster' || e.kind === 'tenant-cluster' ? `${e.name} control plane` : e.name;
}

function WhatIf({ scene }: { scene: Scene }) {
  const store = useAppStore();
  const failed = useApp((s) => s.failed);
  const blast = useFailures(scene);
  const candidates = scene.elements.filter((e) => FAILABLE.has(e.kind));
  const cells = scopingOf(scene).cells;
  return (
    <div className="grid gap-3">
      <p className="text-[12px] text-slate-600 dark:text-slate-300">
        Fail hosts or a cluster's control plane here, or any host, node, VM, service instance or pod from its
        details: see what goes down, which traffic stops, which majorities are lost, what keeps running
        unmanaged and what heals itself.
      </p>
      {cells.length > 0 ? (
        <fieldset>
          <legend className="mb-1 text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
            Lose a cell's database
          </legend>
          <div className="flex flex-wrap gap-1">
            {cells.map((c) => {
              const component = cellDatabase(scene, c.id);
              if (!component) return null;
              const db = { name: component.name, members: component.instances.map((s) => s.id) };
              const on = db.members.every((m) => failed.includes(m));
              return (
                <button
                  key={c.id}
                  type="button"
                  aria-pressed={on}
                  onClick={() => {
                    const next = on
                      ? failed.filter((f) => !db.members.includes(f))
                      : [...failed, ...db.members.filter((m) => !failed.includes(m))];
                    store.getState().setFailed(next);
                  }}
                  className="max-w-[16rem] truncate rounded border border-slate-300 px-1.5 py-0.5 text-[12px] hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:border-rose-500 aria-pressed:bg-rose-100 aria-pressed:text-rose-900 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-rose-900 dark:aria-pressed:text-rose-50"
                >
                  {c.name} {db.name}
                </button>
              );
            })}
          </div>
        </fieldset>
      ) : null}
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
              {candidateLabel(e)}
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
          <WhatIfStory report={blast} />
        </section>
      ) : (
        <p className="text-[12px] text-slate-600 dark:text-slate-300" aria-live="polite">
          Nothing is failed.
        </p>
      )}
    </div>
  );
}

/** Lists longer than this are split into groups that render their items only when opened. */
const OUTLINE_FLAT = 60;

/** A group of the outline that renders its contents only while open (a cloud of 100,000 elements stays quick). */
function LazyGroup({ label, count, children }: { label: string; count: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded px-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800">
          <span className="font-medium">{label}</span>{' '}
          <span className="text-slate-500 dark:text-slate-400">· {count}</span>
        </summary>
        {open ? (
          <ul className="ml-4 border-l border-slate-200 pl-2 dark:border-slate-700">{children()}</ul>
        ) : null}
      </details>
    </li>
  );
}

interface HostTree {
  label: string;
  hosts: HostElement[];
  groups: Map<string, HostTree>;
  size: number;
}

/** Hosts as a tree by region, zone, cell and rack; hosts outside any, by kind when there are many. */
function hostTree(hosts: readonly HostElement[]): HostTree {
  const root: HostTree = { label: '', hosts: [], groups: new Map(), size: 0 };
  const many = hosts.length > OUTLINE_FLAT;
  for (const h of orderHosts(hosts)) {
    let node = root;
    node.size++;
    const path = structureOf(h).map((g) => [g.id, g.label] as const);
    if (path.length === 0 && many) path.push([hostGroupId(h), `${h.roles.join(' · ')} hosts`]);
    for (const [id, label] of path) {
      let next = node.groups.get(id);
      if (!next) {
        next = { label, hosts: [], groups: new Map(), size: 0 };
        node.groups.set(id, next);
      }
      next.size++;
      node = next;
    }
    node.hosts.push(h);
  }
  return root;
}

/** The text alternative of the diagram: the current view as a nested, keyboard-navigable list. */
function Outline({ scene }: { scene: Scene }) {
  const store = useAppStore();
  const collapsed = useCollapsed(scene);
  // The outline's order is the keyboard's (topology/outline.ts); hosts in the diagram's order, grouped by the
  // model's own structure (region, zone, cell, rack) in groups that render only when opened.
  const { sections, hosts, hostItem } = useMemo(() => {
    const sections = outlineOf(scene, orderHosts);
    const hardware = sections.find((s) => s.id === 'hardware')?.items ?? [];
    const hostItem = new Map(hardware.map((i) => [i.el.id, i]));
    const hostEls = hardware.flatMap((i) => (i.el.kind === 'host' ? [i.el] : []));
    return { sections, hosts: hostTree(hostEls), hostItem };
  }, [scene]);
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
  const hostItems = (node: HostTree): ReactNode[] => [
    ...[...node.groups].map(([id, g]) => (
      <LazyGroup key={id} label={g.label} count={`${g.size} ${g.size === 1 ? 'host' : 'hosts'}`}>
        {() => hostItems(g)}
      </LazyGroup>
    )),
    ...node.hosts.flatMap((h) => {
      const it = hostItem.get(h.id);
      return it ? [item(it)] : [];
    }),
  ];
  // Long lists of clusters or projects come in groups of OUTLINE_FLAT, each rendered when opened.
  const list = (items: OutlineItem[], what: string): ReactNode[] =>
    items.length > OUTLINE_FLAT
      ? chunk(items).map((part, i) => (
          <LazyGroup
            key={part[0]?.el.id ?? i}
            label={`${what} ${i * OUTLINE_FLAT + 1}–${i * OUTLINE_FLAT + part.length}`}
            count={`${part[0]?.el.name} to ${part[part.length - 1]?.el.name}`}
          >
            {() => part.map(item)}
          </LazyGroup>
        ))
      : items.map(item);
  return (
    <nav aria-label="Outline of the diagram" className="text-[12.5px]" data-testid="outline">
      {sections.map((section, i) => (
        <Fragment key={section.id}>
          <h3 className="text-[12px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
            {section.title}
          </h3>
          <ul className={i < sections.length - 1 ? 'mb-3' : undefined}>
            {section.id === 'hardware'
              ? hostItems(hosts)
              : list(section.items, section.id === 'clusters' ? 'Clusters' : 'Projects')}
          </ul>
        </Fragment>
      ))}
    </nav>
  );
}

function chunk<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += OUTLINE_FLAT) out.push(list.slice(i, i + OUTLINE_FLAT));
  return out;
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
