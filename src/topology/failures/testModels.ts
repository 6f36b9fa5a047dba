// Models of our own for the failure scenarios (imported by tests only): the default cloud changed where a
// scenario needs it, each valid or the test fails loudly.

import nestedJson from '../../../public/models/nested.json';
import helmJson from '../../../public/models/openstack-helm.json';
import type { Model } from '../../model/schema';
import { validateModel } from '../../model/validate';
import { defaultJsonCopy } from '../../testing/fixtures';

// biome-ignore lint/suspicious/noExplicitAny: model JSON edited on purpose before validation.
type Json = Record<string, any>;

function valid(json: unknown): Model {
  const r = validateModel(json);
  if (!r.ok) throw new Error(`test model invalid: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.model;
}

export const helmModel = (): Model => valid(structuredClone(helmJson));
export const nestedModel = (): Model => valid(structuredClone(nestedJson));

/**
 * The default cloud with two dedicated network hosts, net1 and net2 (OVN gateway chassis; kolla-ansible's
 * network group, so also its load-balancer group), and controllers that are controllers only.
 */
export function networkNodesModel(): Model {
  const json: Json = defaultJsonCopy();
  for (const h of json.hosts) if (h.roles.includes('controller')) h.roles = ['controller'];
  json.hosts.splice(
    3,
    0,
    { id: 'net1', rack: 'r1', roles: ['network'] },
    { id: 'net2', rack: 'r2', roles: ['network'] },
  );
  json.operatorCluster.hosts.push('net1', 'net2');
  return valid(json);
}

/**
 * The same with ML2/OVS instead of OVN: L3 and DHCP agents on net1 and net2, the OVS agent and Open vSwitch
 * on every compute and network host.
 */
export function ml2ovsModel(): Model {
  const json: Json = structuredClone(networkNodesModel()) as Json;
  json.services = json.services.filter((s: Json) => s.id !== 'ovn');
  const neutron = json.services.find((s: Json) => s.id === 'neutron');
  neutron.processes = [
    neutron.processes[0],
    { id: 'neutron-l3-agent', role: 'network', k8s: 'DaemonSet' },
    { id: 'neutron-dhcp-agent', role: 'network', k8s: 'DaemonSet' },
    { id: 'neutron-openvswitch-agent', role: ['network', 'compute'], k8s: 'DaemonSet' },
    { id: 'openvswitch', role: ['network', 'compute'], k8s: 'DaemonSet' },
  ];
  return valid(json);
}

/** The default cloud where kvm4 is an extra gateway chassis (the model says so: `gateway: true`). */
export function extraGatewayModel(): Model {
  const json: Json = defaultJsonCopy();
  const kvm4 = json.hosts.find((h: Json) => h.id === 'kvm4');
  kvm4.gateway = true;
  return valid(json);
}

/** The default cloud with a service Stacklayers has no built-in declaration for, declared by the model. */
export function declaredServiceModel(): Model {
  const json: Json = defaultJsonCopy();
  json.services.push({
    id: 'designate',
    name: 'Designate',
    processes: [
      {
        id: 'designate-api',
        role: 'controller',
        failure: {
          plane: 'control',
          serves: ['dns-api'],
          needs: ['database', 'identity'],
          lost: 'No DNS API: zones and records can be neither created nor changed; names already served keep resolving.',
          source: 'https://docs.openstack.org/designate/latest/',
        },
      },
    ],
  });
  return valid(json);
}
