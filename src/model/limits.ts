/**
 * Every limit on input, in one place: the app, the embed, the command line and the importer use these.
 * Plain constants with no imports, so that any layer (and the CLI's help) can read them cheaply.
 */

/**
 * The largest model text accepted, in characters (16 MB): files, pastes, URLs, share links, drafts. A
 * generated cloud of 100,000 elements is about 8.5 MB pretty-printed (4.5 MB compact).
 */
export const MAX_MODEL_TEXT = 16 * 1024 * 1024;

/**
 * A `#model=` link whose model inflates past 64 KB may expand at most this many times (compressed bytes in,
 * JSON out). Real models expand 4 to 17 times; a decompression bomb about 1,000 times, and is stopped after a
 * few dozen KB of work instead of at MAX_MODEL_TEXT (the most a link may inflate to).
 */
export const MAX_LINK_EXPANSION = 200;

/** A model file on disk may take up to this many bytes (UTF-8 needs at most 3 bytes a character). */
export const MAX_FILE_BYTES = 3 * MAX_MODEL_TEXT;

/**
 * The most elements a model may have in its fullest view (hosts, service instances, Kubernetes clusters,
 * nodes and pods, projects, networks, VMs, load balancers, volumes): 1.5 times the 100,000 elements of the
 * largest clouds the product is built and measured for (regions, zones and cells; a big cloud starts folded
 * by its own structure). Counted before anything is derived or laid out (`countElements`).
 */
export const MAX_ELEMENTS = 150_000;

/** `stacklayers generate --elements` stops here: a generated model of n elements has up to ~1.1 n in its fullest view. */
export const MAX_GENERATE_ELEMENTS = 120_000;

/** JSON nested deeper than this is refused before it is parsed (a model is at most 8 levels deep). */
export const MAX_NESTING = 64;

/** At most this many problems are listed for one model; the rest are counted. */
export const MAX_ISSUES = 200;

/** The longest share link made: longer URLs break in chat tools, mail clients and some servers. */
export const MAX_LINK_LENGTH = 32_000;

/** The largest file to import: a big cluster's `kubectl get pods -A -o json` is larger than a model. */
export const MAX_IMPORT_FILE = 20 * 1024 * 1024;

/** The most to import at once. */
export const MAX_IMPORT_TOTAL = 60 * 1024 * 1024;

/**
 * `25,000`: a whole number with thousands separators, for messages. Not `toLocaleString`: its first call
 * loads locale data, in the middle of a refusal that must be quick.
 */
export function thousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Megabytes for messages: `5 MB`, `12.3 MB`. */
export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
