/** Import a real cloud: a Stacklayers model from `openstack … -f json` and `kubectl get … -o json` output. */
export {
  type ClusterRole,
  type ImportCounts,
  type ImportedFile,
  type ImportFile,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  importCloud,
  importedAnything,
  recogniseFile,
} from './importCloud';
export { FILE_KINDS, type FileKind, KIND_COMMAND } from './parse';
