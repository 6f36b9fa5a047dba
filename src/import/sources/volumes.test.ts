import { describe, expect, it } from 'vitest';
import { addVm, newState, projectNamed } from '../state';
import { readVolumes } from './volumes';

function withVm() {
  const s = newState([], {});
  addVm(s, {
    server: { id: 'S1', name: 'web' },
    name: 'web',
    project: projectNamed(s, 'demo'),
    flavor: 'm1',
  });
  return s;
}

describe('readVolumes', () => {
  it('attaches a volume to its VM (by server id or a name only one VM has), in its project', () => {
    const s = withVm();
    readVolumes(s, [
      { id: 'v1', name: 'data', sizeGiB: 10, project: 'demo', attachedTo: ['s1'] },
      { id: 'v2', name: 'logs', sizeGiB: 5, attachedTo: ['web'] },
    ]);
    const demo = s.projects.get('demo');
    expect(demo?.volumes.map((v) => [v.v.name, v.attachedTo?.name])).toEqual([
      ['data', 'web'],
      ['logs', 'web'],
    ]);
    expect(s.matched).toEqual(['2 volumes, 2 attached to VMs.']);
  });

  it('leaves out volumes without a size or a project, and shows one attached across projects unattached', () => {
    const s = withVm();
    readVolumes(s, [
      { name: 'nosize', attachedTo: [] },
      { name: 'orphan', sizeGiB: 1, attachedTo: [] },
      { name: 'other', sizeGiB: 1, project: 'ops', attachedTo: ['S1'] },
    ]);
    expect(s.projects.get('ops')?.volumes[0]?.attachedTo).toBeUndefined();
    expect(s.unmatched).toEqual([
      'Volume other of project ops is attached to VM web of another project; shown unattached.',
      'Volumes without a size were left out: nosize.',
      'Volumes with no project column and attached to no VM were left out (their project is unknown): orphan.',
    ]);
  });
});
