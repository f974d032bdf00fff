import {
  Entity,
  entitySchemaValidator,
  makeValidator,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  CLUSTERS_BY_MODEL,
  SUBSCRIPTION_A,
  SUBSCRIPTION_B,
  clusterRecord,
} from '../__fixtures__/clusterRecords';
import { AKS_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './annotations';
import { ClusterEntityOptions, clusterToEntity } from './clusterToEntity';

const OPTIONS: ClusterEntityOptions = {
  ownerTag: 'owner',
  defaultOwner: 'group:default/platform-team',
  systemTag: 'system',
  componentTag: 'component',
  locationKey: 'clusters',
};

const FQDN = 'aks-payments-prod-weu-dns-1a2b3c4d.hcp.westeurope.azmk8s.io';
// base64 of a PEM block, as the kubeconfig's certificate-authority-data holds it.
const CA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Ez\n-----END CERTIFICATE-----\n',
).toString('base64');

const validators = makeValidator();
const validateEnvelope = entitySchemaValidator();

/** What the catalog checks before it accepts an entity from a provider. */
async function expectValidEntity(entity: Entity) {
  expect(() => validateEnvelope(entity)).not.toThrow();
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
    true,
  );
  expect(validators.isValidEntityName(entity.metadata.name)).toBe(true);
  for (const [key, value] of Object.entries(
    entity.metadata.annotations ?? {},
  )) {
    expect(validators.isValidAnnotationKey(key)).toBe(true);
    expect(validators.isValidAnnotationValue(value)).toBe(true);
  }
}

describe('clusterToEntity', () => {
  it.each(CLUSTERS_BY_MODEL)(
    'emits a valid kubernetes-cluster Resource for %s (%s dataplane)',
    async (model, dataplane, record) => {
      const entity = clusterToEntity(record, OPTIONS);
      await expectValidEntity(entity);
      expect(entity.kind).toBe('Resource');
      expect(entity.spec.type).toBe('kubernetes-cluster');
      expect(entity.metadata.title).toBe(record.name);
      expect(entity.metadata.description).toContain('westeurope');
      expect(entity.metadata.annotations?.[AKS_ANNOTATIONS.networkModel]).toBe(
        model,
      );
      expect(
        entity.metadata.annotations?.[AKS_ANNOTATIONS.networkDataplane],
      ).toBe(dataplane);
    },
  );

  it('writes every annotation of the entity contract', () => {
    const record = clusterRecord();
    const entity = clusterToEntity(record, OPTIONS);
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'aks-network:clusters',
      'backstage.io/managed-by-origin-location': 'aks-network:clusters',
      'management.azure.com/resourceId': record.id,
      'aks.azure.com/network-model': 'azure-cni-overlay',
      'aks.azure.com/network-dataplane': 'azure',
      'aks.azure.com/subscription-id': SUBSCRIPTION_A,
      'aks.azure.com/resource-group': 'rg-aks-payments-prod',
      'aks.azure.com/region': 'westeurope',
      'kubernetes.io/auth-provider': 'aks',
      'kubernetes.io/dashboard-app': 'aks',
      'kubernetes.io/dashboard-parameters': JSON.stringify({
        subscriptionId: SUBSCRIPTION_A,
        resourceGroup: 'rg-aks-payments-prod',
        clusterName: 'aks-payments-prod-weu',
      }),
    });
    expect(entity.metadata.description).toBe(
      'AKS cluster in westeurope, Azure CNI Overlay.',
    );
  });

  it('names the server-side Azure identity for the Kubernetes plugin when configured', () => {
    const entity = clusterToEntity(clusterRecord(), {
      ...OPTIONS,
      kubernetesAuthProvider: 'azure',
    });
    expect(entity.metadata.annotations?.['kubernetes.io/auth-provider']).toBe(
      'azure',
    );
  });

  it('gives a record with FQDN and CA all three annotations the cluster locator needs', async () => {
    const entity = clusterToEntity(
      {
        ...clusterRecord(),
        fqdn: FQDN,
        apiServerCertificateAuthority: CA,
      },
      OPTIONS,
    );
    await expectValidEntity(entity);
    const annotations = entity.metadata.annotations!;
    expect(annotations[KUBERNETES_ANNOTATIONS.apiServer]).toBe(
      `https://${FQDN}:443`,
    );
    expect(
      annotations[KUBERNETES_ANNOTATIONS.apiServerCertificateAuthority],
    ).toBe(CA);
    expect(annotations[KUBERNETES_ANNOTATIONS.authProvider]).toBe('aks');
  });

  it('writes the API server but no CA annotation for a record without the CA', () => {
    const annotations = clusterToEntity(
      { ...clusterRecord(), fqdn: FQDN },
      OPTIONS,
    ).metadata.annotations!;
    expect(annotations[KUBERNETES_ANNOTATIONS.apiServer]).toBe(
      `https://${FQDN}:443`,
    );
    expect(
      KUBERNETES_ANNOTATIONS.apiServerCertificateAuthority in annotations,
    ).toBe(false);
    // A blank CA is no CA.
    const blank = clusterToEntity(
      { ...clusterRecord(), fqdn: FQDN, apiServerCertificateAuthority: ' ' },
      OPTIONS,
    ).metadata.annotations!;
    expect(KUBERNETES_ANNOTATIONS.apiServerCertificateAuthority in blank).toBe(
      false,
    );
  });

  it('leaves the API server out rather than guessing it', () => {
    const annotations = clusterToEntity(clusterRecord(), OPTIONS).metadata
      .annotations!;
    expect(annotations[KUBERNETES_ANNOTATIONS.apiServer]).toBeUndefined();
    expect(
      annotations[KUBERNETES_ANNOTATIONS.apiServerCertificateAuthority],
    ).toBeUndefined();
  });

  it('gives same-named clusters in two subscriptions distinct, valid, stable names', async () => {
    const a = clusterToEntity(clusterRecord(), OPTIONS);
    const b = clusterToEntity(
      clusterRecord({ subscriptionId: SUBSCRIPTION_B }),
      OPTIONS,
    );
    await expectValidEntity(a);
    await expectValidEntity(b);
    expect(a.metadata.name).not.toBe(b.metadata.name);
    expect(a.metadata.name).toMatch(/^aks-payments-prod-weu-[0-9a-f]{8}$/);
    expect(a.metadata.title).toBe(b.metadata.title);
    // ARM ids are case-insensitive: the same cluster read in other casing keeps its name.
    const upper = clusterRecord();
    upper.id = upper.id.toUpperCase();
    expect(clusterToEntity(upper, OPTIONS).metadata.name).toBe(a.metadata.name);
  });

  it('keeps a 63-character cluster name within the catalog limit', async () => {
    const name = `a${'-b'.repeat(30)}_c`.slice(0, 63);
    const entity = clusterToEntity(clusterRecord({ name }), OPTIONS);
    await expectValidEntity(entity);
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
  });

  it('links components with dependencyOf, so they get a dependsOn relation to the cluster', () => {
    const entity = clusterToEntity(clusterRecord(), OPTIONS);
    expect(entity.spec.dependencyOf).toEqual([
      'component:default/payments-api',
      'component:default/payments-worker',
    ]);
    expect(entity.spec.dependsOn).toBeUndefined();
    expect(entity.spec.system).toBe('system:default/payments');
  });

  it('takes the owner from the tag', () => {
    expect(clusterToEntity(clusterRecord(), OPTIONS).spec.owner).toBe(
      'group:default/team-payments',
    );
    const withUser = clusterRecord({ tags: { Owner: 'user:jdoe' } });
    expect(clusterToEntity(withUser, OPTIONS).spec.owner).toBe(
      'user:default/jdoe',
    );
    const custom = clusterRecord({ tags: { team: 'group:ops/sre' } });
    expect(
      clusterToEntity(custom, { ...OPTIONS, ownerTag: 'team' }).spec.owner,
    ).toBe('group:ops/sre');
  });

  it('falls back to the default owner without a tag, silently', () => {
    const entity = clusterToEntity(clusterRecord({ tags: {} }), OPTIONS);
    expect(entity.spec.owner).toBe('group:default/platform-team');
    expect(entity.spec.system).toBeUndefined();
    expect(entity.spec.dependencyOf).toBeUndefined();
    expect(
      entity.metadata.annotations![AKS_ANNOTATIONS.tagProblems],
    ).toBeUndefined();
  });

  it('falls back to the default owner for an invalid tag, and says why', async () => {
    const entity = clusterToEntity(
      clusterRecord({
        tags: {
          owner: 'Team Payments!',
          system: 'component:payments',
          component: 'payments-api, ,bad name,api:x',
        },
      }),
      OPTIONS,
    );
    await expectValidEntity(entity);
    expect(entity.spec.owner).toBe('group:default/platform-team');
    expect(entity.spec.system).toBeUndefined();
    expect(entity.spec.dependencyOf).toEqual([
      'component:default/payments-api',
    ]);
    const problems =
      entity.metadata.annotations![AKS_ANNOTATIONS.tagProblems].split('\n');
    expect(problems).toEqual([
      "tag 'owner' 'Team Payments!' is not a valid entity name; owner is the default group:default/platform-team",
      "tag 'system' 'component:payments' is of kind component, expected system; no system set",
      "tag 'component' item 'bad name' is not a valid entity name; skipped",
      "tag 'component' item 'api:x' is of kind api, expected component; skipped",
    ]);
  });

  it('links to the portal of the configured cloud', () => {
    const record = clusterRecord();
    expect(clusterToEntity(record, OPTIONS).metadata.links).toEqual([
      {
        url: `https://portal.azure.com/#@/resource${record.id}/overview`,
        title: 'Azure portal',
        icon: 'cloud',
      },
    ]);
    expect(
      clusterToEntity(record, {
        ...OPTIONS,
        portalBaseUrl: 'https://portal.azure.cn/',
      }).metadata.links![0].url,
    ).toBe(`https://portal.azure.cn/#@/resource${record.id}/overview`);
  });

  it('still lists a cluster whose network model cannot be told', async () => {
    const entity = clusterToEntity(
      clusterRecord({ networkProfile: { networkPlugin: 'flannel' } }),
      OPTIONS,
    );
    await expectValidEntity(entity);
    expect(
      entity.metadata.annotations![AKS_ANNOTATIONS.networkModel],
    ).toBeUndefined();
    expect(
      entity.metadata.annotations![AKS_ANNOTATIONS.networkModelUnknown],
    ).toContain("'flannel'");
    expect(entity.metadata.description).toContain('unknown network model');
  });

  it('says on the entity what the last read could not read, and when it last was', async () => {
    const nsg = `/subscriptions/${SUBSCRIPTION_A}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-aks`;
    const entity = clusterToEntity(
      clusterRecord({
        unread: [
          {
            part: 'nsg',
            resourceId: nsg,
            error: 'AuthorizationFailed, HTTP 403: denied',
            lastReadAt: '2026-11-30T08:00:00.000Z',
          },
          {
            part: 'flowLogs',
            resourceId: `/subscriptions/${SUBSCRIPTION_A}`,
            error: 'InternalServerError, HTTP 500: try again',
          },
        ],
      }),
      OPTIONS,
    );
    await expectValidEntity(entity);
    expect(
      entity.metadata.annotations![AKS_ANNOTATIONS.networkUnread].split('\n'),
    ).toEqual([
      'NSG nsg-aks (AuthorizationFailed, HTTP 403: denied; last read 2026-11-30 08:00 UTC)',
      `flow logs of subscription ${SUBSCRIPTION_A} (InternalServerError, HTTP 500: try again; never read)`,
    ]);
    // Read in full: no annotation.
    expect(
      clusterToEntity(clusterRecord(), OPTIONS).metadata.annotations![
        AKS_ANNOTATIONS.networkUnread
      ],
    ).toBeUndefined();
  });
});
