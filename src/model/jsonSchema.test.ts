import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { defaultJsonCopy } from '../testing/fixtures';
import { generateModel } from './generate';
import { modelJsonSchema, modelJsonSchemaText, SCHEMA_PATH } from './jsonSchema';
import { Model } from './schema';

describe('the published JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    const published = readFileSync(new URL(`../../public/${SCHEMA_PATH}`, import.meta.url), 'utf8');
    expect(published).toBe(modelJsonSchemaText());
  });

  it('forbids unknown keys on every object, like the runtime', () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'object' && o.properties) objects.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(modelJsonSchema());
    expect(objects.length).toBeGreaterThan(10);
    for (const o of objects) expect(o.additionalProperties).toBe(false);
  });

  it('agrees with the runtime on good and broken models', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const check = ajv.compile(modelJsonSchema());
    const breakers: ((m: Record<string, any>) => void)[] = [
      () => {},
      (m) => {
        m.extra = true;
      },
      (m) => {
        m.hosts[0].roles = [];
      },
      (m) => {
        m.hosts[0].roles = ['gpu'];
      },
      (m) => {
        m.version = 2;
      },
      (m) => {
        m.hosts[1].id = 'has space';
      },
      (m) => {
        m.hosts[1].id = 'a/b';
      },
      (m) => {
        m.services[0].processes[0].role = ['compute', 'network'];
      },
      (m) => {
        m.services[0].processes[0].k8s = 'Job';
      },
      (m) => {
        m.services[0].processes[0].replicas = 0;
      },
      (m) => {
        m.projects[0].vms[0].flavor = '';
      },
      (m) => {
        m.projects[0].volumes[0].sizeGiB = -1;
      },
      (m) => {
        m.services[2].docs = 'ftp://example.org';
      },
      (m) => {
        m.tenantClusters[0].workloads[0].kind = 'CronJob';
      },
      (m) => {
        delete m.hosts;
      },
      (m) => {
        m.operatorCluster.hosts = [];
      },
    ];
    for (const [i, breakIt] of breakers.entries()) {
      const m = defaultJsonCopy();
      breakIt(m);
      const runtime = Model.safeParse(m).success;
      expect({ i, schema: check(m) }).toEqual({ i, schema: runtime });
    }
    expect(check(generateModel(500, 3))).toBe(true);
  });
});
