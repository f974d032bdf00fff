import { ArmError } from './ArmError';
import type { ArmProvider } from './ArmRoute';

/**
 * api-versions the simulator accepts per resource provider. The first of each list is
 * the one the installed SDK sends (read from its `dist/commonjs/api/*` operations):
 * `@azure/arm-containerservice` 25.5.0 → 2026-06-01, `@azure/arm-network` 39.0.0 →
 * 2026-01-01, `@azure/arm-resources-subscriptions` 3.0.0 → 2022-12-01,
 * `@azure/arm-resourcegraph` 5.0.0 → 2024-04-01. The others are
 * earlier versions whose REST shapes for these operations are the same.
 *
 * @public
 */
export const SUPPORTED_API_VERSIONS: Readonly<
  Record<ArmProvider, readonly string[]>
> = {
  'Microsoft.ContainerService': ['2026-06-01', '2026-04-01'],
  'Microsoft.Network': ['2026-01-01', '2024-07-01', '2024-05-01'],
  'Microsoft.ResourceGraph': ['2024-04-01', '2022-10-01', '2021-03-01'],
  'Microsoft.Resources': [
    '2022-12-01',
    '2021-01-01',
    '2020-01-01',
    '2021-04-01',
    '2024-03-01',
  ],
};

/**
 * ARM requires `api-version` on every request: missing → 400
 * `MissingApiVersionParameter`, unknown → 400 `InvalidApiVersionParameter`, with
 * ARM's wording.
 */
export function checkApiVersion(
  query: URLSearchParams,
  provider: ArmProvider,
): string {
  const apiVersion = query.get('api-version');
  if (apiVersion === null || apiVersion === '') {
    throw new ArmError({
      statusCode: 400,
      code: 'MissingApiVersionParameter',
      message:
        'The api-version query parameter (?api-version=) is required for all requests.',
    });
  }
  const supported = SUPPORTED_API_VERSIONS[provider];
  if (!supported.includes(apiVersion)) {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidApiVersionParameter',
      message: `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(
        ',',
      )}'.`,
    });
  }
  return apiVersion;
}
