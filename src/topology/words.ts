/** Small helpers for the plain-language sentences of explain and diffViews. */

/** "1 host", "3 hosts", "2 pod replicas". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c", "a, b, … and 4 more". */
export function listNames(names: readonly string[], max = 6): string {
  if (names.length <= max) {
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
