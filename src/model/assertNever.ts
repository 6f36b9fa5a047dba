/**
 * The `default:` of a `switch` over a union: the compiler accepts the call only when every member has its
 * `case`, so adding a member (an element kind, a view, a file kind ...) lists every switch it must reach.
 * Reached at run time only through data the types did not describe; it throws rather than skip silently.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
