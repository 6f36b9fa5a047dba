import type { FailureReport } from '../../topology/failures/reportTypes';
import { SOURCES as S } from '../../topology/failures/sources';
import type { SceneElement } from '../../topology/scene';
import type { FailureFact, FailureWords } from '../types';

/** A cluster's state in a what-if. */
function clusterWhatIf(el: SceneElement, r: FailureReport): FailureFact | undefined {
  const c = r.clusters.get(el.id);
  return (
    c && {
      label: 'What if',
      text: `API ${c.api}; workloads ${c.workloadsRunning ? 'keep running' : 'down'}; ${c.canHeal ? 'heals and reschedules' : 'nothing is healed or rescheduled'}.`,
      source: S.k8sComponents,
    }
  );
}

/** What the operator's cluster needs first, and what losing its control plane does. */
export const operatorClusterFailure: FailureWords<'operator-cluster'> = {
  standing: () => [
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
  ],
  whatIf: clusterWhatIf,
};

/** How a tenant cluster's API is reached and who made it. */
export const tenantClusterFailure: FailureWords<'tenant-cluster'> = {
  // How its API is reached and who made it.
  standing: (el, scene) => {
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
  },
  whatIf: clusterWhatIf,
};
