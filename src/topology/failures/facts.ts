import { assertNever } from '../../model/assertNever';
import type { Scene, SceneElement, ServiceElement, TenantClusterElement } from '../scene';
import { declarationOf, isGateway } from './components';
import type { FailureReport } from './reportTypes';
import { scopingOf } from './scopes';
import { SOURCES as S } from './sources';

/** One line of an element's details about failure: a label, a sentence and its source. */
export interface FailureFact {
  label: string;
  text: string;
  source?: string | undefined;
}

const PLANE_WORDS = { control: 'Control plane', data: 'Data plane', management: 'Management' } as const;

/**
 * What an element's details say about failure: its plane and what losing it does (from its declaration),
 * and, while something is failed, its state in words.
 */
export function failureFacts(scene: Scene, el: SceneElement, report: FailureReport | null): FailureFact[] {
  const facts = standingFacts(scene, el);
  if (report) facts.push(...stateFacts(el, report));
  return facts;
}

/** What an element's kind and declaration say about failure, whatever has failed. */
function standingFacts(scene: Scene, el: SceneElement): FailureFact[] {
  switch (el.kind) {
    case 'service':
      return serviceFacts(scene, el);
    case 'host':
      return [
        {
          label: 'If it fails',
          text: `Everything on it stops; its VMs stay down until evacuated (nova evacuate) or restarted elsewhere by Masakari.${
            isGateway(el)
              ? ' It is a gateway chassis: its routers fail over to another gateway, if one is left.'
              : ''
          }`,
          source: S.novaEvacuate,
        },
      ];
    case 'vm':
      return [
        {
          label: 'If its host fails',
          text:
            el.amphoraOf.length > 0
              ? 'An amphora: octavia-health-manager notices the missing heartbeats and rebuilds it on another host (an ACTIVE_STANDBY pair fails over at once).'
              : 'It stays down until someone evacuates it (nova evacuate) or Masakari does; nothing restarts it by itself.',
          source: el.amphoraOf.length > 0 ? S.octaviaConfig : S.novaEvacuate,
        },
      ];
    case 'operator-cluster':
      return [
        {
          label: 'Needs first',
          text: 'openstack-helm leaves the cluster to you: a CNI, an ingress controller in front of the APIs, and a StorageClass for the StatefulSets’ volumes (MariaDB, RabbitMQ) must be there before the charts.',
          source: S.oshInstall,
        },
        {
          label: 'If its control plane fails',
          text: 'The kubelets keep the running pods running, so OpenStack keeps answering; nothing is rescheduled or healed until it is back.',
          source: S.k8sComponents,
        },
      ];
    case 'tenant-cluster':
      return tenantClusterFacts(scene, el);
    case 'k8s-node':
    case 'pod':
    case 'project':
    case 'network':
    case 'load-balancer':
    case 'volume':
      // No standing facts of their own: what a failure does to them comes from the report.
      return [];
    default:
      return assertNever(el, 'element kind');
  }
}

/** A service instance: its plane, what losing it does, and whether that stays within a cell or region. */
function serviceFacts(scene: Scene, el: ServiceElement): FailureFact[] {
  const { decl } = declarationOf(el);
  const facts: FailureFact[] = [
    {
      label: 'Plane',
      text: `${PLANE_WORDS[decl.plane]}${decl.manages ? ` of ${decl.manages}` : ''}: ${decl.role}.`,
      source: decl.source,
    },
    { label: 'If it fails', text: failureOf(decl.redundancy, decl.lost), source: decl.source },
  ];
  if (decl.redundancy === 'per-host') return facts;
  const scoping = scopingOf(scene);
  const where = scoping.info(
    scoping.ofProcess(
      scene.elements.filter((e): e is ServiceElement => e.kind === 'service' && e.processId === el.processId),
    ),
  );
  if (where?.level === 'cell')
    facts.push({
      label: 'Scope',
      text: `Cell ${where.name}'s own: losing it takes only ${where.name}'s instances out of management (a down cell: they run on, listed as UNKNOWN); other cells and the API level are not affected.`,
      source: S.novaDownCells,
    });
  else if (where?.level === 'region')
    facts.push({
      label: 'Scope',
      text: `Region ${where.name}'s own: losing it takes only ${where.name}'s instances out of management; the other regions keep their own API level.`,
      source: S.keystone,
    });
  return facts;
}

/** A tenant cluster: how its API is reached and who made it. */
function tenantClusterFacts(scene: Scene, el: TenantClusterElement): FailureFact[] {
  const api = el.apiLoadBalancer ? scene.byId.get(el.apiLoadBalancer)?.name : undefined;
  const manager = el.managedBy ? (scene.byId.get(el.managedBy)?.name ?? el.managedBy) : undefined;
  return [
    {
      label: 'Its API',
      text: api
        ? `Reached through the load balancer ${api} (an Octavia amphora with a floating IP): it needs a majority of its control-plane VMs, the amphora's host and a gateway chassis.`
        : 'Needs a majority of its control-plane VMs.',
      source: api ? S.capo : S.kubeadmHa,
    },
    {
      label: 'Made by',
      text: `${el.tool}${manager ? `, managed from the Cluster API management cluster ${manager}` : ''}; the tenant installs the OpenStack cloud controller manager and Cinder CSI with a Keystone application credential, so its Services of type LoadBalancer become Octavia load balancers and its volumes Cinder volumes.`,
      source: manager ? S.magnumClusterApi : S.cloudProviderOpenstack,
    },
  ];
}

function failureOf(redundancy: 'any' | 'majority' | 'per-host', lost: string): string {
  if (redundancy === 'majority') return `One member may fail while a majority stays. ${lost}`;
  if (redundancy === 'per-host') return lost;
  return `The other instances keep serving. If every instance is lost: ${lost}`;
}

function stateFacts(el: SceneElement, r: FailureReport): FailureFact[] {
  const out: FailureFact[] = [];
  if (el.kind === 'vm') {
    const vm = r.vms.get(el.id);
    if (vm)
      out.push({
        label: 'What if',
        text: vm.running
          ? `Running; network ${vm.network}; ${vm.manageable ? 'can be managed' : 'cannot be managed'}.`
          : 'Down: stays down until evacuated (nova evacuate) or restarted by Masakari.',
        source: vm.running ? S.novaArchitecture : S.novaEvacuate,
      });
  } else if (el.kind === 'operator-cluster' || el.kind === 'tenant-cluster') {
    const c = r.clusters.get(el.id);
    if (c)
      out.push({
        label: 'What if',
        text: `API ${c.api}; workloads ${c.workloadsRunning ? 'keep running' : 'down'}; ${c.canHeal ? 'heals and reschedules' : 'nothing is healed or rescheduled'}.`,
        source: S.k8sComponents,
      });
  } else if (el.kind === 'load-balancer') {
    const lb = r.loadBalancers.get(el.id);
    if (lb)
      out.push({
        label: 'What if',
        text: `${lb.up ? 'Serving' : 'Down'}: ${lb.amphoraeUp.length} of ${lb.amphorae.length} amphorae working${
          lb.amphoraeUp.length < lb.amphorae.length
            ? lb.rebuilt
              ? '; the lost ones are rebuilt'
              : '; nothing rebuilds the lost ones'
            : ''
        }.`,
        source: S.octaviaConfig,
      });
  }
  return out;
}
