import { ELEMENT_LISTS, type ElementList } from './elementLists';

/** One item of an element list, as the walk meets it. */
export interface ElementVisit {
  list: ElementList;
  /** The list's path: its keys joined by dots (`projects.vms`). */
  listPath: string;
  item: unknown;
  /** The item's JSON path (`['projects', 0, 'vms', 2]`). */
  at: PropertyKey[];
  /** The item of the list it sits in (a VM's project), if any. */
  parent: unknown;
}

export interface ElementVisitor {
  /** Before a list's first item (called even when it has none). */
  enter?(list: ElementList, listPath: string): void;
  item(v: ElementVisit): void;
  /** After a list's last item and everything inside it. */
  leave?(list: ElementList, listPath: string): void;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Visits every element of a model in `ELEMENT_LISTS` order, each item before the lists inside it. Safe on any
 * value: what is not where the schema expects it is not visited.
 */
export function walkElements(
  value: unknown,
  visitor: ElementVisitor,
  lists: readonly ElementList[] = ELEMENT_LISTS,
  base: readonly PropertyKey[] = [],
  basePath = '',
): void {
  const r = record(value);
  for (const list of lists) {
    const listPath = basePath ? `${basePath}.${list.key}` : list.key;
    visitor.enter?.(list, listPath);
    const v = r && Object.hasOwn(r, list.key) ? r[list.key] : undefined;
    const items = list.single ? (v === undefined ? [] : [v]) : Array.isArray(v) ? v : [];
    // Every index, holes included (parsed JSON has none, but `countElements` takes any value and counts them).
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      const at = list.single ? [...base, list.key] : [...base, list.key, i];
      visitor.item({ list, listPath, item, at, parent: value });
      if (list.lists) walkElements(item, visitor, list.lists, at, listPath);
    }
    visitor.leave?.(list, listPath);
  }
}

/** An item's id, when it has one. */
export const idOf = (item: unknown): string | undefined => {
  const id = record(item)?.id;
  return typeof id === 'string' ? id : undefined;
};
