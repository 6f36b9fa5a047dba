import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { formatPath, validateModel, validateModelText } from './validate';

function issuesOf(value: unknown) {
  const r = validateModel(value);
  if (r.ok) throw new Error('expected the model to be invalid');
  return r.issues.map(({ path, message }) => ({ path, message }));
}

describe('validateModel', () => {
  it('accepts the default model', () => {
    const r = validateModel(defaultJsonCopy());
    expect(r.ok).toBe(true);
  });

  it('rejects a misspelt key with its JSON path', () => {
    const m = defaultJsonCopy();
    m.hosts[2].rolse = ['compute'];
    expect(issuesOf(m)).toContainEqual({
      path: '$.hosts[2]',
      message: 'unknown key "rolse" (check the spelling)',
    });
  });

  it('rejects a wrong type and an unknown role at the exact path', () => {
    const m = defaultJsonCopy();
    m.hosts[0].roles = ['controller', 'gpu'];
    m.services[1].processes[0].replicas = 'three';
    const issues = issuesOf(m);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['$.hosts[0].roles[1]', '$.services[1].processes[0].replicas']),
    );
  });

  it('rejects an unknown version and a missing version', () => {
    const m = defaultJsonCopy();
    m.version = 2;
    expect(issuesOf(m)[0]?.path).toBe('$.version');
    delete m.version;
    expect(issuesOf(m)[0]?.path).toBe('$.version');
  });

  it('rejects docs links that are not http(s)', () => {
    const m = defaultJsonCopy();
    m.services[0].docs = 'javascript:alert(1)';
    expect(issuesOf(m)).toContainEqual({ path: '$.services[0].docs', message: 'must be an http(s) URL' });
  });

  it('reports a VM on an unknown host in plain words', () => {
    const m = defaultJsonCopy();
    m.projects[0].vms[2].host = 'kvm9';
    expect(issuesOf(m)).toContainEqual({
      path: '$.projects[0].vms[2].host',
      message: "VM 'db-1' runs on host 'kvm9', which is not in hosts",
    });
  });

  it('reports a VM on a host that is not a compute host', () => {
    const m = defaultJsonCopy();
    m.projects[0].vms[0].host = 'ceph1';
    expect(issuesOf(m)[0]).toEqual({
      path: '$.projects[0].vms[0].host',
      message: "VM 'web-1' runs on host 'ceph1', which is not a compute host",
    });
  });

  it('reports duplicate ids across kinds', () => {
    const m = defaultJsonCopy();
    m.projects[0].vms[0].id = 'kvm1';
    expect(issuesOf(m)).toContainEqual({
      path: '$.projects[0].vms[0].id',
      message: "VM id 'kvm1' is already used at $.hosts[3].id",
    });
  });

  it('reports a tenant k8s node that is not a VM of its project', () => {
    const m = defaultJsonCopy();
    m.tenantClusters[0].workers.push('web-1');
    expect(issuesOf(m)).toContainEqual({
      path: '$.tenantClusters[0].workers[3]',
      message: "node 'web-1' of cluster 'prod-k8s' is a VM of project 'acme-web', not of 'acme-platform'",
    });
  });

  it("reports a tenant cluster's API load balancer that is not its own, and an unknown management cluster", () => {
    const m = defaultJsonCopy();
    m.tenantClusters[0].apiLoadBalancer = 'db-1-data';
    m.tenantClusters[0].managedBy = 'prod-k8s';
    expect(issuesOf(m)).toEqual([
      {
        path: '$.tenantClusters[0].apiLoadBalancer',
        message: "apiLoadBalancer 'db-1-data' of cluster 'prod-k8s' is not one of its loadBalancers",
      },
      {
        path: '$.tenantClusters[0].managedBy',
        message:
          "managedBy 'prod-k8s' of cluster 'prod-k8s' is neither another tenant cluster nor the operator cluster",
      },
    ]);
    m.tenantClusters[0].apiLoadBalancer = 'prod-k8s-api-lb';
    m.tenantClusters[0].managedBy = 'undercloud';
    expect(validateModel(m).ok).toBe(true);
  });

  it('rejects a failure declaration with an unknown redundancy or a capability that is not a word', () => {
    const m = defaultJsonCopy();
    m.services[0].processes[0].failure = { redundancy: 'some', serves: ['<b>'] };
    const paths = issuesOf(m).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.services[0].processes[0].failure.redundancy',
        '$.services[0].processes[0].failure.serves[0]',
      ]),
    );
  });

  it('reports replicas exceeding the hosts of the role', () => {
    const m = defaultJsonCopy();
    m.services[0].processes[0].replicas = 5;
    expect(issuesOf(m)).toContainEqual({
      path: '$.services[0].processes[0].replicas',
      message: "process 'keystone-api' wants 5 replicas, but only 3 hosts have the role controller",
    });
  });

  it('reports operator-cluster hosts that do not exist', () => {
    const m = defaultJsonCopy();
    m.operatorCluster.hosts.push('nope');
    expect(issuesOf(m)).toContainEqual({
      path: '$.operatorCluster.hosts[7]',
      message: "host 'nope' is not in hosts",
    });
  });

  it('treats ids like constructor and __proto__-ish names as plain ids', () => {
    for (const id of ['constructor', 'toString', 'hasOwnProperty', 'prototype']) {
      const m = JSON.parse(JSON.stringify(defaultJsonCopy()).replaceAll('"kvm1"', `"${id}"`));
      expect(validateModel(m).ok).toBe(true);
      m.projects[0].vms[0].host = 'valueOf';
      expect(issuesOf(m)[0]?.message).toBe("VM 'web-1' runs on host 'valueOf', which is not in hosts");
    }
  });

  it('never throws on text that is not JSON', () => {
    for (const text of ['', '{', 'null', '[]', '"x"', '{"version":1}', '\u0000']) {
      const r = validateModelText(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('formatPath', () => {
  it('formats keys and indices', () => {
    expect(formatPath(['hosts', 3, 'id'])).toBe('$.hosts[3].id');
    expect(formatPath(['$schema'])).toBe('$.$schema');
    expect(formatPath(['a b'])).toBe('$["a b"]');
  });
});
