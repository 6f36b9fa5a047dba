import { K8sIcon } from '../render/nodes/K8sIcon';
import { useApp } from './store';

const TONES = [
  ['control-plane', 'control plane'],
  ['infrastructure', 'database, queue, OVN'],
  ['data-plane', 'compute & network agents'],
  ['storage', 'storage'],
  ['tenant', 'tenant pod'],
] as const;

const item = 'flex items-center gap-1.5 whitespace-nowrap';

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
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>Legend
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
            <svg width="22" height="8" aria-hidden="true">
              <path d="M1 4 H21" className="sl-edge" />
            </svg>
            VM → its host
          </li>
        </ul>
      ) : null}
    </section>
  );
}
