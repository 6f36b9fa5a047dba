import { Icon } from '../../render/flow/Icon';
import { K8sIcon } from '../../render/flow/nodes/K8sIcon';
import type { Layer } from '../../topology/scene';
import { collapsedFor, useCollapsed, useScene } from '../derived';
import { useApp } from '../store';

const TONES = [
  ['control-plane', 'control plane'],
  ['infrastructure', 'database, queue, OVN'],
  ['data-plane', 'compute & network agents'],
  ['storage', 'storage'],
  ['tenant', 'tenant pod'],
] as const;

const item = 'flex items-center gap-1.5 whitespace-nowrap';

const LAYER_TOGGLES: [Layer, string][] = [
  ['tenant-k8s', "tenants' k8s"],
  ['tenant-vms', 'tenant VMs'],
  ['openstack', 'OpenStack'],
  ['operator-k8s', "operator's k8s"],
];

/** Show or hide a layer (hardware always shows: everything stands on it). */
function LayerToggles() {
  const hidden = useApp((s) => s.hiddenLayers);
  const toggle = useApp((s) => s.toggleLayer);
  return (
    <fieldset className="ml-auto flex flex-none flex-wrap items-center gap-x-2.5">
      <legend className="sr-only">Layers to show</legend>
      <span
        aria-hidden="true"
        className="font-semibold uppercase tracking-wider text-slate-600 dark:text-slate-300"
      >
        Show
      </span>
      {LAYER_TOGGLES.map(([layer, label]) => (
        <label key={layer} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={!hidden.has(layer)}
            onChange={() => toggle(layer)}
            className="accent-blue-600"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Unfold everything a big model starts folded (or the user folded), or fold it back as it started. Big
 * diagrams stay fluid unfolded: from far they are drawn as one layer of plain boxes, closer only what is in view.
 */
function FoldAll() {
  const scene = useScene();
  const collapsed = useCollapsed(scene);
  const setCollapsed = useApp((s) => s.setCollapsed);
  if (!scene) return null;
  const folded = collapsed.size > 0;
  // How the model starts (computed once per scene, for the diagram too).
  if (!folded && collapsedFor(scene, null).size === 0) return null;
  return (
    <button
      type="button"
      onClick={() => setCollapsed(folded ? new Set() : null)}
      className="flex-none rounded border border-slate-300 px-1.5 font-semibold text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {folded ? 'Unfold all' : 'Fold as it started'}
    </button>
  );
}

/** A strip under the diagram that explains colours and shapes; collapsible, keyboard operable. */
export function Legend() {
  const open = useApp((s) => s.legendOpen);
  const toggle = useApp((s) => s.toggleLegend);
  return (
    <section
      aria-label="Legend"
      className="flex items-start gap-3 border-t border-slate-200 bg-white px-4 py-1.5 text-[11.5px] leading-5 text-slate-700 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-300"
    >
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls="legend-items"
        className="flex-none rounded px-1.5 font-semibold uppercase tracking-wider text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <Icon name={open ? 'chevronDown' : 'chevronRight'} className="mr-1" />
        Legend
      </button>
      {open ? (
        <ul id="legend-items" className="flex flex-wrap items-center gap-x-3.5 gap-y-0.5">
          {TONES.map(([tone, label]) => (
            <li key={tone} className={item}>
              <span className={`sl-legend-swatch sl-tone--${tone}`} aria-hidden="true" />
              {label}
            </li>
          ))}
          <li className={item}>
            <span className="sl-legend-shape sl-legend-shape--container" aria-hidden="true" /> container
          </li>
          <li className={item}>
            <span className="sl-legend-shape sl-legend-shape--pod" aria-hidden="true" /> pod
          </li>
          <li className={`${item} sl-legend-op`}>
            <K8sIcon /> operator's Kubernetes
          </li>
          <li className={`${item} sl-legend-tn`}>
            <K8sIcon /> tenants' Kubernetes
          </li>
          <li className={item}>
            <span className="sl-legend-shape sl-legend-failed" aria-hidden="true" /> failed
            <span className="sl-legend-shape sl-legend-impaired ml-1" aria-hidden="true" /> runs, not working
            <span className="sl-legend-shape sl-legend-unmanaged ml-1" aria-hidden="true" /> runs, unmanaged
          </li>
          <li className={item}>
            <svg width="22" height="8" aria-hidden="true">
              <path d="M1 4 H21" className="sl-edge" />
            </svg>
            VM <Icon name="arrowRight" label="to" /> its host
          </li>
        </ul>
      ) : null}
      <FoldAll />
      {open ? <LayerToggles /> : null}
    </section>
  );
}
