import type { FailureReport } from '../topology/failures/reportTypes';
import type { Scene, SceneElement } from '../topology/scene';

/** Every kind of element a scene holds. */
export type Kind = SceneElement['kind'];
/** The scene element of one kind. */
export type ElementOf<K extends Kind> = Extract<SceneElement, { kind: K }>;

/**
 * How the app draws a kind: as a React Flow node of its own (the node type: its body is in
 * `render/flow/nodeTypes.ts`), or as a chip inside one node of chips (its body in `render/flow/nodes/ChipsNode.tsx`):
 * small leaf boxes drawn many times, whose per-node cost React Flow would multiply.
 */
type Drawn =
  | { as: 'node'; nodeType: 'host' | 'cluster' | 'k8sNode' | 'project' | 'vm' }
  | { as: 'chip'; body: 'chip' | 'resource' };

/** A chip's box: one line of text in a short, full-rounded or square box. */
export interface ChipMetrics {
  /** Height (px). */
  h: number;
  /** Gap between chips in a row and between rows (px). */
  gap: number;
  /** Font size (px) of its name, which sets its width. */
  font: number;
  /** Width besides the name: the tone's dot or the glyph, the padding, the border (px). */
  padX: number;
}

/**
 * Where the layout puts a kind's boxes (`layout/stages/collect.ts`): a place of its own (only the kind of that
 * name may take it), or among a project's contents (a kind whose elements name their project), drawn in the rows
 * under the project's head.
 */
type LayoutPlace =
  | 'host'
  | 'service'
  | 'operator-cluster'
  | 'k8s-node'
  | 'project'
  | 'tenant-cluster'
  | 'pod'
  | 'project-content';
type PlaceOf<K extends Kind> = K extends Kind
  ?
      | (K extends LayoutPlace ? K : never)
      | (ElementOf<K> extends { project: string } ? 'project-content' : never)
  : never;

/** How many elements each layer of a view holds (the explain panel's summary). */
export interface LayerCounts {
  hosts: number;
  /** Service instances on hosts with the controller role (containers, processes or pods). */
  controlPlane: number;
  /** The other service instances (compute, network-only and storage hosts). */
  agents: number;
  vms: number;
  k8sNodes: { operator: number; tenant: number };
  /** Tenant pods plus the operator's OpenStack pods. */
  pods: number;
  projects: number;
  clusters: { operator: number; tenant: number };
}

/**
 * A word of a folded box's summary ("3 VMs · 1 volume"): said once (`count` adds the plural), at its `rank`
 * among the others (lower first).
 */
export interface FoldedWord {
  one: string;
  rank: number;
}

/** One line of an element's details about failure: a label, a sentence and its source. */
export interface FailureFact {
  label: string;
  text: string;
  source?: string | undefined;
}

/**
 * Everything about one kind of element that is not its place in the scene (`topology/deriveScene`) or in the
 * layout (`layout/layoutScene`): its words, its box metrics, its look and how the app draws it.
 */
export interface ElementDef<K extends Kind, M = unknown> {
  kind: K;
  /** What kind of thing the element is, in words (badges, the details card, screen readers). */
  label(el: ElementOf<K>): string;
  /**
   * The CSS classes that give its box its kind's look (fill, border, shape: `render/flow/diagram.css`, coloured by the
   * tokens): the same in a node of its own, as a chip, and as a plain box of the far layer, which reads its
   * fill from them.
   */
  boxClass(el: ElementOf<K>): string;
  /** Its box metrics (px), read by the layout (`layout/sizes.ts`), which sees each kind's own shape of them. */
  metrics: M;
  drawn: Drawn;
  /** The short text of its chip, when it is more than its name (it sets the chip's width); drawn as it is. */
  chipText?(el: ElementOf<K>): string;
  /** Where the layout puts its box. */
  layoutAs: PlaceOf<K>;
  /** Adds it to the view's layer counts; none: not counted (the summary speaks of machines, services, pods, projects and clusters). */
  tally?(el: ElementOf<K>, scene: Scene, counts: LayerCounts): void;
  /** What it adds to the summary of the folded boxes that hold it: each box's id and a word (none: nothing). */
  folded?(el: ElementOf<K>, scene: Scene): readonly (readonly [string, FoldedWord])[];
}

/**
 * What an element's details say about failure (each with its source), in `kinds/<kind>/failure.ts`: apart from
 * its definition, because its words and the failure declarations they read load with the details card, not
 * with the first diagram.
 */
export interface FailureWords<K extends Kind> {
  /** Whatever has failed. */
  standing?(el: ElementOf<K>, scene: Scene): FailureFact[];
  /** Its state in a what-if. */
  whatIf?(el: ElementOf<K>, report: FailureReport): FailureFact | undefined;
}

/** One definition per kind: a kind without one is a compile error. */
export type Kinds = { readonly [K in Kind]: ElementDef<K> };
