import { MAX_GENERATE_ELEMENTS } from '../model/limits';
import { VIEW_NAMES } from './args';

const views = VIEW_NAMES.join(', ');

export const USAGE = `Stacklayers: how OpenStack and Kubernetes combine, layer by layer.

Usage:
  stacklayers validate <model.json>
  stacklayers render <model.json> --topology <view> [--theme light|dark|auto] [--format svg|png] --out <file>
  stacklayers whatif <model.json> --topology <view> --fail <id>[,<id>...] [--format text|json]
  stacklayers handout <model.json> --tour <id> [--tours <tours.json>] --out <handout.html>
  stacklayers generate --elements <n> [--seed <s>] --out <file>
  stacklayers import <file>... [--operator <cluster>] [--tenant <cluster>,...] --out <model.json>
  stacklayers help [<command>]          (or --help, -h; <command> --help)
  stacklayers --version

Commands:
  validate   check a model; each problem as <file>:<line>:<column> <JSON path> <message>
  render     draw one view of a model as SVG (no browser needed) or PNG (needs Chromium)
  whatif     what failing hosts, VMs, nodes, clusters or service instances does, with sources
  handout    write a tour as one printable HTML file: each step's view, text and question
  generate   write a valid synthetic model of about n elements (for benchmarks and tests)
  import     build a model of a real cloud from openstack … -f json and kubectl … -o json output

Views: ${views}
A file name of - reads standard input (validate, render, whatif, import) or writes standard output (--out -).

Exit codes: 0 success, 1 invalid input (a model with problems, an unreadable file, no Chromium for PNG,
nothing importable),
2 usage error (unknown command or option, a missing or bad option value).
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  validate: `Usage: stacklayers validate <model.json>

Checks a model: JSON syntax, the schema, and what only the whole model can say (unique ids, references),
and its tours: every element a step names is drawn in that step's view, and what it fails can fail.
Valid: prints a one-line summary and exits 0. Invalid: prints each problem on stderr as
  <file>:<line>:<column> <JSON path> <message>
and exits 1. <model.json> may be - (standard input).

Example:
  stacklayers validate public/models/default.json
`,
  render: `Usage: stacklayers render <model.json> --topology <view> [options] --out <file>

Draws one view of a model: SVG without a browser, or PNG through headless Chromium.

Options:
  --topology <view>      ${views}
  --theme light|dark|auto
                         colours (default: light); auto: one SVG whose colours follow the viewer's
                         light or dark preference (prefers-color-scheme), for docs with a dark mode.
                         SVG only.
  --format svg|png       default: from the --out extension (.png: png), else svg
  --out <file>           where to write; - writes to standard output. A file is replaced only once
                         the whole image is written.
  --collapsed            fold every host, project and cluster
  --expanded             fold nothing, even a big model
                         (default: fold models of more than 600 elements, like the app)

PNG is drawn at 2 device pixels per px by Chromium: $CHROMIUM_PATH, else /usr/bin/chromium, else
Playwright's own. Without one, render exits 1; use SVG or install chromium.
An invalid model exits 1 with the same problem lines as validate.

Examples:
  stacklayers render public/models/default.json --topology both --out both.svg
  stacklayers render my-cloud.json --topology=k8s-in-tenant --theme dark --format png --out tenant.png
`,
  whatif: `Usage: stacklayers whatif <model.json> --topology <view> --fail <id>[,<id>...] [--format text|json]

Tells what failing these elements does in one view, with the same failure engine as the app's
What if panel: the control plane (up, degraded, down), each service, the majorities, north-south
traffic, every VM (running, network, manageable), load balancers and Kubernetes clusters (API,
workloads, healing), each Nova cell and region (whether its own processes serve), and the story in
sentences, each with its source.

Options:
  --topology <view>         ${views}
  --fail <id>[,<id>...]     elements of that view: a host (ctl1), a VM (web-1), a Kubernetes node
                            (undercloud/kvm1), a service instance (openvswitch@kvm1), a pod, or a
                            cluster id (its control plane fails; its nodes and pods keep running)
  --format text|json        text (default) or JSON; the JSON is documented in docs/failures.md

Exits 1 when the model is invalid or an id is not an element of the view that can fail (the message
names it).

Examples:
  stacklayers whatif public/models/default.json --topology traditional --fail ctl1,ctl2
  stacklayers whatif public/models/openstack-helm.json --topology control-plane-on-k8s --fail net1,net2 --format json
`,
  handout: `Usage: stacklayers handout <model.json> --tour <id> [--tours <tours.json>] --out <handout.html>

Writes one self-contained HTML file for a workshop's participants: each step of the tour with its view
drawn as SVG (what the step highlights ringed, what it fails outlined in red, the rest faded), its title
and text, its question; the answers at the end. Light colours; print it to paper or PDF from any browser.

The tour is looked up in the model's own tours, else in --tours, else in the built-in tours (written
for public/models/default.json). It is checked against the model first: a step naming an element
not drawn in its view exits 1 with the same problem lines as validate.

Options:
  --tour <id>        the tour's id
  --tours <file>     a tours file (an array of tours, or one tour)
  --out <file>       where to write; - writes to standard output

Example:
  stacklayers handout public/models/default.json --tour openstack-and-kubernetes --out handout.html
`,
  generate: `Usage: stacklayers generate --elements <n> [--seed <s>] [--regions <r> --zones <z> --cells <c>] --out <file>

Writes a valid synthetic model of about n elements (hosts, services, VMs, Kubernetes nodes, pods),
the same for the same n and seed (default seed: 1). Prints how many elements it has.
With --regions, --zones or --cells the cloud is organised as big clouds are: regions with their own
API-level services, availability zones, and Nova cells (each with its own database, message queue and
conductor) over racks of compute hosts, and a few Ironic bare-metal nodes.

Options:
  --elements <n>   1 to ${MAX_GENERATE_ELEMENTS}
  --seed <s>       an integer (default: 1)
  --regions <r>    regions, 1 to 100
  --zones <z>      availability zones (at least --regions), spread over the regions
  --cells <c>      Nova cells (at least --zones), spread over the zones
  --out <file>     where to write; - writes to standard output

Examples:
  stacklayers generate --elements 2000 --seed 7 --out big.json
  stacklayers generate --elements 100000 --regions 2 --zones 6 --cells 20 --out huge.json
`,
  import: `Usage: stacklayers import <file>... [options] --out <model.json>

Builds a model of a real cloud from the JSON output of these commands (each file is recognised by
its content, not its name; files of other kinds are reported and skipped):
  openstack hypervisor list --long -f json          openstack host list -f json
  openstack compute service list -f json            openstack network agent list -f json
  openstack server list --all-projects --long -f json
  openstack project list -f json                    openstack loadbalancer list -f json
  openstack volume list --all-projects --long -f json
  kubectl get nodes -o json                         kubectl get pods -A -o json
Save each cluster's nodes and pods as <cluster>-nodes.json and <cluster>-pods.json: the prefix names
the cluster. The cluster whose pods are OpenStack services (openstack-helm labels) is the operator's;
the others are tenant clusters, matched to their VMs by spec.providerID or by name.

Prints what it read, matched and could not match or place (on stdout; on stderr with --out -),
writes the model (pretty JSON with "$schema") and names the view that fits it.

Options:
  --out <model.json>        where to write the model; - writes to standard output
  --operator <cluster>      the operator's cluster (when its pods do not say so)
  --tenant <cluster>,...    tenant clusters (when they look like the operator's)

Exits 1 when nothing could be imported (nothing is written) or a file cannot be read.

Example:
  stacklayers import *.json --out my-cloud.json
  stacklayers render my-cloud.json --topology both --out my-cloud.svg
`,
};
