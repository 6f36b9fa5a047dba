import { describe, expect, it } from 'vitest';
import { initialReadiness, isReady, nextReadiness, type Readiness, ReadinessMachine } from './readiness';

describe('the diagram’s readiness', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('goes loading → laid-out → drawn → settled for one layout, the marker on from drawn', () => {
    let s = initialReadiness(a);
    const phases: Readiness[] = [s.phase];
    for (const type of ['held', 'painted', 'settled'] as const) {
      s = nextReadiness(s, { type, layout: a });
      phases.push(s.phase);
    }
    expect(phases).toEqual(['loading', 'laid-out', 'drawn', 'settled']);
    expect(phases.map(isReady)).toEqual([false, false, true, true]);
  });

  it('starts over on a new layout, from any phase, and ignores events for the layout no longer shown', () => {
    let s = nextReadiness(nextReadiness(initialReadiness(a), { type: 'held', layout: a }), {
      type: 'painted',
      layout: a,
    });
    s = nextReadiness(s, { type: 'layout', layout: b });
    expect(s).toEqual({ layout: b, phase: 'loading' });
    // A's paint arrives late: b is not drawn by it.
    expect(nextReadiness(s, { type: 'painted', layout: a })).toBe(s);
    expect(nextReadiness(s, { type: 'held', layout: a })).toBe(s);
  });

  it('takes no step out of order (painted before held, settled before painted)', () => {
    const s = initialReadiness(a);
    expect(nextReadiness(s, { type: 'painted', layout: a })).toBe(s);
    expect(nextReadiness(s, { type: 'settled', layout: a })).toBe(s);
    const held = nextReadiness(s, { type: 'held', layout: a });
    expect(nextReadiness(held, { type: 'held', layout: a })).toBe(held);
  });

  it('is one state per diagram: the machine reports each change once', () => {
    const seen: [Readiness, string][] = [];
    const m = new ReadinessMachine(a, (phase, l) => seen.push([phase, l.id]));
    m.send({ type: 'layout', layout: a });
    m.send({ type: 'held', layout: a });
    m.send({ type: 'held', layout: a });
    m.send({ type: 'painted', layout: a });
    m.send({ type: 'layout', layout: b });
    m.send({ type: 'painted', layout: a });
    expect(seen).toEqual([
      ['laid-out', 'a'],
      ['drawn', 'a'],
      ['loading', 'b'],
    ]);
    expect(m.phase).toBe('loading');
  });
});
