import { z } from 'zod';
import { isSubscriptionId } from '@aks-network/plugin-aks-network-common';
import {
  AZURE_CLOUD_NAMES,
  AzureCloudName,
  DEFAULT_AZURE_CLOUD,
} from '../clouds';
import { configBoolean, configNumber } from './configValues';

const nonEmpty = () => z.string().trim().min(1, 'must not be empty');

// Azure subscription ids are GUIDs (common's isSubscriptionId); a typo here would
// otherwise surface as a 404 much later.
const subscriptionId = nonEmpty().refine(
  isSubscriptionId,
  'must be a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)',
);

// No message echoes the value: a secret pasted into the wrong key must not reach a log.
const httpsUrl = () =>
  nonEmpty().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a URL' });
      return;
    }
    if (url.protocol !== 'https:') {
      // The Azure SDK refuses to send a bearer token over plain http.
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'must use https (the Azure SDK sends bearer tokens over TLS only)',
      });
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must not carry a user name or password',
      });
    }
    if (url.search || url.hash) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'must not have a query or fragment',
      });
    }
  });

const defaultCredential = z
  .object({
    type: z.literal('default'),
    tenantId: nonEmpty().optional(),
    managedIdentityClientId: nonEmpty().optional(),
    workloadIdentityClientId: nonEmpty().optional(),
  })
  .strict();

const clientSecretCredential = z
  .object({
    type: z.literal('clientSecret'),
    tenantId: nonEmpty(),
    clientId: nonEmpty(),
    clientSecret: nonEmpty(),
  })
  .strict();

const developmentCredential = z
  .object({
    type: z.literal('development'),
    token: nonEmpty(),
  })
  .strict();

const credential = z.preprocess(
  // `credential` may be left out, or given without `type`: both mean DefaultAzureCredential.
  value => {
    if (value === undefined) {
      return { type: 'default' };
    }
    if (typeof value === 'object' && value !== null && !('type' in value)) {
      return { ...value, type: 'default' };
    }
    return value;
  },
  z.discriminatedUnion(
    'type',
    [defaultCredential, clientSecretCredential, developmentCredential],
    {
      errorMap: (issue, ctx) =>
        issue.code === z.ZodIssueCode.invalid_union_discriminator
          ? {
              message:
                'must be one of "default", "clientSecret", "development"',
            }
          : { message: ctx.defaultError },
    },
  ),
);

// A subscription may be written as its bare id or as `{ subscriptionId, displayName }`.
const subscription = z.preprocess(
  value => (typeof value === 'string' ? { subscriptionId: value } : value),
  z
    .object({
      subscriptionId,
      displayName: nonEmpty().optional(),
    })
    .strict(),
);

const requests = z
  .object({
    maxConcurrencyPerSubscription: configNumber(
      z.number().int().min(1).max(100),
    ).default(4),
    maxRetries: configNumber(z.number().int().min(0).max(30)).default(6),
    maxRetryTimeSeconds: configNumber(z.number().min(0).max(3600)).default(120),
    retryBaseDelayMs: configNumber(z.number().int().min(1).max(60_000)).default(
      500,
    ),
    timeoutSeconds: configNumber(z.number().positive().max(3600)).default(60),
  })
  .strict()
  .default({});

/**
 * The raw shape of `aksNetwork.azure`. Unknown keys at this level are kept out of the
 * result but tolerated, so other parts of the plugin set may add settings beside these;
 * the credential, subscription and request objects are strict, because a misspelt key
 * there (say `clientsecret`) would otherwise be silently ignored.
 */
export const azureAccessConfigSchema = z.object({
  cloud: z
    .enum(AZURE_CLOUD_NAMES as [AzureCloudName, ...AzureCloudName[]], {
      errorMap: () => ({
        message: `must be one of ${AZURE_CLOUD_NAMES.map(n => `"${n}"`).join(
          ', ',
        )}`,
      }),
    })
    .default(DEFAULT_AZURE_CLOUD),
  resourceManagerEndpoint: httpsUrl().optional(),
  audience: httpsUrl().optional(),
  authorityHost: httpsUrl().optional(),
  caCertificate: nonEmpty().optional(),
  caCertificateFile: nonEmpty().optional(),
  credential,
  subscriptions: z
    .array(subscription)
    .min(
      1,
      'list at least one subscription, or leave the key out to use every subscription the credential can see',
    )
    .optional(),
  readApiServerCertificateAuthority: configBoolean().default(false),
  requests,
});

/**
 * Messages for zod's built-in checks, phrased to follow the config key
 * ("aksNetwork.azure.requests.maxRetries must be at most 30"). None quotes the value
 * that was given, so a secret in the wrong place is never repeated in an error.
 */
export const azureAccessConfigErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return {
        message:
          issue.received === 'undefined'
            ? 'is required'
            : `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${
                issue.expected
              }`,
      };
    case z.ZodIssueCode.too_small:
      return {
        message:
          issue.type === 'number'
            ? `must be at least ${issue.minimum}`
            : `must have at least ${issue.minimum} item(s)`,
      };
    case z.ZodIssueCode.too_big:
      return { message: `must be at most ${issue.maximum}` };
    case z.ZodIssueCode.unrecognized_keys:
      return {
        message: `has unknown key(s) ${issue.keys
          .map(k => `"${k}"`)
          .join(', ')}`,
      };
    default:
      return { message: issue.message ?? ctx.defaultError };
  }
};

/** The parsed, not yet resolved, `aksNetwork.azure` section. */
export type AzureAccessConfigInput = z.infer<typeof azureAccessConfigSchema>;
