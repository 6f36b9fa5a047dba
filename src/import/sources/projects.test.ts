import { describe, expect, it } from 'vitest';
import { newState, projectNamed } from '../state';
import { readProjects } from './projects';

describe('readProjects', () => {
  it('knows each project by its id and its name, so other lists may name it either way', () => {
    const s = newState([], {});
    readProjects(s, [
      { id: 'AB12', name: 'demo' },
      { id: 'ab12', name: 'again' },
    ]);
    expect(s.projects.size).toBe(1);
    const demo = s.projects.get('ab12');
    expect(demo?.listed).toBe(true);
    expect(projectNamed(s, 'Demo')).toBe(demo);
    expect(projectNamed(s, 'AB12')).toBe(demo);
    expect(projectNamed(s, 'other').listed).toBe(false);
  });
});
