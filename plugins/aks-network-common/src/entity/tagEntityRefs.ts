import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * A tag value read as an entity reference: the normalised ref, or why it is not one.
 *
 * @public
 */
export type TagEntityRef =
  | { ok: true; ref: string }
  | { ok: false; problem: string };

/**
 * Reads one entity reference the way the catalog does (`team-a`, `group:team-a` and
 * `group:default/team-a` are the same group) and checks it against the catalog's name
 * rules, so an entity we emit never fails validation because of a tag someone typed in
 * the Azure portal.
 *
 * @param value - the tag value (or one item of a comma-separated tag)
 * @param defaultKind - the kind a bare name means (`group` for owners, …)
 * @param allowedKinds - kinds the field accepts (an owner is a group or a user)
 * @public
 */
export function readEntityRef(
  value: string,
  defaultKind: string,
  allowedKinds: readonly string[],
): TagEntityRef {
  const text = value.trim();
  if (text === '') {
    return { ok: false, problem: 'is empty' };
  }
  let parsed;
  try {
    parsed = parseEntityRef(text, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return { ok: false, problem: `'${text}' is not an entity reference` };
  }
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  if (!allowedKinds.includes(kind)) {
    return {
      ok: false,
      problem: `'${text}' is of kind ${kind}, expected ${allowedKinds.join(
        ' or ',
      )}`,
    };
  }
  if (
    !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(parsed.name)
  ) {
    return { ok: false, problem: `'${text}' is not a valid entity name` };
  }
  return {
    ok: true,
    ref: stringifyEntityRef({
      kind,
      namespace: parsed.namespace,
      name: parsed.name,
    }),
  };
}
