import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../model/generate';
import type { Model } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { defaultJsonCopy, defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../deriveScene';
import type { Scene } from '../scene';
import { VIEWS } from '../views';
import { majorityGroups } from './components';
import { DECLARATIONS } from './declarations';
import { analyzeFailures } from './engine';
import { headline, WHATIF_CONTRACT_KEYS, whatIfJson, whatIfText } from './report';
import { SOURCES } from './sources';

const model = defaultModel();
const hostIds = (s: Scene) => s.elements.filter((e) => e.kind === 'host').map((e) => e.id);
const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => !b.has(x));

describe('declarations', () => {
  it('give every component a plane, something it serves and an https source', () => {
    for (const [id, d] of Object.entries(DECLARATIONS)) {
      expect(['control', 'data', 'management'], id).toContain(d.plane);
      expect(d.serves.length, id).toBeGreaterThan(0);
      expect(d.source, id).toMatch(/^https:\/\//);
      expect(d.lost.length, id).toBeGreaterThan(20);
      if (d.plane === 'management') expect(d.manages, id).toBeTruthy();
    }
  });

  it('need only capabilities that some declaration serves', () => {
    const served = new Set(
      Object.values(DECLARATIONS).flatMap((d) => [...d.serves, ...(d.servesOnGateway ?? [])]),
    );
    for (const [id, d] of Object.entries(DECLARATIONS))
      for (const n of [...d.needs, ...(d.needsOnHost ?? [])])
        expect(served.has(n), `${id} needs ${n}`).toBe(true);
  });
});

describe('majority groups', () => {
  it('count floor(n/2)+1 and flag an even group: 4 members tolerate no more than 3', () => {
    const json = defaultJsonCopy();
    json.hosts.push({ id: 'ctl4', rack: 'r4', roles: ['controller', 'network'] });
    const r = validateModel(json);
    if (!r.ok) throw new Error('invalid');
    const groups = majorityGroups(deriveScene(r.model, 'traditional'));
    expect(groups.find((g) => g.id === 'mariadb')).toMatchObject({
      size: 4,
      needed: 3,
      tolerates: 1,
      even: true,
    });
    expect(groups.find((g) => g.id === 'ceph-mon')).toMatchObject({
      size: 3,
      needed: 2,
      tolerates: 1,
      even: false,
    });
  });
});

describe('analyzeFailures', () => {
  it('ignores unknown ids, ids absent from the view and elements that cannot fail', () => {
    const trad = deriveScene(model, 'traditional');
    expect(analyzeFailures(trad, ['nope', 'undercloud', 'acme-web', 'constructor']).failed).toEqual([]);
    expect(analyzeFailures(trad, ['ctl1', 'nope', 'ctl1']).failed).toEqual(['ctl1']);
    const none = analyzeFailures(trad, []);
    expect(none.down.size).toBe(0);
    expect(none.controlPlane).toBe('up');
    expect(none.notes.map((n) => n.text)).toEqual(['Nothing has failed.']);
  });

  it('is deterministic and independent of the order of the failed ids', () => {
    const s = deriveScene(model, 'both');
    const a = whatIfJson(s, analyzeFailures(s, ['kvm1', 'ctl2', 'ctl1']));
    expect(whatIfJson(s, analyzeFailures(s, ['ctl1', 'kvm1', 'ctl2']))).toEqual(a);
  });

  it.each(VIEWS)(
    'keeps its invariants for every single and double host failure (%s)',
    (view) => {
      const s = deriveScene(model, view);
      const hosts = hostIds(s);
      for (const [i, a] of hosts.entries())
        for (const b of hosts.slice(i)) {
          const r = analyzeFailures(s, [a, b]);
          for (const f of r.failed) expect(r.down.has(f)).toBe(true);
          expect(disjoint(r.down, r.unmanageable)).toBe(true);
          expect(disjoint(r.down, r.impaired)).toBe(true);
          expect(disjoint(r.impaired, r.unmanageable)).toBe(true);
          // Everything down failed, runs on something down, or is a load balancer or cluster whose parts are down.
          for (const id of r.down) {
            const el = s.byId.get(id);
            const ok =
              r.failed.includes(id) ||
              (el?.runsOn !== undefined && r.down.has(el.runsOn)) ||
              el?.kind === 'load-balancer' ||
              el?.kind === 'tenant-cluster' ||
              el?.kind === 'operator-cluster';
            expect(ok, id).toBe(true);
          }
          // A VM is down exactly when its host is.
          for (const [id, vm] of r.vms) {
            const host = s.byId.get(id)?.runsOn ?? '';
            expect(vm.running, id).toBe(!r.down.has(host));
            if (!vm.running) expect(vm.network).toBe('down');
          }
          for (const m of r.majorities) expect(m.held).toBe(m.up >= m.needed);
          // The control plane is down only when a majority of shared state, Keystone or the API endpoint is lost.
          if (r.controlPlane === 'down')
            expect(
              r.majorities.some((m) => !m.held && m.kind === 'process' && m.id !== 'ceph-mon') ||
                (r.endpoint?.up.length ?? 1) === 0 ||
                !r.served('identity'),
            ).toBe(true);
          expect(r.notes.length).toBeGreaterThan(1);
          for (const n of r.notes) if (n.source) expect(n.source).toMatch(/^https:\/\//);
          expect(headline(r).length).toBeGreaterThan(0);
        }
    },
    30_000,
  );

  it('handles a generated cloud: failing every controller downs the control plane, no VM', () => {
    const s = deriveScene(generateModel(2000, 3), 'both');
    const ctl = s.elements
      .filter((e) => e.kind === 'host' && e.roles.includes('controller'))
      .map((e) => e.id);
    const r = analyzeFailures(s, ctl);
    expect(r.controlPlane).toBe('down');
    for (const vm of r.vms.values()) expect(vm.running).toBe(true);
    expect([...r.clusters.values()].find((c) => c.kind === 'operator')?.api).toBe('down');
  });

  it('tells the text form with headings and a why line for each sourced sentence', () => {
    const s = deriveScene(model, 'traditional');
    const t = whatIfText(s, analyzeFailures(s, ['ctl1', 'ctl2']));
    expect(t).toMatch(/^What if, in the traditional view of Small cloud:/);
    expect(t).toContain('control plane down');
    expect(t).toContain('\nMajorities:\n');
    expect(t).toMatch(
      /\n {2}- MariaDB Galera \(mariadb\) lost its majority: 1 of 3 up, 2 needed\.\n {4}why: https:/,
    );
  });

  it('works with ids that are Object.prototype keys', () => {
    const text = JSON.stringify(defaultJsonCopy())
      .replaceAll('"kvm1"', '"constructor"')
      .replaceAll('"web-1"', '"toString"');
    const r = validateModel(JSON.parse(text));
    if (!r.ok) throw new Error('invalid');
    const m: Model = r.model;
    const s = deriveScene(m, 'both');
    const report = analyzeFailures(s, ['constructor']);
    expect(report.down.has('toString')).toBe(true);
    expect(report.down.has('undercloud/constructor')).toBe(true);
    expect(report.vms.get('toString')?.running).toBe(false);
    expect(analyzeFailures(s, ['__proto__']).failed).toEqual([]);
  });
});

describe('docs/failures.md', () => {
  const doc = readFileSync('docs/failures.md', 'utf8');
  it('lists every declaration and every field of the whatif JSON contract', () => {
    for (const id of Object.keys(DECLARATIONS)) expect(doc, id).toContain(`\`${id}\``);
    for (const key of WHATIF_CONTRACT_KEYS) expect(doc, key).toContain(`| \`${key}\``);
  });

  it('cites only sources the engine cites', () => {
    const cited = new Set<string>(Object.values(SOURCES));
    for (const m of doc.matchAll(/\]\((https:[^)]+)\)/g)) expect(cited.has(m[1] as string), m[1]).toBe(true);
  });
});
