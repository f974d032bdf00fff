/*
 * The Kubernetes plugin, finding the seed clusters through its catalog cluster locator.
 */

const { guestToken, getJson, SEED_FLEET_CLUSTERS } = require('./support');

module.exports = [
  {
    name: 'the Kubernetes plugin lists the seed clusters through its catalog locator',
    async run({ backendUrl }) {
      const token = await guestToken(backendUrl);
      const entities = await getJson(
        `${backendUrl}/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster&fields=metadata.name`,
        token,
      );
      const clusters = await getJson(
        `${backendUrl}/api/kubernetes/clusters`,
        token,
      );
      const listed = new Set(clusters.items.map(c => c.name));
      const missing = entities
        .map(e => e.metadata.name)
        .filter(n => !listed.has(n));
      if (entities.length < SEED_FLEET_CLUSTERS || missing.length > 0) {
        throw new Error(
          `${
            entities.length
          } cluster entities; not listed by the Kubernetes plugin: ${missing.join(
            ', ',
          )}`,
        );
      }
      const providers = new Set(clusters.items.map(c => c.authProvider));
      if (providers.size !== 1 || !providers.has('aks')) {
        throw new Error(`auth providers ${[...providers]}`);
      }
    },
  },
];
