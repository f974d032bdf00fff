import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';

/**
 * The posture of the page's entity: one request (`GET /posture`) for all its clusters.
 * With `skip`, no request (the entity cannot have any).
 */
export function useEntityPosture(options: { skip?: boolean } = {}) {
  const { entity } = useEntity();
  const api = useApi(aksNetworkApiRef);
  const entityRef = stringifyEntityRef(entity);
  const state = useAsyncRetry(
    async () => (options.skip ? undefined : api.getEntityPosture(entityRef)),
    [api, entityRef, options.skip],
  );
  return { entity, entityRef, ...state };
}
