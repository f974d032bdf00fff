import type { TokenCredential } from '@azure/core-auth';
import type { Config } from '@backstage/config';
import type { AzureAccessConfig } from '../config/AzureAccessConfig';
import { describeAzureAccess } from '../config/describeAzureAccess';
import {
  readAzureAccessConfig,
  type ReadAzureAccessConfigOptions,
} from '../config/readAzureAccessConfig';
import { createAzureCredential } from '../credentials/createAzureCredential';
import type { ArmCallMetrics } from '../pipeline/ArmCallMetrics';
import {
  createArmClients,
  type ArmClients,
  type CreateArmClientsOptions,
} from './createArmClients';

/**
 * Options of {@link AzureAccess.fromConfig}.
 *
 * @public
 */
export interface AzureAccessOptions
  extends Omit<CreateArmClientsOptions, 'credential'>,
    ReadAzureAccessConfigOptions {
  /** Use this credential instead of the configured one (tests). */
  credential?: TokenCredential;
}

/**
 * Everything needed to call Azure, built from `aksNetwork.azure`: the settings, the
 * credential and the ARM clients. A backend holds one, through `azureAccessServiceRef`,
 * made when the first plugin needing it starts, so a bad config or a development
 * credential aimed at a remote endpoint stops the start.
 *
 * @public
 */
export class AzureAccess {
  static fromConfig(config: Config, options: AzureAccessOptions): AzureAccess {
    const settings = readAzureAccessConfig(config, options);
    const { logger } = options;
    logger.info(describeAzureAccess(settings));
    const credential =
      options.credential ?? createAzureCredential(settings, { logger });
    const clients = createArmClients(settings, { ...options, credential });
    return new AzureAccess(settings, credential, clients);
  }

  private constructor(
    readonly settings: AzureAccessConfig,
    readonly credential: TokenCredential,
    readonly clients: ArmClients,
  ) {}

  /** Counters of every request sent through {@link AzureAccess.clients}. */
  get metrics(): ArmCallMetrics {
    return this.clients.metrics;
  }
}
