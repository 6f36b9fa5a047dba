import { KINDS } from '../kinds';

const { host, vm, project, service, pod, network } = KINDS;
const node = KINDS['k8s-node'].metrics;
const cluster = KINDS['operator-cluster'].metrics;

/**
 * Box metrics in px. Each kind's own come from its definition (`kinds/<kind>/def.ts`); the bands' and columns'
 * are the layout's. Text sizes match the CSS of the renderers.
 */
export const SIZES = {
  margin: 16,
  bandLabel: 21,
  bandPad: 8,
  colGap: 6,
  groupGap: 14,
  chipH: service.metrics.h,
  chipGap: service.metrics.gap,
  chipFont: service.metrics.font,
  chipPadX: service.metrics.padX,
  chipAreaMax: service.metrics.areaMax,
  hostH: host.metrics.h,
  hostFont: host.metrics.font,
  nodeH: node.h,
  clusterHead: cluster.head,
  clusterPad: cluster.pad,
  vmW: vm.metrics.w,
  vmH: vm.metrics.h,
  vmGap: vm.metrics.gap,
  projectHead: project.metrics.head,
  projectPad: project.metrics.pad,
  projectGap: project.metrics.gap,
  resourceH: network.metrics.h,
  resourceGap: network.metrics.gap,
  resourceFont: network.metrics.font,
  resourcePadX: network.metrics.padX,
  podH: pod.metrics.h,
  nodeHead: node.head,
  summaryH: 16,
  barH: 16,
  barGap: 3,
} as const;
