import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/**
 * Examples of `aks-network:cluster:create`, shown in the scaffolder's action list and
 * executed by `examples.test.ts` against the ARM simulator's seed fleet.
 */
export const createClusterActionExamples: TemplateExample[] = [
  {
    description:
      'Create an overlay cluster for two components of the payments system, with ACNS observability and Tetragon declared as its flow export',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          name: 'Create the AKS cluster',
          action: 'aks-network:cluster:create',
          input: {
            name: 'aks-payments-ledger-weu',
            subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
            resourceGroup: 'rg-aks-payments-dev',
            region: 'westeurope',
            addressPoolId: 'nonprod-weu',
            nodeCount: 3,
            vmSize: 'Standard_D4s_v5',
            maxPods: 30,
            kubernetesVersion: '1.33',
            acnsObservability: true,
            owner: 'group:default/team-payments',
            system: 'system:default/payments',
            components: ['payments-api', 'payments-worker'],
            flowExport: ['tetragon'],
          },
        },
      ],
    }),
  },
];
