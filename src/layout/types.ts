import type { ElementKind, Layer, Relation, Scene } from '../topology/scene';
import type { StructureLevel } from './structure';

/** What every box has. Coordinates are absolute, in px at zoom 1; y grows downwards. */
interface BoxBase {
  id: string;
  layer: Layer;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The box this one sits inside, if any (always earlier in `boxes`). */
  parent?: string | undefined;
}

/** A scene element's box: its id is the element's id. It carries no text of its own (the element does). */
export interface ElementBox extends BoxBase {
  kind: ElementKind;
  label?: undefined;
  summary?: undefined;
  detail?: undefined;
  level?: undefined;
}

/** A folded group of hosts (by role, or a folded region, zone, cell or rack): one column, one box. */
export interface HostGroupBox extends BoxBase {
  kind: 'host-group';
  label: string;
  summary: string;
  /** For a folded region, zone, cell or rack: a second line (bare-metal instances, vCPUs per core). */
  detail?: string | undefined;
  level?: undefined;
}

/** All projects folded into one box. */
interface ProjectGroupBox extends BoxBase {
  kind: 'project-group';
  label: string;
  summary: string;
  detail?: undefined;
  level?: undefined;
}

/** An open region, zone, cell or rack: a bar under its hosts. */
interface StructureBox extends BoxBase {
  kind: 'structure';
  level: StructureLevel;
  label: string;
  summary: string;
  detail?: undefined;
}

/**
 * A positioned box, tagged by `kind`: a scene element's, or (ids `group:…`, not scene elements) a folded group
 * of hosts or of projects, or an open structure bar. Switch over `kind` to draw every kind.
 */
export type LayoutBox = ElementBox | HostGroupBox | ProjectGroupBox | StructureBox;

/** A labelled horizontal band of the diagram (a layer may have one band per row of projects). */
export interface LayoutBand {
  id: string;
  layer: Layer;
  label: string;
  sublabel: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A relation drawn as a line between two boxes. */
export interface LayoutEdge {
  id: string;
  kind: Relation['kind'];
  from: string;
  to: string;
  /** Start and end points; renderers draw a vertical S-curve between them. */
  points: readonly [{ x: number; y: number }, { x: number; y: number }];
}

/** A scene with every element placed: what the renderers draw. */
export interface Layout {
  scene: Scene;
  width: number;
  height: number;
  /** Bands from top to bottom. */
  bands: readonly LayoutBand[];
  /** Parents come before their children. */
  boxes: readonly LayoutBox[];
  byId: ReadonlyMap<string, LayoutBox>;
  edges: readonly LayoutEdge[];
  /** The ids drawn folded (their contents are left out). */
  collapsed: ReadonlySet<string>;
}

/** What to leave out: collapsed hosts, projects and clusters (their contents), and hidden layers. */
export interface LayoutOptions {
  collapsed?: ReadonlySet<string>;
  /** Layers not to draw; hiding tenant VMs hides tenant Kubernetes too (it sits on them). Hardware always shows. */
  hiddenLayers?: ReadonlySet<Layer>;
}
