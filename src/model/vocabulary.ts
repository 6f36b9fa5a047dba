/**
 * The model's fixed words (views, host roles, workload kinds, …) without zod: the diagram uses them from its
 * first render, while the schema that validates a model (`schema.ts`, zod) loads only when a model needs
 * validating. `schema.ts` builds its enums from these, so there is one list of each.
 */

/** The four ways OpenStack and Kubernetes are combined. */
export const VIEWS = ['traditional', 'control-plane-on-k8s', 'k8s-in-tenant', 'both'] as const;
/**
 * What a host is for. `baremetal`: a server enrolled in Ironic that Nova hands whole to one instance (no
 * hypervisor); it serves a tenant, so it never also has another role.
 */
export const HOST_ROLES = ['controller', 'network', 'compute', 'storage', 'baremetal'] as const;
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
export const SERVICE_KINDS = ['openstack', 'infrastructure', 'storage'] as const;
export const PERSONAS = ['operator', 'tenant'] as const;
/** The only link targets a tour may use. */
export const SAFE_HREF = /^https?:\/\/[^\s<>"'`]+$/i;
