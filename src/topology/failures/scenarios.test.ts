import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failureFacts } from '../../kinds/facts';
import type { Model, View } from '../../model/schema';
import { defaultModel } from '../../testing/fixtures';
import { deriveScene } from '../deriveScene';
import type { Scene } from '../scene';
import { majorityGroups } from './components';
import { analyzeFailures } from './engine';
import { aboveChartDefaults, kubernetesOverhead } from './overhead';
import type { FailureReport } from './reportTypes';
import { SOURCES as S } from './sources';
import {
  declaredServiceModel,
  extraGatewayModel,
  helmModel,
  ml2ovsModel,
  nestedModel,
  networkNodesModel,
} from './testModels';

/**
 * Failure scenarios, each written from its source (the URL beside it), never from what the engine prints:
 * the expectations are what the source says happens. One row per finding of the review, on the default
 * model and on models of our own with separate network hosts, in every view where it applies.
 */
interface Scenario {
  title: string;
  source: string;
  model: () => Model;
  views: readonly View[];
  fail: readonly string[];
  expect: (r: FailureReport, scene: Scene) => void;
}

const ALL: readonly View[] = ['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both'];
const K8S: readonly View[] = ['control-plane-on-k8s', 'both'];
const TENANT: readonly View[] = ['k8s-in-tenant', 'both'];

const cellsModel = () => JSON.parse(readFileSync('public/models/cells.json', 'utf8')) as Model;
const text = (r: FailureReport) => r.notes.map((n) => n.text).join('\n');
const vmsOn = (scene: Scene, host: string) =>
  scene.elements.filter((e) => e.kind === 'vm' && e.host === host).map((e) => e.id);
const runningVms = (r: FailureReport) => [...r.vms.values()].filter((v) => v.running).length;

const SCENARIOS: Scenario[] = [
  // Wrong 1: one service's instances are not the control plane; the gateways are the data plane.
  {
    title:
      'openstack-helm cloud, net1 and net2 fail: octavia-worker and health-manager are lost, north-south stops, Nova, Neutron and Cinder work',
    source: S.oshOctavia,
    model: helmModel,
    views: K8S,
    fail: ['net1', 'net2'],
    expect: (r) => {
      expect(r.controlPlane).not.toBe('down');
      for (const s of ['nova', 'cinder', 'keystone', 'glance']) expect(r.services.get(s), s).toBe('up');
      // Neutron works; it lost the metadata agents of the two network hosts with them.
      expect(r.services.get('neutron')).toBe('degraded');
      expect(r.served('network-api')).toBe(true);
      expect(r.services.get('octavia')).toBe('degraded');
      expect(r.northSouth).toBe('down');
      expect(r.majorities.every((m) => m.held)).toBe(true);
      for (const [id, vm] of r.vms)
        expect(vm, id).toEqual({ running: true, network: 'up', manageable: true });
      expect(text(r)).toMatch(/load-balancer changes and failovers stop/);
      expect(text(r)).toMatch(/SNAT and floating IPs stop/);
    },
  },
  {
    title:
      "openstack-helm cloud drawn the kolla way, net1 and net2 fail: kolla's load-balancer group is its network group, so the API VIP goes with them",
    source: S.kollaInventory,
    model: helmModel,
    views: ['traditional'],
    fail: ['net1', 'net2'],
    expect: (r) => {
      expect(r.endpoint?.hosts).toEqual(['net1', 'net2']);
      expect(r.controlPlane).toBe('down');
      expect(r.majorities.every((m) => m.held)).toBe(true);
      expect(text(r)).toMatch(/API VIP/);
      expect(runningVms(r)).toBe(12);
    },
  },
  {
    title: 'every Horizon fails: only the dashboard is lost',
    source: S.horizon,
    model: defaultModel,
    views: ALL,
    fail: ['horizon@ctl1', 'horizon@ctl2', 'horizon@ctl3'],
    expect: (r) => {
      expect(r.controlPlane).toBe('degraded');
      expect(r.services.get('horizon')).toBe('down');
      for (const [id, s] of r.services) if (id !== 'horizon') expect(s, id).toBe('up');
      for (const vm of r.vms.values()) expect(vm.manageable).toBe(true);
    },
  },
  {
    title: 'every nova-novncproxy fails: only the consoles are lost; Nova still creates and manages VMs',
    source: S.novaConsole,
    model: defaultModel,
    views: ['traditional', 'both'],
    fail: ['nova-novncproxy@ctl1', 'nova-novncproxy@ctl2', 'nova-novncproxy@ctl3'],
    expect: (r) => {
      expect(r.controlPlane).toBe('degraded');
      expect(r.services.get('nova')).toBe('degraded');
      expect(r.served('compute-api')).toBe(true);
      for (const vm of r.vms.values()) expect(vm.manageable).toBe(true);
    },
  },

  // Wrong 2: the datapath is the data plane.
  {
    title:
      "Open vSwitch fails on kvm1: its VMs keep running but lose their network; other hosts' VMs are untouched",
    source: S.neutronOvn,
    model: defaultModel,
    views: ALL,
    fail: ['openvswitch@kvm1'],
    expect: (r, scene) => {
      const on = new Set(vmsOn(scene, 'kvm1'));
      expect(on.size).toBeGreaterThan(0);
      for (const [id, vm] of r.vms) {
        expect(vm.running, id).toBe(true);
        expect(vm.network, id).toBe(on.has(id) ? 'down' : 'up');
      }
      expect(r.controlPlane).toBe('up');
      expect(r.impaired.has('ovn-controller@kvm1')).toBe(true);
    },
  },
  {
    title: 'ovn-controller fails on kvm2: its VMs lose their network',
    source: S.neutronOvn,
    model: defaultModel,
    views: ALL,
    fail: ['ovn-controller@kvm2'],
    expect: (r, scene) => {
      for (const id of vmsOn(scene, 'kvm2'))
        expect(r.vms.get(id)).toMatchObject({ running: true, network: 'down' });
      for (const id of vmsOn(scene, 'kvm1')) expect(r.vms.get(id)?.network).toBe('up');
    },
  },
  {
    title: 'nova-compute fails on kvm2: its VMs keep running with their network, but cannot be managed',
    source: S.novaArchitecture,
    model: defaultModel,
    views: ALL,
    fail: ['nova-compute@kvm2'],
    expect: (r, scene) => {
      for (const id of vmsOn(scene, 'kvm2'))
        expect(r.vms.get(id)).toEqual({ running: true, network: 'up', manageable: false });
      for (const id of vmsOn(scene, 'kvm1')) expect(r.vms.get(id)?.manageable).toBe(true);
      expect(r.controlPlane).toBe('up');
    },
  },

  // Misleading 1: a Kubernetes control-plane outage is not a pod outage; a node outage is.
  {
    title:
      "the undercloud's control plane fails: pods keep running, OpenStack keeps answering, nothing heals",
    source: S.k8sComponents,
    model: defaultModel,
    views: K8S,
    fail: ['undercloud'],
    expect: (r) => {
      expect(r.controlPlane).toBe('up');
      expect(r.down.size).toBe(0);
      expect(r.clusters.get('undercloud')).toMatchObject({
        api: 'down',
        workloadsRunning: true,
        canHeal: false,
      });
      for (const vm of r.vms.values()) expect(vm).toEqual({ running: true, network: 'up', manageable: true });
      expect(text(r)).toMatch(/kubelets keep the running pods running/);
    },
  },
  {
    title:
      "an undercloud node fails: its pods die with it, so that host's VMs lose their network and cannot be managed, but keep running",
    source: S.k8sComponents,
    model: defaultModel,
    views: K8S,
    fail: ['undercloud/kvm1'],
    expect: (r, scene) => {
      for (const p of ['nova-compute@kvm1', 'openvswitch@kvm1', 'ovn-controller@kvm1', 'libvirtd@kvm1'])
        expect(r.down.has(p), p).toBe(true);
      expect(r.down.has('kvm1')).toBe(false);
      for (const id of vmsOn(scene, 'kvm1'))
        expect(r.vms.get(id)).toEqual({ running: true, network: 'down', manageable: false });
      expect(r.clusters.get('undercloud')?.api).toBe('up');
    },
  },
  {
    title:
      'two undercloud control-plane nodes fail: etcd loses its majority, and two of three of every OpenStack quorum go with their pods',
    source: S.kubeadmHa,
    model: defaultModel,
    views: K8S,
    fail: ['undercloud/ctl1', 'undercloud/ctl2'],
    expect: (r) => {
      expect(r.majorities.find((m) => m.id === 'undercloud')).toMatchObject({
        up: 1,
        needed: 2,
        held: false,
      });
      expect(r.controlPlane).toBe('down');
      expect(r.clusters.get('undercloud')?.canHeal).toBe(false);
      for (const vm of r.vms.values()) expect(vm.running).toBe(true);
    },
  },

  // Misleading 2: Magnum today is a Cluster API driver whose management cluster may be the operator's.
  {
    title:
      "nested cloud, the undercloud's control plane fails: media-k8s (Magnum's Cluster API driver on the undercloud) keeps its API but cannot get new machines",
    source: S.magnumClusterApi,
    model: nestedModel,
    views: ['both'],
    fail: ['undercloud'],
    expect: (r) => {
      expect(r.clusters.get('media-k8s')).toMatchObject({ api: 'up', canReplaceNodes: false });
      expect(r.clusters.get('shop-k8s')).toMatchObject({ api: 'up', canReplaceNodes: true });
    },
  },

  // Misleading 3: the controllers are also the gateways in the default model.
  {
    title:
      'two controllers fail: north-south traffic depends on the failover of their routers to ctl3, the last gateway',
    source: S.ovnGatewayHa,
    model: defaultModel,
    views: ALL,
    fail: ['ctl1', 'ctl2'],
    expect: (r) => {
      expect(r.controlPlane).toBe('down');
      expect(r.gateways).toEqual({ hosts: ['ctl1', 'ctl2', 'ctl3'], up: ['ctl3'] });
      expect(r.northSouth).toBe('up');
      expect(text(r)).toMatch(/fail over to ctl3/);
      for (const vm of r.vms.values())
        expect(vm).toMatchObject({ running: true, network: 'up', manageable: false });
    },
  },
  {
    title:
      'all three controllers fail: no gateway chassis is left, north-south stops; the VMs keep running and reach each other',
    source: S.ovnGatewayHa,
    model: defaultModel,
    views: ['traditional', 'k8s-in-tenant'],
    fail: ['ctl1', 'ctl2', 'ctl3'],
    expect: (r) => {
      expect(r.northSouth).toBe('down');
      for (const vm of r.vms.values()) expect(vm).toMatchObject({ running: true, network: 'up' });
    },
  },
  {
    title:
      'own model, dedicated network hosts: all controllers fail, the control plane is down, north-south keeps flowing through net1 and net2',
    source: S.ovnGatewayHa,
    model: networkNodesModel,
    views: ['traditional', 'k8s-in-tenant'],
    fail: ['ctl1', 'ctl2', 'ctl3'],
    expect: (r) => {
      expect(r.controlPlane).toBe('down');
      expect(r.gateways.up).toEqual(['net1', 'net2']);
      expect(r.northSouth).toBe('up');
    },
  },
  {
    title: 'own model, dedicated network hosts: net1 fails, its routers fail over to net2',
    source: S.ovnGatewayHa,
    model: networkNodesModel,
    views: ALL,
    fail: ['net1'],
    expect: (r) => {
      expect(r.northSouth).toBe('up');
      expect(r.gateways.up).toEqual(['net2']);
      expect(r.majorities.every((m) => m.held)).toBe(true);
      expect(text(r)).toMatch(/fail over to net2/);
    },
  },
  {
    title:
      'own model, dedicated network hosts: both network hosts fail, north-south stops for every router, east-west continues',
    source: S.neutronOvnRouting,
    model: networkNodesModel,
    views: K8S,
    fail: ['net1', 'net2'],
    expect: (r) => {
      expect(r.northSouth).toBe('down');
      expect(r.controlPlane).toBe('degraded');
      for (const vm of r.vms.values()) expect(vm).toEqual({ running: true, network: 'up', manageable: true });
    },
  },
  {
    title:
      'own model, ML2/OVS: both network hosts fail, their L3 agents take SNAT and floating IPs with them',
    source: S.neutronL3,
    model: ml2ovsModel,
    views: ALL,
    fail: ['net1', 'net2'],
    expect: (r) => {
      expect(r.gateways.hosts).toEqual(['net1', 'net2']);
      expect(r.northSouth).toBe('down');
      for (const vm of r.vms.values()) expect(vm.network).toBe('up');
    },
  },
  {
    title: 'own model, ML2/OVS: Open vSwitch fails on kvm3, its VMs lose their network',
    source: S.ovs,
    model: ml2ovsModel,
    views: ALL,
    fail: ['openvswitch@kvm3'],
    expect: (r, scene) => {
      for (const id of vmsOn(scene, 'kvm3')) expect(r.vms.get(id)?.network).toBe('down');
      expect(r.northSouth).toBe('up');
    },
  },
  {
    title:
      'model override, kvm4 is an extra gateway chassis: with every controller lost, north-south still leaves through kvm4',
    source: S.ovnGatewayHa,
    model: extraGatewayModel,
    views: ['traditional', 'k8s-in-tenant'],
    fail: ['ctl1', 'ctl2', 'ctl3'],
    expect: (r) => {
      expect(r.gateways.up).toEqual(['kvm4']);
      expect(r.northSouth).toBe('up');
    },
  },

  // Misleading 6: hosts do not vote.
  {
    title:
      'one controller fails: every majority holds and the APIs on the other two keep serving through the moved VIP',
    source: S.galeraQuorum,
    model: defaultModel,
    views: ALL,
    fail: ['ctl1'],
    expect: (r) => {
      expect(r.majorities.every((m) => m.held)).toBe(true);
      expect(r.controlPlane).toBe('degraded');
      expect(r.served('compute-api') && r.served('network-api') && r.served('identity')).toBe(true);
      for (const vm of r.vms.values()) expect(vm.manageable).toBe(true);
    },
  },

  // Misleading 7 and Missing 3: what heals itself, and what does not.
  {
    title:
      "kvm3 fails: its VMs stay down until evacuated; the API load balancer's amphora is rebuilt by the health manager; prod-k8s has no API meanwhile",
    source: S.novaEvacuate,
    model: defaultModel,
    views: TENANT,
    fail: ['kvm3'],
    expect: (r, scene) => {
      for (const id of vmsOn(scene, 'kvm3')) expect(r.vms.get(id)?.running).toBe(false);
      expect(r.loadBalancers.get('prod-k8s-api-lb')).toMatchObject({ up: false, rebuilt: true });
      expect(r.clusters.get('prod-k8s')).toMatchObject({ api: 'down', workloadsRunning: true });
      expect(text(r)).toMatch(/nova evacuate/);
      expect(text(r)).toMatch(/Masakari/);
      expect(text(r)).toMatch(/octavia-health-manager/);
    },
  },
  {
    title:
      'openstack-helm cloud, the host of one of two ACTIVE_STANDBY amphorae fails: the load balancer keeps serving',
    source: S.octaviaConfig,
    model: helmModel,
    views: ALL,
    fail: ['cmp6'],
    expect: (r) => {
      expect(r.loadBalancers.get('web-lb')).toMatchObject({
        up: true,
        amphoraeUp: ['amphora-2'],
        rebuilt: true,
      });
      expect(text(r)).toMatch(/standby amphora takes over/);
    },
  },
  {
    title:
      'openstack-helm cloud, an amphora host and both network hosts fail: the load balancer still serves, but nothing rebuilds the lost amphora',
    source: S.octaviaConfig,
    model: helmModel,
    views: K8S,
    fail: ['cmp6', 'net1', 'net2'],
    expect: (r) => {
      expect(r.loadBalancers.get('web-lb')).toMatchObject({ up: true, rebuilt: false });
    },
  },

  // Quorum in the tenant's own cluster.
  {
    title:
      "two of prod-k8s's control-plane VMs fail: its etcd loses its majority; its workers' pods keep running",
    source: S.kubeadmHa,
    model: defaultModel,
    views: TENANT,
    fail: ['prod-k8s-cp-0', 'prod-k8s-cp-1'],
    expect: (r) => {
      expect(r.clusters.get('prod-k8s')).toMatchObject({
        api: 'down',
        workloadsRunning: true,
        canHeal: false,
      });
      expect(r.controlPlane).toBe('up');
    },
  },

  // Storage.
  {
    title:
      "two Ceph hosts fail: the monitors lose their majority, volumes are unavailable; OpenStack's APIs keep answering",
    source: S.cephMon,
    model: defaultModel,
    views: ALL,
    fail: ['ceph1', 'ceph2'],
    expect: (r) => {
      expect(r.majorities.find((m) => m.id === 'ceph-mon')?.held).toBe(false);
      expect(r.controlPlane).not.toBe('down');
      expect(r.impaired.has('db-1-data')).toBe(true);
      expect(r.vms.get('web-1')?.running).toBe(true);
    },
  },

  // A model may declare a component Stacklayers does not know.
  {
    title: "model declaration: every designate-api fails, its own 'lost' sentence and source are told",
    source: 'https://docs.openstack.org/designate/latest/',
    model: declaredServiceModel,
    views: ALL,
    fail: ['designate-api@ctl1', 'designate-api@ctl2', 'designate-api@ctl3'],
    expect: (r) => {
      expect(r.services.get('designate')).toBe('down');
      expect(r.controlPlane).toBe('degraded');
      const note = r.notes.find((n) => n.text.startsWith('No DNS API'));
      expect(note?.source).toBe('https://docs.openstack.org/designate/latest/');
    },
  },
  {
    title: 'model declaration: designate-api needs the database, so it stops with Galera',
    source: S.galeraQuorum,
    model: declaredServiceModel,
    views: ['traditional'],
    fail: ['mariadb@ctl1', 'mariadb@ctl2'],
    expect: (r) => {
      expect(r.services.get('designate')).toBe('down');
      expect(r.impaired.has('designate-api@ctl3')).toBe(true);
    },
  },
  // Nova cells v2 and regions (docs/scale.md): each cell has its own database, message queue and conductor
  // under the API level; a cell whose database or queue is unreachable is a down cell, its instances listed
  // as UNKNOWN and not manageable, the other cells unaffected. Each region has its own API level; one
  // Keystone may serve every region.
  {
    title:
      "cells: cell1's database loses its majority: only cell1's instances cannot be managed, listed as UNKNOWN",
    source: S.novaDownCells,
    model: cellsModel,
    views: ALL,
    fail: ['mariadb.cell1@cell1-ctl1', 'mariadb.cell1@cell1-ctl2'],
    expect: (r, scene) => {
      expect(r.controlPlane).not.toBe('down');
      expect(r.scopes.map((o) => o.scope.key)).toEqual(['cell:cell1']);
      for (const [id, vm] of r.vms) {
        const cell = (scene.byId.get(id) as { cell?: string }).cell;
        expect(vm, id).toEqual({ running: true, network: 'up', manageable: cell !== 'cell1' });
      }
      const note = r.notes.find((n) => n.text.startsWith('Cell cell1:'));
      expect(note?.text).toMatch(/UNKNOWN/);
      expect(note?.text).toMatch(/the other 3 cells are not affected/);
      expect(note?.source).toBe(S.novaDownCells);
      expect(r.majorities.find((m) => m.id === 'mariadb.cell1')).toMatchObject({
        scope: 'cell:cell1',
        held: false,
      });
    },
  },
  {
    title:
      "cells: cell2's message queue loses its majority: cell2's instances cannot be managed, cell1's can",
    source: S.novaCells,
    model: cellsModel,
    views: ['traditional'],
    fail: ['rabbitmq.cell2@cell2-ctl1', 'rabbitmq.cell2@cell2-ctl3'],
    expect: (r) => {
      expect(r.controlPlane).toBe('degraded');
      expect(r.scopes.map((o) => o.scope.key)).toEqual(['cell:cell2']);
      expect(r.vms.get('proj1-vm2')?.manageable).toBe(true);
      const cell2 = r.scopes[0]?.scope.vms ?? [];
      expect(cell2.length).toBeGreaterThan(0);
      for (const id of cell2) expect(r.unmanageable.has(id), id).toBe(true);
    },
  },
  {
    title:
      "cells: every conductor of cell3 down: cell3's instances cannot be managed; the super conductor does not stand in",
    source: S.novaCells,
    model: cellsModel,
    views: ['traditional'],
    fail: [
      'nova-conductor.cell3@cell3-ctl1',
      'nova-conductor.cell3@cell3-ctl2',
      'nova-conductor.cell3@cell3-ctl3',
    ],
    expect: (r) => {
      expect(r.scopes.map((o) => o.scope.key)).toEqual(['cell:cell3']);
      expect(r.scopes[0]?.lost.map((c) => c.id)).toEqual(['nova-conductor.cell3']);
      expect(text(r)).toMatch(/Cell cell3: every nova-conductor is down/);
      expect(r.scopes[0]?.unmanageable).toEqual(r.scopes[0]?.scope.vms);
    },
  },
  {
    title:
      "cells: one of three members of cell4's database down: the cell keeps its majority, everything is managed",
    source: S.galeraQuorum,
    model: cellsModel,
    views: ALL,
    fail: ['mariadb.cell4@cell4-ctl2'],
    expect: (r) => {
      expect(r.scopes).toEqual([]);
      expect(r.majorities.every((m) => m.held)).toBe(true);
      for (const [id, vm] of r.vms) expect(vm.manageable, id).toBe(true);
    },
  },
  {
    title:
      "regions: RegionOne's controllers (its API database and queue) fail: RegionOne's instances cannot be managed, RegionTwo's can, Keystone serves on",
    source: S.keystone,
    model: cellsModel,
    views: ['traditional'],
    fail: ['regionone-ctl1', 'regionone-ctl2'],
    expect: (r, scene) => {
      expect(r.controlPlane).toBe('degraded');
      expect(r.services.get('keystone')).toBe('degraded');
      expect(r.scopes.map((o) => o.scope.key)).toEqual(['region:RegionOne']);
      const regionOf = (vm: string) => {
        const host = scene.byId.get((scene.byId.get(vm) as { host: string }).host);
        return (host as { region?: string }).region;
      };
      for (const [id, vm] of r.vms) expect(vm.manageable, id).toBe(regionOf(id) !== 'RegionOne');
      expect(text(r)).toMatch(/Region RegionOne: mariadb lost its majority/);
      // The VIP moves to the region's surviving controller, not to another region's.
      expect(text(r)).toMatch(/keepalived moves it to regionone-ctl3, so/);
    },
  },
  {
    title: 'regions: every Keystone (one for both regions) fails: the whole control plane is down',
    source: S.keystone,
    model: cellsModel,
    views: ['traditional'],
    fail: ['keystone-api@regionone-ctl1', 'keystone-api@regionone-ctl2', 'keystone-api@regionone-ctl3'],
    expect: (r) => {
      expect(r.controlPlane).toBe('down');
      expect([...r.vms.values()].every((v) => v.running && !v.manageable)).toBe(true);
    },
  },
];

describe('failure scenarios, from the sources', () => {
  for (const s of SCENARIOS)
    for (const view of s.views)
      it(`${s.title} (${view})`, () => {
        expect(s.source).toMatch(/^https:\/\//);
        const scene = deriveScene(s.model(), view);
        for (const id of s.fail) expect(scene.byId.has(id), `${id} in ${view}`).toBe(true);
        s.expect(analyzeFailures(scene, s.fail), scene);
      });
});

describe('what the model and the words say', () => {
  it('has no "controllers" majority: hosts do not vote', () => {
    for (const view of ALL) {
      const groups = majorityGroups(deriveScene(defaultModel(), view));
      expect(groups.map((g) => g.id)).not.toContain('controllers');
      expect(groups.map((g) => g.id)).toEqual(
        expect.arrayContaining(['mariadb', 'rabbitmq', 'ovn-nb-db', 'ovn-sb-db', 'ceph-mon']),
      );
    }
  });

  it('counts what running OpenStack on Kubernetes adds, only where it runs on Kubernetes', () => {
    const model = defaultModel();
    expect(kubernetesOverhead(deriveScene(model, 'traditional'))).toEqual([]);
    expect(kubernetesOverhead(deriveScene(model, 'k8s-in-tenant'))).toEqual([]);
    const items = kubernetesOverhead(deriveScene(model, 'control-plane-on-k8s'));
    const names = items.map((i) => i.name).join(' ');
    for (const word of ['etcd', 'kube-apiserver', 'CNI', 'CoreDNS', 'ingress', 'StorageClass'])
      expect(names).toContain(word);
    // 3 control-plane nodes (ctl1-3); 7 nodes; StatefulSets: Galera, RabbitMQ, memcached, OVN NB and SB, 3 each.
    expect(items.find((i) => i.name.startsWith('etcd'))?.count).toBe(12);
    expect(items.find((i) => i.name.includes('StorageClass'))?.count).toBe(15);
  });

  it("says each cell's and region's own processes are theirs in the details; the one Keystone is the cloud's", () => {
    const scene = deriveScene(cellsModel(), 'traditional');
    const scope = (id: string) =>
      failureFacts(scene, scene.byId.get(id) as never, null).find((f) => f.label === 'Scope');
    expect(scope('mariadb.cell1@cell1-ctl1')?.text).toMatch(/^Cell cell1's own: .*UNKNOWN/);
    expect(scope('mariadb.cell1@cell1-ctl1')?.source).toBe(S.novaDownCells);
    expect(scope('nova-api.RegionTwo@regiontwo-ctl2')?.text).toMatch(/^Region RegionTwo's own/);
    expect(scope('keystone-api@regionone-ctl1')).toBeUndefined();
    expect(scope('nova-compute@cell1-cmp1')).toBeUndefined();
  });

  it("names a replica count chosen for every cell's RabbitMQ once, with how many clusters have it", () => {
    const above = aboveChartDefaults(deriveScene(cellsModel(), 'control-plane-on-k8s'));
    expect(above.map((a) => [a.name, a.drawn, a.chartDefault, a.copies])).toEqual([
      ['rabbitmq', 3, 2, 6],
      ['keystone-api', 3, 1, 1],
    ]);
  });

  it("says where the model chose HA replica counts above openstack-helm's chart defaults", () => {
    const model = defaultModel();
    expect(aboveChartDefaults(deriveScene(model, 'traditional'))).toEqual([]);
    const above = aboveChartDefaults(deriveScene(model, 'control-plane-on-k8s'));
    const byId = new Map(above.map((a) => [a.processId, a.chartDefault]));
    expect(Object.fromEntries(byId)).toEqual({
      'keystone-api': 1,
      memcached: 1,
      'ovn-nb-db': 1,
      'ovn-sb-db': 1,
      'ovn-northd': 1,
      rabbitmq: 2,
    });
  });

  it('the details say what the undercloud needs first, and how a tenant cluster is made and reaches OpenStack', () => {
    const scene = deriveScene(defaultModel(), 'both');
    const under = failureFacts(scene, scene.byId.get('undercloud') as never, null)
      .map((f) => f.text)
      .join(' ');
    for (const word of ['CNI', 'ingress', 'StorageClass']) expect(under).toContain(word);
    const tenant = failureFacts(scene, scene.byId.get('prod-k8s') as never, null)
      .map((f) => f.text)
      .join(' ');
    expect(tenant).toMatch(/application credential/);
    expect(tenant).toMatch(/k8s API LB/);
    const ovs = failureFacts(scene, scene.byId.get('openvswitch@kvm1') as never, null);
    expect(ovs[0]?.text).toMatch(/^Data plane/);
    const worker = failureFacts(scene, scene.byId.get('octavia-worker@ctl1') as never, null);
    expect(worker[0]?.text).toMatch(/^Management of load balancers/);
  });

  it('large.json says five controllers, as it has', () => {
    const json = JSON.parse(readFileSync('public/models/large.json', 'utf8'));
    const controllers = json.hosts.filter((h: { roles: string[] }) => h.roles.includes('controller'));
    expect(controllers).toHaveLength(5);
    expect(json.description).toContain('5 controllers');
  });

  it('documents the region form of providerID as cloud-provider-openstack writes it, openstack://<region>/<id>', () => {
    for (const file of ['docs/import.md', 'src/import/clusters.ts', 'fixtures/import/README.md']) {
      const t = readFileSync(file, 'utf8');
      expect(t, file).not.toContain('openstack:///<region>');
      expect(t, file).toMatch(/openstack:\/\/<region>\//);
    }
  });

  it('no model presents Magnum with its removed Heat driver as current', () => {
    for (const name of ['default', 'multi-tenant', 'nested', 'openstack-helm']) {
      const t = readFileSync(`public/models/${name}.json`, 'utf8');
      expect(t, name).not.toMatch(/Made by Magnum's Heat driver|driver: Heat here|Heat here, deprecated/);
    }
    const nested = nestedModel();
    expect(nested.tenantClusters?.find((c) => c.id === 'media-k8s')?.managedBy).toBe('undercloud');
  });
});
