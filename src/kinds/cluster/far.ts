import { type FarItem, type FarLabel, foldedText, type Pen, text } from '../../render/far/pen';
import { baseline } from '../../render/svg/primitives';
import type { ElementOf } from '../types';

/** A cluster's far-layer label: its name and owner, and what is folded in it. */
function clusterFar(pen: Pen, el: ElementOf<'operator-cluster' | 'tenant-cluster'>, item: FarItem): void {
  const { x, y, w } = item.box;
  const owner = el.kind === 'operator-cluster' ? "operator's Kubernetes" : "tenant's Kubernetes";
  const left = x + 26.5;
  const maxW = w - 35;
  const at = y + baseline(11.5, 10.5);
  const nameW = text(pen, el.name, left, at, 11, maxW, { weight: 700 });
  text(pen, owner, left + nameW + 6, at, 10.5, maxW - nameW - 6, { weight: 600, muted: true });
  if (item.folded !== undefined)
    text(pen, foldedText(item.folded, 'no nodes'), x + 9.5, y + baseline(29.5, 10), 10, w - 19, {
      muted: true,
    });
}

export const operatorClusterFar: FarLabel<'operator-cluster'> = clusterFar;
export const tenantClusterFar: FarLabel<'tenant-cluster'> = clusterFar;
