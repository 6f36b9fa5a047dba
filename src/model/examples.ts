import { generateModel } from './generate';
import type { Model } from './schema';

/**
 * The large example of the gallery, built by the seeded generator so that it stays valid as the schema
 * grows (`npm run examples` writes it to public/models/large.json; a test keeps the two in step).
 */
export function largeExample(): Model {
  const model = generateModel(3000, 2026);
  return {
    $schema: '../schema/model.v1.json',
    ...model,
    name: 'Large cloud',
    description:
      'A synthetic large cloud: over 200 hosts (5 controllers, ~190 compute hosts, Ceph storage) and a few thousand elements: VMs of many projects, some running their own Kubernetes.',
    deployment: { tool: 'kolla-ansible', form: 'containers' },
  };
}
