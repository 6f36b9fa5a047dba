import { isView, type View } from '../topology/views';

/** What an embed tells its parent page: its preferred height, so the host can size the iframe. */
export interface ResizeMessage {
  type: 'stacklayers:resize';
  /** Preferred height in CSS px for the current width. */
  height: number;
  view: View;
}

/** What an embed tells its parent page once its first diagram is painted: it is ready to be steered. */
export interface ReadyMessage {
  type: 'stacklayers:ready';
  view: View;
  /** Its height at its current width, as the resize messages give it. */
  height: number;
}

/** What a parent page may ask an embed (accepted only from the expected origin). */
export interface SetMessage {
  type: 'stacklayers:set';
  topology?: View;
  theme?: 'light' | 'dark' | 'auto';
  persona?: 'operator' | 'tenant' | null;
}

/** Parses an incoming message; anything else is ignored. */
export function parseSetMessage(data: unknown): SetMessage | null {
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== 'stacklayers:set')
    return null;
  const d = data as Record<string, unknown>;
  const out: SetMessage = { type: 'stacklayers:set' };
  if (d.topology !== undefined) {
    if (!isView(d.topology)) return null;
    out.topology = d.topology;
  }
  if (d.theme !== undefined) {
    if (d.theme !== 'light' && d.theme !== 'dark' && d.theme !== 'auto') return null;
    out.theme = d.theme;
  }
  if (d.persona !== undefined) {
    if (d.persona !== null && d.persona !== 'operator' && d.persona !== 'tenant') return null;
    out.persona = d.persona;
  }
  return out;
}

/**
 * The one origin an embed accepts messages from: `?origin=` when given, else the embedding page's origin (from
 * the referrer). Sandboxed senders have the origin "null", which never matches.
 */
export function trustedOrigin(originParam: string | null, referrer: string): string | null {
  const pick = originParam ?? referrer;
  if (!pick) return null;
  try {
    const origin = new URL(pick).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether a message may steer the embed: it comes from the parent window itself (not a sibling, a child or
 * another tab) and from the one trusted origin. A sandboxed sender's origin is "null" and never passes.
 */
export function acceptsMessage(
  event: { source: unknown; origin: string },
  parent: unknown,
  allowed: string | null,
): boolean {
  return event.source === parent && allowed !== null && event.origin !== 'null' && event.origin === allowed;
}
