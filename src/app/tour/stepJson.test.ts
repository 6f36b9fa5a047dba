import { describe, expect, it } from 'vitest';
import { validateTours } from '../../model/tours';
import { stepJson } from './stepJson';

describe('stepJson', () => {
  it('writes the view, lens, selection and failures as a valid step', () => {
    const text = stepJson({ view: 'both', persona: 'operator', selected: 'kvm1', failed: ['ctl1', 'ctl2'] });
    const step = JSON.parse(text);
    expect(step).toMatchObject({
      view: 'both',
      persona: 'operator',
      focus: ['kvm1'],
      highlight: ['kvm1'],
      fail: ['ctl1', 'ctl2'],
    });
    expect(validateTours({ id: 't', title: 'T', steps: [step] }).ok).toBe(true);
  });
  it('leaves out what is not set', () => {
    const step = JSON.parse(stepJson({ view: 'traditional', persona: null, selected: null, failed: [] }));
    expect(Object.keys(step).sort()).toEqual(['notes', 'text', 'title', 'view']);
  });
});
