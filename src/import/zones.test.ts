import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../model/validate';
import { deriveScene } from '../topology/deriveScene';
import { type ImportFile, importCloud, recogniseFile } from './importCloud';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const fixture = (dir: string): ImportFile[] =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, text: readFileSync(join(FIXTURES, dir, name), 'utf8') }));

describe('importing availability zones, aggregates and Ironic nodes', () => {
  const { model, report } = importCloud(fixture('zones-cloud'));
  const host = (id: string) => model.hosts.find((h) => h.id === id);

  it('recognises each output by its columns', () => {
    expect(report.files.map((f) => [f.name, f.kind])).toEqual([
      ['aggregates.json', 'aggregates'],
      ['availability-zones.json', 'availability-zones'],
      ['baremetal-nodes.json', 'baremetal-nodes'],
      ['compute-services.json', 'compute-services'],
      ['servers.json', 'servers'],
    ]);
    const old = readFileSync(join(FIXTURES, 'partial/aggregates-old/aggregates.json'), 'utf8');
    expect(recogniseFile(old)).toBe('aggregates');
  });

  it("puts compute hosts in their zone (the Zone column), not the controllers' internal zone", () => {
    expect(validateModel(model).ok).toBe(true);
    expect(model.availabilityZones?.map((z) => z.id)).toEqual(['az1', 'az2', 'nova']);
    expect(['cmp1', 'cmp2', 'cmp3', 'cmp4'].map((h) => host(h)?.zone)).toEqual(['az1', 'az1', 'az2', 'az2']);
    expect(host('ctl2')?.zone).toBeUndefined();
    expect(model.aggregates).toEqual([
      { id: 'az1-hosts', zone: 'az1', hosts: ['cmp1', 'cmp2'] },
      { id: 'az2-hosts', zone: 'az2', hosts: ['cmp3', 'cmp4'] },
      { id: 'gpu', hosts: ['cmp2'] },
    ]);
  });

  it('makes Ironic nodes bare-metal hosts, each serving the instance whose UUID it names', () => {
    expect(host('bm-node-0')).toMatchObject({ roles: ['baremetal'], ironic: { provisionState: 'active' } });
    expect(host('bm-node-2')).toMatchObject({
      roles: ['baremetal'],
      ironic: { provisionState: 'available' },
    });
    const vms = new Map(model.projects?.flatMap((p) => p.vms ?? []).map((v) => [v.id, v.host]));
    // The server list says ctl1 (the nova-compute service driving Ironic); the node is where it runs.
    expect([vms.get('hpc-1'), vms.get('hpc-2'), vms.get('web-1')]).toEqual([
      'bm-node-0',
      'bm-node-1',
      'cmp1',
    ]);
    const scene = deriveScene(model, 'traditional');
    const hpc = scene.byId.get('hpc-1');
    expect(hpc?.kind === 'vm' && hpc.baremetal).toBe(true);
    // The instance's zone (that of the service driving its node) is the node's.
    expect(host('bm-node-0')?.zone).toBe('nova');
  });

  it('reads an older client, whose aggregate list has no Hosts column', () => {
    const { model: m, report: r } = importCloud([
      ...fixture('partial/aggregates-old'),
      ...fixture('zones-cloud').filter((f) => f.name === 'compute-services.json'),
    ]);
    expect(validateModel(m).ok).toBe(true);
    expect(m.aggregates).toEqual([
      { id: 'az1-hosts', zone: 'az1', hosts: [] },
      { id: 'az2-hosts', zone: 'az2', hosts: [] },
    ]);
    expect(r.matched.join(' ')).toMatch(/without a Hosts column/);
    expect(m.hosts.find((h) => h.id === 'cmp3')?.zone).toBe('az2');
  });
});
