import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { createRouter } from '../router';
import type { AksNetworkService } from '../service/AksNetworkService';
import { aksNetworkPermissionRulesets } from '../permissions/rulesets';

/** Routes as "METHOD /path/:param", read from the express router's own table. */
function routerRoutes(router: unknown): string[] {
  const stack = (
    router as {
      stack: Array<{
        route?: { path: string; methods: Record<string, boolean> };
      }>;
    }
  ).stack;
  return stack.flatMap(layer =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          method => `${method.toUpperCase()} ${layer.route!.path}`,
        )
      : [],
  );
}

describe('openapi.yaml', () => {
  it('describes exactly the routes the router serves', async () => {
    const file = path.join(
      resolvePackagePath('@aks-network/plugin-aks-network-backend'),
      'src/schema/openapi.yaml',
    );
    const spec = parse(fs.readFileSync(file, 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const described = Object.entries(spec.paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter(key => ['get', 'post', 'put', 'delete', 'patch'].includes(key))
        .map(
          method =>
            `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
    );
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      userInfo: mockServices.userInfo(),
      catalog: catalogServiceMock(),
      service: {
        store: {},
        sync: {},
        vnetSubnets: {},
        reservationTtlSeconds: 60,
      } as unknown as AksNetworkService,
      permissionRules: aksNetworkPermissionRulesets(),
    });
    expect(routerRoutes(router).sort()).toEqual(described.sort());
  });
});
