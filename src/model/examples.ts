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

const ids = (process: string, hosts: readonly string[]) => hosts.map((h) => `${process}@${h}`);
const CELL1 = ['cell1-ctl1', 'cell1-ctl2', 'cell1-ctl3'];
const R1 = ['regionone-ctl1', 'regionone-ctl2', 'regionone-ctl3'];

/**
 * A cloud organised as big ones are, small enough to show whole: 2 regions (one Keystone), 2 availability
 * zones, 4 Nova cells, each with its own database, queue and conductor, a few Ironic bare-metal nodes; with a
 * tour on why cells exist, what a cell's failure does and where Kubernetes fits at that size.
 */
export function cellsExample(): Model {
  const model = generateModel(400, 2026, { regions: 2, zones: 2, cells: 4 });
  return {
    $schema: '../schema/model.v1.json',
    ...model,
    name: 'Regions, zones and cells',
    description:
      'Two regions under one Keystone, an availability zone in each, four Nova cells (each with its own database, message queue and conductor), Ceph per region and a few Ironic bare-metal nodes: how large clouds are organised, at a size that fits the screen.',
    deployment: { tool: 'kolla-ansible', form: 'containers' },
    tours: [
      {
        id: 'scaling',
        title: 'Scaling OpenStack: regions, zones and cells',
        description:
          'How a cloud grows past one database and one message queue: regions, availability zones and Nova cells, what a cell’s failure does, and where Kubernetes fits at that size.',
        steps: [
          {
            title: 'Regions and availability zones',
            text: 'One Keystone serves both regions: its catalog lists each region’s own endpoints, so each region runs its own Nova, Neutron, Glance and Placement, with its own API database (here on `regionone-ctl1..3` and `regiontwo-ctl1..3`).\n\nAn **availability zone** is what users choose when they create a server. In Nova it is a host aggregate with `availability_zone` metadata: `openstack availability zone list --long` shows its hosts, and the `Zone` column of `openstack compute service list` says where each compute host is.',
            view: 'traditional',
            focus: [...R1, 'regiontwo-ctl1', 'regiontwo-ctl2', 'regiontwo-ctl3'],
            highlight: ids('keystone-api', R1),
          },
          {
            title: 'Why cells exist',
            text: 'Since Ocata every Nova deployment is a cells v2 deployment: it has **cell0** (a database for instances that failed to schedule) and at least one cell. The **API level** (nova-api, nova-scheduler, Placement and the API database) sits above all cells; each **cell** has its own database, its own message queue and its own conductor, and its compute hosts talk only to those.\n\nSo a big cloud splits its hosts into cells: no single database or queue carries thousands of hypervisors, and a failure stays inside one cell. Cells are Nova’s internal structure: users never see them, only zones.',
            view: 'traditional',
            focus: CELL1,
            highlight: [
              ...ids('mariadb.cell1', CELL1),
              ...ids('rabbitmq.cell1', CELL1),
              ...ids('nova-conductor.cell1', CELL1),
              ...ids('nova-api.RegionOne', R1),
              ...ids('nova-scheduler.RegionOne', R1),
            ],
          },
          {
            title: 'A cell loses its database',
            text: 'Two of cell1’s three Galera members are down: 1 of 3 is not a majority, so cell1’s database stops serving. Nova calls it a **down cell**: the API still answers and lists cell1’s instances with the status `UNKNOWN`; none of them can be created, changed or deleted, but they keep running on their hypervisors.\n\ncell2, in the same region and zone, has its own database and carries on as if nothing happened. Open Explain › Numbers to see each cell’s own majorities.',
            view: 'traditional',
            focus: [...CELL1, 'cell2-ctl1'],
            fail: ['mariadb.cell1@cell1-ctl1', 'mariadb.cell1@cell1-ctl2'],
            question: {
              prompt: 'Which instances can no longer be changed?',
              answers: [
                { text: 'Every instance of the cloud' },
                { text: 'The instances on cell1’s compute hosts', correct: true },
                { text: 'None: the API is still up' },
              ],
              explanation:
                'Only cell1’s. The API level and the other cells have their own databases; cell1’s instances keep running but Nova cannot reach the database that describes them.',
            },
          },
          {
            title: 'A region loses its API level',
            text: 'Two of RegionOne’s three controllers are down: its API database has lost its majority, so nothing can be created or changed in RegionOne, in any of its cells. RegionTwo has its own API level and carries on; Keystone still has one of its three members up, so logins work.\n\nThe blast radius follows the structure: a cell’s database takes out that cell, a region’s API database that region, and Keystone every region.',
            view: 'traditional',
            focus: R1,
            fail: ['regionone-ctl1', 'regionone-ctl2'],
          },
          {
            title: 'Where Kubernetes fits at this size',
            text: 'With the control plane on Kubernetes, the API level and every cell become pods: a cell is a Galera StatefulSet, a RabbitMQ StatefulSet and a conductor Deployment, so adding a cell is adding a few releases, while nova-compute and libvirt still run on each hypervisor.\n\nAbove, tenants run their own clusters on VMs, spread over availability zones as failure domains (Cluster API Provider OpenStack places control-plane machines in zones). And bare metal is a fourth way the two stacks meet: Ironic hands whole servers to instances (here `hpc-node1..4`), on which Kubernetes can run without a hypervisor.',
            view: 'both',
            highlight: ['hpc-node1', 'hpc-node2', 'hpc-node3', 'hpc-node4'],
          },
        ],
      },
    ],
  };
}
