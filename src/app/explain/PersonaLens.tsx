import type { Persona } from '../../topology/explain';
import { useApp } from '../store';

const OPTIONS: [Persona | null, string, string][] = [
  [null, 'Everyone', 'Show everything alike'],
  ['operator', 'Operator', 'Shade what the cloud operator runs in this view'],
  ['tenant', 'Tenant', 'Shade what tenants (end users) run in this view'],
];

/** Who owns what: a radio group that shades the persona's elements and dims the rest. */
export function PersonaLens() {
  const persona = useApp((s) => s.persona);
  const setPersona = useApp((s) => s.setPersona);
  return (
    <fieldset className="flex items-center gap-1.5">
      <legend className="sr-only">Persona lens</legend>
      <span className="text-[12px] text-slate-600 dark:text-slate-300" aria-hidden="true">
        Lens
      </span>
      <div className="flex rounded-md border border-slate-300 p-0.5 dark:border-slate-600">
        {OPTIONS.map(([value, label, hint]) => (
          <label
            key={label}
            title={hint}
            className={`cursor-pointer rounded px-2 py-0.5 text-[12px] focus-within:outline-2 focus-within:outline-blue-600 ${
              persona === value
                ? 'bg-blue-600 font-medium text-white'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            <input
              type="radio"
              name="persona"
              className="sr-only"
              checked={persona === value}
              onChange={() => setPersona(value)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
