import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/**
 * Examples of `aks-network:plan`, shown in the scaffolder's action list and executed by
 * `examples.test.ts` against the ARM simulator's seed fleet (examples/azure-fleet).
 */
export const planActionExamples: TemplateExample[] = [
  {
    description:
      'Plan a three-node overlay cluster in the prod-weu pool, with the ACNS cost',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan the cluster network',
          action: 'aks-network:plan',
          input: {
            name: 'aks-orders-prod-weu',
            subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
            resourceGroup: 'rg-aks-payments-prod',
            region: 'westeurope',
            addressPoolId: 'prod-weu',
            nodeCount: 3,
            vmSize: 'Standard_D4s_v5',
            maxPods: 30,
            acnsObservability: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'Plan a 100-node cluster: the node subnet grows past the pool’s /27 to a /25',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          name: 'Plan a large cluster',
          action: 'aks-network:plan',
          input: {
            name: 'aks-batch-prod-weu',
            subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
            resourceGroup: 'rg-aks-payments-prod',
            region: 'westeurope',
            addressPoolId: 'prod-weu',
            nodeCount: 100,
            vmSize: 'Standard_D8s_v5',
          },
        },
      ],
    }),
  },
];
