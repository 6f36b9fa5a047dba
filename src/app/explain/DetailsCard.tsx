import { Fragment, type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { hostGroupId } from '../../layout/layoutScene';
import './failureEngine';
import { failureFacts } from '../../kinds/facts';
import { structureOf } from '../../layout/structure';
import { kindLabel } from '../../render/describe';
import { farBoxOnScreen } from '../../render/flow/nodes/FarCanvas';
import { ELEMENT_CLASS } from '../../render/flow/toFlow';
import { ownerOf, runningOn, runsOnChain } from '../../topology/explain';
import type { Scene, SceneElement } from '../../topology/scene';
import { useCollapsed, useFailures, useScene } from '../derived';
import { giveFocusBack } from '../diagram/RovingFocus';
import { useApp, useAppStore } from '../store';
import { CloseButton } from '../ui/CloseButton';
import { ExternalLink, WhyLink } from './WhatIfStory';

const LAYER_NAMES = {
  hardware: 'Hardware',
  'operator-k8s': "Operator's Kubernetes",
  openstack: 'OpenStack services',
  'tenant-vms': 'Tenant projects & VMs',
  'tenant-k8s': "Tenants' Kubernetes",
} as const;

const FAILABLE = new Set(['host', 'k8s-node', 'vm', 'operator-cluster', 'tenant-cluster', 'service', 'pod']);
const FOLDABLE = new Set(['host', 'project', 'tenant-cluster', 'operator-cluster']);
const MAX_LISTED = 12;

/** The containers that must be unfolded for an element to be drawn. */
export function containersOf(scene: Scene, el: SceneElement): string[] {
  const out: string[] = [];
  // A host's column may be folded into its region, zone, cell, rack or kind.
  const hostGroups = (id: string) => {
    const h = scene.byId.get(id);
    if (h?.kind === 'host') out.push(...structureOf(h).map((g) => g.id), hostGroupId(h));
  };
  if (el.kind === 'host') hostGroups(el.id);
  if (el.kind === 'service') hostGroups(el.host);
  if (el.kind === 'k8s-node' && el.clusterKind === 'operator') hostGroups(el.machine);
  if (el.kind === 'service') out.push(el.host);
  if (el.kind === 'vm' || el.kind === 'volume' || el.kind === 'load-balancer' || el.kind === 'network')
    out.push(el.project);
  if (el.kind === 'k8s-node') out.push(el.cluster);
  if (el.kind === 'tenant-cluster') out.push(el.project);
  if (el.kind === 'k8s-node' && el.clusterKind === 'tenant') {
    const c = scene.byId.get(el.cluster);
    if (c?.kind === 'tenant-cluster') out.push(c.project);
  }
  if (el.kind === 'pod') {
    const node = scene.byId.get(el.runsOn);
    if (node) out.push(node.id, ...containersOf(scene, node));
  }
  return out;
}

/** Where an element sits in the cloud's structure: region, zone, cell, aggregates; Ironic details; a cell's process. */
function placeOf(el: SceneElement, scene: Scene): [string, string][] {
  const out: [string, string][] = [];
  const host =
    el.kind === 'host' ? el : el.kind === 'vm' || el.kind === 'service' ? scene.byId.get(el.host) : undefined;
  if (host?.kind === 'host') {
    if (host.region) out.push(['Region', host.region]);
    if (host.zone) out.push(['Zone', host.zone]);
    if (host.cell) out.push(['Nova cell', host.cell]);
    if (el.kind === 'host' && host.aggregates?.length) out.push(['Aggregates', host.aggregates.join(', ')]);
    if (el.kind === 'host' && host.baremetal) {
      const b = host.baremetal;
      const facts = [b.provisionState, b.powerState, b.resourceClass, b.maintenance ? 'in maintenance' : '']
        .filter(Boolean)
        .join(' · ');
      out.push(['Ironic', facts || 'a bare-metal node']);
    }
  }
  if (el.kind === 'service' && el.cell) out.push(['Serves', `cell ${el.cell} only (its own process)`]);
  return out;
}

function ElementLink({ el, scene }: { el: SceneElement; scene: Scene }) {
  const store = useAppStore();
  const collapsed = useCollapsed(scene);
  return (
    <button
      type="button"
      title={el.name.length > LONG_NAME ? el.name : undefined}
      className="min-w-0 max-w-full truncate text-left text-blue-700 underline decoration-blue-300 underline-offset-2 hover:decoration-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:decoration-blue-700"
      onClick={() => store.getState().focusElement(el.id, collapsed, containersOf(scene, el))}
    >
      {el.name}
    </button>
  );
}

/** Names longer than this may not fit the title's three lines: the details also show them in full. */
const LONG_NAME = 60;

/** What "runs on" says for an element with nothing below it in the diagram, by kind (else: a group). */
const NOTHING_BELOW: Partial<Record<SceneElement['kind'], string>> = {
  host: 'Nothing: this is the hardware.',
  network:
    "No one box: a virtual network of its project, made by Neutron on the hosts where the project's VMs run.",
  volume:
    "No one box: block storage of its project, made by Cinder on the cloud's storage back end (the storage hosts' Ceph or LVM).",
  'load-balancer':
    'No one box: a load balancer of its project, made by Octavia; by default it runs on amphora VMs (HAProxy) in the service project.',
};

/** The side of the diagram the card sits on: away from the selected element, so it never hides it. */
function useCardSide(selected: string | null, heading: RefObject<HTMLHeadingElement | null>) {
  const [side, setSide] = useState<'left' | 'right'>('left');
  // biome-ignore lint/correctness/useExhaustiveDependencies: heading is a ref (stable); the card follows the selection.
  useLayoutEffect(() => {
    if (!selected) return;
    // Inside a shadow root (the web component) the card's own root holds the diagram, not the document.
    const root = heading.current?.getRootNode() ?? document;
    const place = () => {
      const node = (root as Document | ShadowRoot).querySelector?.(
        `.${ELEMENT_CLASS}[data-id="${CSS.escape(selected)}"]`,
      );
      // A box of a big diagram seen from far is drawn on the far layer's canvas, not an element.
      const far = node ? null : farBoxOnScreen(root as Document | ShadowRoot, selected);
      const pane = (node ?? far?.canvas)?.closest('.react-flow');
      const ready = pane?.closest('[data-ready="true"]');
      if (!pane || !ready) return false;
      const r = node?.getBoundingClientRect() ?? far;
      if (!r) return false;
      const p = pane.getBoundingClientRect();
      setSide(r.left + r.width / 2 - p.left < Math.min(380, p.width / 2) ? 'right' : 'left');
      return true;
    };
    if (place()) return;
    // Selected by a link before the diagram is drawn and placed: wait for it (a few frames at most).
    let frame = 0;
    let tries = 0;
    const retry = () => {
      if (!place() && ++tries < 120) frame = requestAnimationFrame(retry);
    };
    frame = requestAnimationFrame(retry);
    return () => cancelAnimationFrame(frame);
  }, [selected]);
  return side;
}

/**
 * A keyboard user lands in the card (from a node, the search or the outline); Esc takes them back. Returns
 * whether the keyboard focus is in the card (the card's own focus and blur handlers keep it).
 */
function useCardFocus(selected: string | null, heading: RefObject<HTMLHeadingElement | null>) {
  const store = useAppStore();
  const returnTo = useRef<HTMLElement | null>(null);
  // Whether the keyboard focus was in the card: following a link in it re-renders the card, and the
  // focused link may vanish with it; the focus then stays in the card (on the new heading), not on <body>.
  const focusInCard = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: heading is a ref (stable); the card follows the selection.
  useEffect(() => {
    if (!selected || !heading.current) return;
    // In the web component the focus is inside its shadow root: the document only sees the host element.
    const active = (heading.current.getRootNode() as Document | ShadowRoot).activeElement;
    const card = heading.current.closest('section');
    if (active instanceof HTMLElement && active !== document.body && !card?.contains(active)) {
      // Back to where it was opened from: a diagram element, the search box, an outline entry.
      returnTo.current = active;
      heading.current.focus({ preventScroll: true });
    } else if (focusInCard.current && (active === null || active === document.body)) {
      heading.current.focus({ preventScroll: true });
    }
  }, [selected]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: heading is a ref (stable); the card follows the selection.
  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof Element && e.target.closest('.cm-editor, dialog'))) {
        const root = heading.current?.getRootNode() as Document | ShadowRoot | undefined;
        store.getState().select(null);
        const back = returnTo.current;
        if (back?.isConnected) giveFocusBack(back);
        else if (back && root) {
          // The element was drawn anew meanwhile (the diagram changed under the card): its new box.
          const id = back.getAttribute('data-id');
          const selector = `.${ELEMENT_CLASS}[data-id="${CSS.escape(id ?? '')}"]`;
          const found = id ? root.querySelector<HTMLElement>(selector) : null;
          if (found) giveFocusBack(found);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, store]);
  return focusInCard;
}

/** What the element is, where, and what a what-if does to it. */
function CardFacts({
  el,
  scene,
  facts,
}: {
  el: SceneElement;
  scene: Scene;
  facts: ReturnType<typeof failureFacts>;
}) {
  const owner = ownerOf(el);
  return (
    <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1">
      <dt className="text-slate-500 dark:text-slate-400">Layer</dt>
      <dd>{LAYER_NAMES[el.layer]}</dd>
      <dt className="text-slate-500 dark:text-slate-400">Operated by</dt>
      <dd data-testid="details-owner">{owner === 'operator' ? 'the cloud operator' : 'the tenant'}</dd>
      {el.name.length > LONG_NAME ? (
        <>
          {/* The title shows three lines at most; the whole name is here, wrapped anywhere. */}
          <dt className="text-slate-500 dark:text-slate-400">Full name</dt>
          <dd data-testid="details-full-name" className="max-h-48 overflow-auto [overflow-wrap:anywhere]">
            {el.name}
          </dd>
        </>
      ) : null}
      {placeOf(el, scene).map(([label, value]) => (
        <Fragment key={label}>
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="[overflow-wrap:anywhere]">{value}</dd>
        </Fragment>
      ))}
      <dt className="text-slate-500 dark:text-slate-400">Id</dt>
      <dd className="break-all font-mono text-[11.5px]">{el.id}</dd>
      {facts.map((f) => (
        <div key={f.label} className="contents" data-testid="details-failure">
          <dt className="text-slate-500 dark:text-slate-400">{f.label}</dt>
          <dd className="leading-snug">
            {f.text}
            <WhyLink source={f.source} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What it runs on, what runs on it, what it contains: each a link to its own details. */
function Relations({ el, scene }: { el: SceneElement; scene: Scene }) {
  const chain = runsOnChain(scene, el.id);
  const above = runningOn(scene, el.id).filter((x) => x.runsOn === el.id);
  const members = scene.elements.filter(
    (x) =>
      (('project' in x && x.project === el.id && x.kind !== 'tenant-cluster') ||
        (x.kind === 'k8s-node' && x.cluster === el.id)) &&
      x.id !== el.id,
  );
  return (
    <>
      <div>
        <h3 className="text-[11.5px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
          Runs on
        </h3>
        {chain.length ? (
          <ol className="mt-0.5 grid gap-0.5" data-testid="details-chain">
            {chain.map((c) => (
              <li key={c.id} className="flex items-baseline gap-1.5">
                <span aria-hidden="true" className="text-slate-400">
                  ↓
                </span>
                <ElementLink el={c} scene={scene} />
                <span className="text-slate-500 dark:text-slate-400">{kindLabel(c)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-600 dark:text-slate-300" data-testid="details-runs-on-nothing">
            {NOTHING_BELOW[el.kind] ?? 'Nothing: it groups what is inside it.'}
          </p>
        )}
      </div>
      {above.length ? (
        <div>
          <h3 className="text-[11.5px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
            Runs here ({above.length})
          </h3>
          <ul className="mt-0.5 flex flex-wrap gap-x-2 gap-y-0.5" data-testid="details-above">
            {above.slice(0, MAX_LISTED).map((c) => (
              <li key={c.id}>
                <ElementLink el={c} scene={scene} />
              </li>
            ))}
            {above.length > MAX_LISTED ? <li>and {above.length - MAX_LISTED} more</li> : null}
          </ul>
        </div>
      ) : null}
      {members.length ? (
        <div>
          <h3 className="text-[11.5px] font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">
            Contains ({members.length})
          </h3>
          <ul className="mt-0.5 flex flex-wrap gap-x-2 gap-y-0.5">
            {members.slice(0, MAX_LISTED).map((c) => (
              <li key={c.id}>
                <ElementLink el={c} scene={scene} />
              </li>
            ))}
            {members.length > MAX_LISTED ? <li>and {members.length - MAX_LISTED} more</li> : null}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** What-if, fold and zoom buttons for the element. */
function CardActions({
  el,
  scene,
  collapsed,
  isFailed,
}: {
  el: SceneElement;
  scene: Scene;
  collapsed: ReadonlySet<string>;
  isFailed: boolean;
}) {
  const store = useAppStore();
  return (
    <div className="flex flex-wrap gap-1.5 pt-1">
      {FAILABLE.has(el.kind) ? (
        <button
          type="button"
          aria-pressed={isFailed}
          onClick={() => {
            store.getState().toggleFailed(el.id);
            store.getState().setInspector('what-if');
          }}
          className="rounded-md border border-rose-300 px-2 py-0.5 font-medium text-rose-800 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-blue-600 aria-pressed:bg-rose-100 dark:border-rose-700 dark:text-rose-200 dark:hover:bg-rose-950 dark:aria-pressed:bg-rose-900"
        >
          {isFailed
            ? 'Restore'
            : el.kind === 'operator-cluster' || el.kind === 'tenant-cluster'
              ? 'What if its control plane fails?'
              : 'What if it fails?'}
        </button>
      ) : null}
      {FOLDABLE.has(el.kind) ? (
        <button
          type="button"
          onClick={() => store.getState().toggleCollapsed(el.id, collapsed)}
          className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          {collapsed.has(el.id) ? 'Expand' : 'Collapse'}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => store.getState().focusElement(el.id, collapsed, containersOf(scene, el))}
        className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Zoom to it
      </button>
    </div>
  );
}

/** The selected element: what it is, who runs it, what it runs on, what runs on it. Esc closes it. */
export function DetailsCard() {
  const scene = useScene();
  const selected = useApp((s) => s.selected);
  const failed = useApp((s) => s.failed);
  const store = useAppStore();
  const collapsed = useCollapsed(scene);
  const blast = useFailures(scene);
  const heading = useRef<HTMLHeadingElement>(null);
  const el = selected && scene ? scene.byId.get(selected) : undefined;
  const side = useCardSide(selected, heading);

  const focusInCard = useCardFocus(selected, heading);

  if (!el || !scene) return null;
  const isFailed = failed.includes(el.id);
  const state = isFailed
    ? 'failed'
    : blast?.down.has(el.id)
      ? 'down'
      : blast?.impaired.has(el.id)
        ? 'running, but not working (what it needs is lost)'
        : blast?.unmanageable.has(el.id)
          ? 'running, but cannot be managed'
          : null;
  const facts = failureFacts(scene, el, blast);
  return (
    <section
      aria-labelledby="details-title"
      data-testid="details"
      onFocus={() => {
        focusInCard.current = true;
      }}
      onBlur={(e) => {
        // No related target: the focused link was removed (or the window lost focus), not left for elsewhere.
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget))
          focusInCard.current = false;
      }}
      // On the right it sits below the zoom controls (top right of the diagram), which stay usable.
      className={`absolute ${side === 'left' ? 'top-2 left-2 max-h-[calc(100%-1rem)]' : 'top-12 right-2 max-h-[calc(100%-3.5rem)]'} z-20 flex w-[min(340px,calc(100%-1rem))] flex-col overflow-hidden rounded-xl border border-slate-200 bg-white/97 text-[12.5px] text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900/97 dark:text-slate-100`}
    >
      <div className="flex items-start gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <div className="min-w-0 flex-1">
          <div className="text-[11px] uppercase tracking-wider text-slate-500 dark:text-slate-400">
            {kindLabel(el)}
          </div>
          <h2
            ref={heading}
            id="details-title"
            tabIndex={-1}
            className="line-clamp-3 text-[14px] font-semibold leading-snug [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            {el.name}
          </h2>
        </div>
        <CloseButton label="Close the details" onClick={() => store.getState().select(null)} />
      </div>
      <div className="grid gap-2 overflow-auto px-3 py-2">
        {el.description ? <p className="leading-snug">{el.description}</p> : null}
        {state ? (
          <p className="rounded bg-rose-50 px-2 py-1 font-medium text-rose-900 dark:bg-rose-950 dark:text-rose-100">
            What if: {state}
          </p>
        ) : null}
        <CardFacts el={el} scene={scene} facts={facts} />
        <Relations el={el} scene={scene} />
        <ExternalLink url={el.docs}>Documentation</ExternalLink>
        <CardActions el={el} scene={scene} collapsed={collapsed} isFailed={isFailed} />
      </div>
    </section>
  );
}
