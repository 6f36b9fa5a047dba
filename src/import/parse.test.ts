import { describe, expect, it } from 'vitest';
import { detectKind, type FileData, parseFile } from './parse';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const rowsOf = (text: string) => {
  const f = parseFile('f.json', text);
  return { f, data: f.data as Extract<FileData, { rows: unknown[] }> };
};

describe('recognising openstack output by its columns', () => {
  it('reads the hypervisor list in the column names of OSC and of snake-case clients', () => {
    const osc = rowsOf(
      json([
        {
          ID: 1,
          'Hypervisor Hostname': 'cmp1.example',
          'Hypervisor Type': 'QEMU',
          'Host IP': '10.0.0.21',
          State: 'up',
          'vCPUs Used': 2,
          vCPUs: 64,
          'Memory MB Used': 2048,
          'Memory MB': 524288,
        },
      ]),
    );
    const snake = rowsOf(
      json([
        {
          id: 'x',
          hypervisor_hostname: 'cmp1.example',
          hypervisor_type: 'QEMU',
          vcpus: '64',
          memory_mb: 524288,
        },
      ]),
    );
    // Without --long (or from microversion 2.88 on) there are no vCPUs and no memory.
    const short = rowsOf(
      json([{ ID: 'u', 'Hypervisor Hostname': 'cmp1', 'Hypervisor Type': 'QEMU', State: 'up' }]),
    );
    for (const { f, data } of [osc, snake])
      expect({ kind: f.kind, rows: data.rows }).toMatchObject({
        kind: 'hypervisors',
        rows: [{ name: 'cmp1.example', type: 'QEMU', vcpus: 64, memoryMb: 524288 }],
      });
    expect(short.data.rows).toEqual([
      { name: 'cmp1', type: 'QEMU', state: 'up', ip: undefined, vcpus: undefined, memoryMb: undefined },
    ]);
  });

  it('reads the host list (Host Name, Service, Zone)', () => {
    const { f, data } = rowsOf(json([{ 'Host Name': 'ctl1', Service: 'conductor', Zone: 'internal' }]));
    expect(f.kind).toBe('hosts');
    expect(data.rows).toEqual([{ host: 'ctl1', service: 'conductor' }]);
  });

  it('tells compute services from network agents, and refuses the volume service list', () => {
    const compute = rowsOf(
      json([{ ID: 7, Binary: 'nova-compute', Host: 'cmp1', Zone: 'nova', Status: 'enabled', State: 'up' }]),
    );
    expect(compute.f.kind).toBe('compute-services');
    expect(compute.data.rows).toEqual([{ binary: 'nova-compute', host: 'cmp1', zone: 'nova' }]);

    const agents = rowsOf(
      json([
        {
          ID: 'a',
          'Agent Type': 'L3 agent',
          Host: 'net1',
          Alive: true,
          State: true,
          Binary: 'neutron-l3-agent',
        },
        { ID: 'b', 'Agent Type': 'Open vSwitch agent', Host: 'cmp1', Alive: ':-)', State: 'UP', Binary: 'x' },
      ]),
    );
    expect(agents.f.kind).toBe('network-agents');
    expect(agents.data.rows).toEqual([
      { type: 'L3 agent', binary: 'neutron-l3-agent', host: 'net1', alive: true },
      { type: 'Open vSwitch agent', binary: 'x', host: 'cmp1', alive: true },
    ]);
    // Agents listed with only a binary (a client without the Agent Type column).
    expect(parseFile('a', json([{ binary: 'neutron-dhcp-agent', host: 'net1' }])).kind).toBe(
      'network-agents',
    );
    expect(
      parseFile('v', json([{ Binary: 'cinder-volume', Host: 'stor1@lvm', Zone: 'nova' }])),
    ).toMatchObject({
      kind: 'unknown',
      note: expect.stringContaining('volume service list'),
    });
  });

  it('reads the server list in its column variants: Flavor / Flavor Name, Host / OS-EXT-SRV-ATTR:host, Project ID / Project / tenant_id', () => {
    const recent = rowsOf(
      json([
        {
          ID: 's1',
          Name: 'web-1',
          Status: 'ACTIVE',
          'Task State': null,
          'Power State': 'Running',
          Networks: { net: ['10.0.0.5'] },
          'Image Name': 'ubuntu',
          'Image ID': 'i1',
          Flavor: 'm1.small',
          'Availability Zone': 'nova',
          Host: 'cmp1',
          Properties: {},
          'Project ID': 'p1',
        },
      ]),
    );
    const older = rowsOf(
      json([
        {
          ID: 's1',
          Name: 'web-1',
          Status: 'ACTIVE',
          Networks: 'net=10.0.0.5',
          'Image Name': 'ubuntu',
          'Flavor Name': 'm1.small',
          'Flavor ID': '2',
          Host: 'cmp1',
          Project: 'p1',
        },
      ]),
    );
    const api = rowsOf(
      json([
        {
          id: 's1',
          name: 'web-1',
          status: 'ACTIVE',
          flavor: { original_name: 'm1.small', vcpus: 1 },
          image: { id: 'i1', name: 'ubuntu' },
          'OS-EXT-SRV-ATTR:host': 'cmp1',
          tenant_id: 'p1',
        },
      ]),
    );
    // The recent client's --long output also has the server's zone.
    expect(recent.data.rows).toMatchObject([{ zone: 'nova' }]);
    for (const { data } of [older, api]) expect(data.rows).toMatchObject([{ zone: undefined }]);
    for (const { f, data } of [recent, older, api]) {
      expect(f.kind).toBe('servers');
      expect(data.rows.map((r) => ({ ...r, zone: undefined }))).toEqual([
        {
          id: 's1',
          name: 'web-1',
          status: 'ACTIVE',
          flavor: 'm1.small',
          image: 'ubuntu',
          host: 'cmp1',
          project: 'p1',
        },
      ]);
    }
    const bootFromVolume = rowsOf(
      json([{ ID: 's', Name: 'n', Status: 'ACTIVE', Image: 'N/A (booted from volume)', Flavor: 'f' }]),
    );
    expect(bootFromVolume.data.rows).toMatchObject([{ image: undefined }]);
  });

  it('reads projects, load balancers and volumes', () => {
    const projects = rowsOf(json([{ ID: 'p1', Name: 'acme', 'Domain ID': 'default', Enabled: true }]));
    expect(projects.f.kind).toBe('projects');
    expect(projects.data.rows).toEqual([{ id: 'p1', name: 'acme' }]);

    const lbs = rowsOf(
      json([
        {
          id: 'l1',
          name: 'web-lb',
          project_id: 'p1',
          vip_address: '10.0.0.9',
          provisioning_status: 'ACTIVE',
          operating_status: 'ONLINE',
          provider: 'amphora',
        },
      ]),
    );
    expect(lbs.f.kind).toBe('load-balancers');
    expect(lbs.data.rows).toEqual([{ id: 'l1', name: 'web-lb', project: 'p1', vip: '10.0.0.9' }]);

    const volumes = rowsOf(
      json([
        {
          ID: 'v1',
          Name: 'data',
          Status: 'in-use',
          Size: 50,
          Type: '__DEFAULT__',
          Bootable: 'false',
          'Attached to': [{ server_id: 's1', device: '/dev/vdb' }],
          Properties: {},
        },
        {
          ID: 'v2',
          'Display Name': 'old',
          Status: 'in-use',
          Size: '5',
          'Attached to': 'Attached to web-1 on /dev/vdb ',
        },
        {
          ID: 'v3',
          Name: '',
          Status: 'available',
          Size: 1,
          'Attached to': [],
          'os-vol-tenant-attr:tenant_id': 'p1',
        },
      ]),
    );
    expect(volumes.f.kind).toBe('volumes');
    expect(volumes.data.rows).toEqual([
      { id: 'v1', name: 'data', sizeGiB: 50, status: 'in-use', project: undefined, attachedTo: ['s1'] },
      { id: 'v2', name: 'old', sizeGiB: 5, status: 'in-use', project: undefined, attachedTo: ['web-1'] },
      { id: 'v3', name: undefined, sizeGiB: 1, status: 'available', project: 'p1', attachedTo: [] },
    ]);
  });

  it('skips entries without what they need, and says so', () => {
    const { f } = rowsOf(
      json([{ 'Hypervisor Hostname': null, State: 'up' }, 'text', { 'Hypervisor Hostname': 'k' }]),
    );
    expect(f.kind).toBe('hypervisors');
    expect(f.entries).toBe(1);
    expect(f.problems).toEqual([
      'f.json: entry 1 has no hostname; skipped.',
      'f.json: entry 2 is not an object; skipped.',
    ]);
  });
});

describe('recognising kubectl output', () => {
  const node = (name: string, extra: object = {}) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'node-role.kubernetes.io/control-plane': '' } },
    spec: { providerID: `openstack:///${name}-id` },
    status: { capacity: { cpu: '16', memory: '65843012Ki' }, nodeInfo: { kubeletVersion: 'v1.31.4' } },
    ...extra,
  });
  const pod = (name: string, nodeName: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'openstack',
      labels: { application: 'nova', component: 'compute' },
      ownerReferences: [{ kind: 'DaemonSet', name: 'nova-compute-default', controller: true }],
    },
    spec: { nodeName, containers: [{ name: 'nova-compute' }] },
    status: { phase: 'Running' },
  });
  const list = (items: unknown[]) =>
    json({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });

  it('reads nodes: labels, providerID, control plane, capacity, version', () => {
    const f = parseFile('n.json', list([node('ctl1')]));
    expect(f.kind).toBe('k8s-nodes');
    const d = f.data as Extract<FileData, { nodes: unknown }>;
    expect(d.nodes[0]).toMatchObject({
      name: 'ctl1',
      providerID: 'openstack:///ctl1-id',
      controlPlane: true,
      cpu: 16,
      memoryGiB: 62.8,
      kubeletVersion: 'v1.31.4',
    });
  });

  it('reads pods with their owner and node', () => {
    const f = parseFile('p.json', list([pod('nova-compute-default-abcde', 'cmp1')]));
    expect(f.kind).toBe('k8s-pods');
    const d = f.data as Extract<FileData, { pods: unknown }>;
    expect(d.pods[0]).toMatchObject({
      name: 'nova-compute-default-abcde',
      namespace: 'openstack',
      nodeName: 'cmp1',
      ownerKind: 'DaemonSet',
      ownerName: 'nova-compute-default',
      phase: 'Running',
    });
    expect(d.pods[0]?.labels.get('application')).toBe('nova');
  });

  it('reads a mixed List, a NodeList whose items have no kind, and a single Node', () => {
    expect(parseFile('m', list([node('a'), pod('p', 'a')])).kind).toBe('k8s-nodes-pods');
    const { kind: _k, ...bare } = node('b');
    expect(parseFile('n', json({ kind: 'NodeList', items: [bare] })).kind).toBe('k8s-nodes');
    expect(parseFile('one', json(node('c'))).kind).toBe('k8s-nodes');
  });

  it('says why a List is not one of nodes or pods', () => {
    expect(parseFile('e', list([]))).toMatchObject({
      kind: 'unknown',
      note: expect.stringContaining('empty'),
    });
    expect(parseFile('s', list([{ kind: 'Service', metadata: { name: 'x' } }]))).toMatchObject({
      kind: 'unknown',
      note: expect.stringContaining('neither nodes nor pods'),
    });
  });
});

describe('files that are not recognised', () => {
  it.each([
    ['not JSON', '[{"ID": "x", "Na', /^not JSON/],
    ['an empty file', '  \n', /empty/],
    ['an empty list', '[]', /empty list/],
    [
      'a flavor list',
      json([{ ID: '1', Name: 'm1.tiny', RAM: 512, Disk: 1, Ephemeral: 0, VCPUs: 1 }]),
      /flavor list/,
    ],
    ['an image list', json([{ ID: 'i', Name: 'ubuntu', Status: 'active' }]), /columns/],
    ['a Stacklayers model', json({ version: 1, hosts: [], services: [] }), /Stacklayers model/],
    ['a number', '42', /neither/],
    ['a list of numbers', '[1, 2]', /not of objects/],
  ])('%s is unknown, with why', (_what, text, note) => {
    const f = parseFile('x.json', text);
    expect(f.kind).toBe('unknown');
    expect(f.note).toMatch(note);
  });

  it('never throws, whatever the JSON', () => {
    const values: unknown[] = [
      null,
      true,
      'text',
      [null, [], {}],
      { kind: 'List', items: 'no' },
      { kind: 'List', items: [null, 1, { kind: 'Pod' }, { kind: 'Node', metadata: { name: 5 } }] },
      [{ __proto__: 'x', constructor: 'y', 'Hypervisor Hostname': { toString: 1 } }],
      [{ ID: {}, Name: [], Status: 1, Flavor: { original_name: {} }, Host: 3 }],
      [{ Size: 'huge', 'Attached to': [null, { server_id: 7 }], ID: 'v' }],
    ];
    for (const v of values) expect(() => detectKind(v)).not.toThrow();
    for (const v of values) expect(() => parseFile('x', JSON.stringify(v) ?? '')).not.toThrow();
  });

  it('keeps __proto__ and constructor keys as data', () => {
    const text =
      '[{"ID": "s", "Name": "__proto__", "Status": "ACTIVE", "Flavor": "constructor", "__proto__": {"polluted": true}}]';
    const { f, data } = rowsOf(text);
    expect(f.kind).toBe('servers');
    expect(data.rows).toMatchObject([{ id: 's', name: '__proto__', flavor: 'constructor' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
