import { useId, useMemo, useState } from 'react';
import { kindLabel } from '../../render/describe';
import { searchElements } from '../../topology/explain';
import { useCollapsed, useScene } from '../derived';
import { useAppStore } from '../store';
import { containersOf } from './DetailsCard';

/** Find an element by part of its name; choosing one selects it and zooms to it (a combobox). */
export function Search() {
  const scene = useScene();
  const collapsed = useCollapsed(scene);
  const store = useAppStore();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => (scene && query.trim() ? searchElements(scene, query, 12) : []), [scene, query]);
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit || !scene) return;
    store.getState().focusElement(hit.el.id, collapsed, containersOf(scene, hit.el));
    setOpen(false);
  };
  const showList = open && query.trim() !== '';
  return (
    <div className="relative">
      <input
        type="search"
        role="combobox"
        aria-label="Search elements"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search (e.g. sched)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
        className="w-52 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-[12.5px] text-slate-900 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      {showList ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Matching elements"
          className="absolute right-0 z-40 mt-1 max-h-80 w-80 overflow-auto rounded-lg border border-slate-200 bg-white py-1 text-[12.5px] shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {hits.length === 0 ? (
            <div className="px-3 py-1.5 text-slate-600 dark:text-slate-300">Nothing matches “{query}”</div>
          ) : (
            hits.map((hit, i) => (
              <div
                key={hit.el.id}
                id={`${listId}-${i}`}
                tabIndex={-1}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(i);
                }}
                onMouseEnter={() => setActive(i)}
                className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1 ${
                  i === active ? 'bg-blue-50 dark:bg-blue-950' : ''
                }`}
              >
                <span className="truncate font-medium">{hit.el.name}</span>
                <span className="flex-none text-[11.5px] text-slate-500 dark:text-slate-400">
                  {kindLabel(hit.el)}
                  {hit.el.runsOn ? ` · ${hit.el.runsOn.replace(/^.*\//, '')}` : ''}
                </span>
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
