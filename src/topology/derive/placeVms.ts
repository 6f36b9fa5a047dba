import type { Model } from '../../model/schema';

/** Where a VM runs, and whether the model said so or Stacklayers chose. */
export interface VmPlacement {
  host: string;
  placement: 'model' | 'derived';
}

/**
 * Which compute host each VM runs on: the model's choice, or, for VMs without one, the least loaded
 * compute host (by vCPUs, then by model order), in model order. Deterministic for a given model.
 */
export function placeVms(model: Model): Map<string, VmPlacement> {
  const compute = model.hosts.filter((h) => h.roles.includes('compute')).map((h) => h.id);
  const vcpus = new Map((model.flavors ?? []).map((f) => [f.name, f.vcpus]));
  const load = new Map(compute.map((h) => [h, 0]));
  const out = new Map<string, VmPlacement>();
  const pending: { id: string; cost: number }[] = [];
  for (const p of model.projects ?? []) {
    for (const vm of p.vms ?? []) {
      const cost = vcpus.get(vm.flavor) ?? 1;
      if (vm.host !== undefined) {
        out.set(vm.id, { host: vm.host, placement: 'model' });
        load.set(vm.host, (load.get(vm.host) ?? 0) + cost);
      } else pending.push({ id: vm.id, cost });
    }
  }
  // Least-loaded compute host first, ties to the earlier host in model order: a binary min-heap on
  // (load, order) gives the same choice as scanning every host for every VM, in O(n log hosts).
  const heap = [...new Set(compute)].map((host, order) => ({ host, order, load: load.get(host) ?? 0 }));
  const before = (a: HeapEntry, b: HeapEntry) => a.load < b.load || (a.load === b.load && a.order < b.order);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, before);
  for (const vm of pending) {
    const top = heap[0];
    if (top === undefined) break;
    out.set(vm.id, { host: top.host, placement: 'derived' });
    top.load += vm.cost;
    siftDown(heap, 0, before);
  }
  return out;
}

interface HeapEntry {
  host: string;
  order: number;
  load: number;
}

function siftDown(heap: HeapEntry[], start: number, before: (a: HeapEntry, b: HeapEntry) => boolean): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && before(heap[l] as HeapEntry, heap[m] as HeapEntry)) m = l;
    if (r < heap.length && before(heap[r] as HeapEntry, heap[m] as HeapEntry)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m] as HeapEntry, heap[i] as HeapEntry];
    i = m;
  }
}
