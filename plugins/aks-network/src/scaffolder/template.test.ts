import { FLOW_EXPORT_TOOLS } from '@aks-network/plugin-aks-network-common';
import { overlayTemplate } from './__testUtils__/overlayTemplate';

/** The action inputs of the template before the scaffolder fields came in. */
const PLAN_INPUTS = [
  'name',
  'subscriptionId',
  'resourceGroup',
  'region',
  'addressPoolId',
  'nodeCount',
  'vmSize',
  'maxPods',
  'kubernetesVersion',
  'acnsObservability',
];

describe('templates/aks-overlay-cluster/template.yaml', () => {
  const template = overlayTemplate();
  const pages = template.spec.parameters;
  const page = (title: string) => pages.find(p => p.title === title)!;
  const properties = Object.fromEntries(
    pages.flatMap(p => Object.entries(p.properties)),
  );

  it('parses as a template with its three pages', () => {
    expect(template.kind).toBe('Template');
    expect(template.metadata.name).toBe('aks-overlay-cluster');
    expect(pages.map(p => p.title)).toEqual([
      'Cluster',
      'Azure',
      'Nodes and network',
    ]);
  });

  it('picks the subscription and the pool from the backend, listing none of its own', () => {
    expect(properties.subscriptionId).toMatchObject({
      type: 'string',
      'ui:field': 'AksSubscriptionPicker',
    });
    for (const key of ['enum', 'enumNames', 'default']) {
      expect(properties.subscriptionId).not.toHaveProperty(key);
    }
    expect(properties.addressPoolId).toMatchObject({
      type: 'string',
      'ui:field': 'AksAddressPoolPicker',
      'ui:options': { regionField: 'region' },
    });
    expect(properties.addressPoolId).not.toHaveProperty('enum');
    expect(properties.addressPoolId).not.toHaveProperty('enumNames');
    expect(properties.addressPoolId).not.toHaveProperty('default');
    expect(page('Azure').required).toEqual(
      expect.arrayContaining(['subscriptionId', 'addressPoolId', 'region']),
    );
  });

  it('leaves the node count range and the maxPods default to the backend, and prices nothing', () => {
    expect(properties.nodeCount).toMatchObject({ type: 'integer', default: 3 });
    expect(properties.nodeCount).not.toHaveProperty('minimum');
    expect(properties.nodeCount).not.toHaveProperty('maximum');
    expect(properties.maxPods).not.toHaveProperty('default');
    expect(properties.maxPods.description).toMatch(/organisation's default/);
    expect(properties.acnsObservability.description).not.toMatch(
      /\$|USD|per node-hour/,
    );
  });

  it('ends the Nodes and network page with the network plan, which API callers need not send', () => {
    const nodes = page('Nodes and network');
    expect(Object.keys(nodes.properties).pop()).toBe('networkPlan');
    expect(nodes.properties.networkPlan).toEqual(
      expect.objectContaining({
        title: 'Network plan',
        type: 'object',
        'ui:field': 'AksNetworkPlan',
      }),
    );
    // Not required: the field sets its value when it renders (so its validator runs on
    // Next), and a task started through the API sends no plan of its own.
    expect(nodes.required).not.toContain('networkPlan');
  });

  it('offers the flow-export tools common knows, by their names (the one list is FLOW_EXPORT_TOOLS)', () => {
    expect(properties.flowExport).toMatchObject({
      type: 'array',
      uniqueItems: true,
      items: {
        enum: Object.keys(FLOW_EXPORT_TOOLS),
        enumNames: Object.values(FLOW_EXPORT_TOOLS).map(tool => tool.name),
      },
    });
  });

  it('passes the actions what it did before, and not the network plan', () => {
    const steps = Object.fromEntries(
      template.spec.steps.map(step => [step.id, step]),
    );
    expect(steps.plan.action).toBe('aks-network:plan');
    expect(Object.keys(steps.plan.input)).toEqual(PLAN_INPUTS);
    expect(steps.create.action).toBe('aks-network:cluster:create');
    expect(Object.keys(steps.create.input)).toEqual([
      ...PLAN_INPUTS,
      'owner',
      'system',
      'components',
      'flowExport',
    ]);
    for (const step of template.spec.steps) {
      for (const [key, value] of Object.entries(step.input)) {
        expect(value).toBe(`\${{ parameters.${key} }}`);
      }
    }
    expect(JSON.stringify(template.spec.steps)).not.toMatch(/networkPlan/);
  });
});
