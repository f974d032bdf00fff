import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aksNetworkApiRef } from '../../api/aksNetworkApiRef';

/**
 * The posture of the page's entity: one request (`GET /posture`) for all its clusters.
 * The request starts while the card first renders, not after the whole entity page has
 * committed, so it runs beside the rest of the page's rendering. With `skip`, no
 * request (the entity cannot have any).
 */
export function useEntityPosture(options: { skip?: boolean } = {}) {
  const { entity } = useEntity();
  const api = useApi(aksNetworkApiRef);
  const entityRef = stringifyEntityRef(entity);
  const [early] = useState(() =>
    options.skip
      ? undefined
      : { entityRef, answer: api.getEntityPosture(entityRef) },
  );
  // The early answer serves the first load only; a retry or another entity asks again.
  const usedEarly = useRef(false);
  const state = useAsyncRetry(async () => {
    if (options.skip) {
      return undefined;
    }
    if (early && !usedEarly.current && early.entityRef === entityRef) {
      usedEarly.current = true;
      return early.answer;
    }
    return api.getEntityPosture(entityRef);
  }, [api, entityRef, options.skip]);
  return { entity, entityRef, ...state };
}
