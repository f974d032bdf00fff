import { aksClusterReadPermission } from '@aks-network/plugin-aks-network-common';
import { z } from 'zod';
import { authorizeCredentials } from '../router/authorize';
import { entityRefText } from '../router/inputText';
import { parseBody } from '../router/parseBody';
import { toApiEntityPosture } from '../wire/postureResponses';
import {
  AksNetworkActionDeps,
  READ_ONLY_ACTION,
  wireOutput,
} from './actionDeps';

// The registry's own parse of the input answers only "Invalid input to action", so
// the ref is checked here too, as `GET /posture` checks it, for an error naming it.
const postureInput = z.object({ entityRef: entityRefText });

/**
 * `get-network-posture`: what `GET /posture?entityRef=…` answers, for an assistant.
 * The catalog is read with the caller's credentials, as the route reads it.
 */
export function registerGetNetworkPostureAction(deps: AksNetworkActionDeps) {
  deps.actionsRegistry.register({
    name: 'get-network-posture',
    title: 'Get the AKS network posture of a catalog entity',
    description: [
      'The AKS clusters a Backstage catalog entity runs on (through its dependsOn relations or its aks.azure.com/clusters annotation; a cluster entity gives itself), each with its network posture:',
      'the findings of the checks (status pass, warn, fail or unknown, with title, detail and remediation), among them whether egress/ingress is monitored, whether same-node pod-to-pod traffic is visible, whether a history of communications is kept, and IP exhaustion of the node subnets, pod subnets and pod CIDR;',
      'the cluster as the inventory holds it (network profile, node pools, node subnets with the IPs in use);',
      'and links to the Azure portal, the flow logs and traffic analytics.',
      'Unknown means the data could not be read, never that the check passed.',
    ].join(' '),
    attributes: READ_ONLY_ACTION,
    schema: {
      input: zod =>
        zod.object({
          entityRef: zod
            .string()
            .describe(
              "The catalog entity's ref, kind:namespace/name, e.g. 'component:default/payments-api' or 'resource:default/aks-prod-weu-1a2b3c4d'.",
            ),
        }),
      output: zod =>
        zod.object({
          entityRef: zod.string().describe('The entity asked about.'),
          clusters: zod
            .array(
              zod
                .object({
                  entityRef: zod
                    .string()
                    .nullable()
                    .describe(
                      'The cluster entity the link went through; null when the entity names the cluster by its ARM id.',
                    ),
                  cluster: zod
                    .object({
                      id: zod.string().describe("The cluster's ARM id."),
                      name: zod.string(),
                    })
                    .passthrough()
                    .describe(
                      'The cluster as the inventory holds it: location, network profile (plugin, mode, pod and service CIDR), node pools, nodeSubnets (CIDR, IPs in use and usable), podSubnets, flow logs, and inventory (networkModel, owner, stale).',
                    ),
                  posture: zod
                    .object({
                      findings: zod
                        .array(
                          zod
                            .object({
                              id: zod.string(),
                              status: zod
                                .string()
                                .describe('pass, warn, fail or unknown.'),
                              title: zod.string(),
                              detail: zod.string(),
                              remediation: zod
                                .string()
                                .describe(
                                  'What to do; empty when nothing is to be done.',
                                ),
                            })
                            .passthrough(),
                        )
                        .describe('One finding per check.'),
                      summary: zod
                        .object({
                          egressIngressMonitored: zod.boolean().nullable(),
                          samePodToPodVisible: zod.boolean().nullable(),
                          historyKept: zod.boolean().nullable(),
                        })
                        .describe(
                          'The three things security wants kept; null means unknown (not read).',
                        ),
                    })
                    .passthrough()
                    .describe(
                      "The checks' findings, their summary, the network model's classification and the monthly ACNS cost (acnsMonthlyCostUsd, null where ACNS cannot run).",
                    ),
                  links: zod
                    .array(
                      zod
                        .object({
                          kind: zod
                            .string()
                            .describe(
                              'cluster, flow-log, traffic-analytics, container-network-logs or acns-observability.',
                            ),
                          title: zod.string(),
                          url: zod.string(),
                        })
                        .passthrough(),
                    )
                    .describe('Where a person reads the traffic.'),
                })
                .passthrough(),
            )
            .describe('Every cluster the entity is linked to.'),
          unresolved: zod
            .array(zod.object({ ref: zod.string(), reason: zod.string() }))
            .describe(
              'Links that led to no cluster in the inventory, and why.',
            ),
          lastSync: zod
            .object({})
            .passthrough()
            .nullable()
            .describe(
              'The last finished inventory sync (status, startedAt, finishedAt); null before the first.',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      // In the route's order: a caller without the permission learns nothing of the input.
      await authorizeCredentials(credentials, aksClusterReadPermission, deps);
      const { entityRef } = parseBody(postureInput, input);
      const posture = await deps.service.entityPosture({
        entityRef,
        credentials,
        catalog: deps.catalog,
      });
      return wireOutput(toApiEntityPosture(posture));
    },
  });
}
