import type { Model, View } from '../model/schema';
import type { FileKind } from './parse';

/** What the importer is given, and what it gives back (the public shapes of `importCloud`). */

export type ClusterRole = 'operator' | 'tenant';

export interface ImportOptions {
  /** Overrides what a cluster is, by its name (the files' prefix, e.g. `undercloud`). */
  clusters?: Readonly<Record<string, ClusterRole>>;
}

export interface ImportedFile {
  name: string;
  kind: FileKind | 'unknown';
  /** Entries read: rows of an openstack table, nodes and pods of a kubectl List. */
  entries: number;
  /** Why an unknown file is unknown. */
  note?: string;
}

export interface ImportCounts {
  hosts: number;
  services: number;
  processes: number;
  projects: number;
  vms: number;
  clusters: number;
  loadBalancers: number;
  volumes: number;
}

export interface ImportReport {
  files: ImportedFile[];
  /** What was found and matched, as plain sentences. */
  matched: string[];
  /** What could not be matched or placed, as plain sentences. */
  unmatched: string[];
  /** What the model holds that came from the input (a stand-in host is not counted). */
  counts: ImportCounts;
}

export interface ImportResult {
  model: Model;
  report: ImportReport;
  /** The view that fits what was imported. */
  view: View;
}

export interface ImportFile {
  name: string;
  text: string;
}
