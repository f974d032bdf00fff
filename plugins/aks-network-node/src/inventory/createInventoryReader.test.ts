import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AzureAccess } from '../clients/AzureAccess';
import { AzureInventoryReader } from './AzureInventoryReader';
import {
  createInventoryReader,
  readInventorySource,
} from './createInventoryReader';
import { ResourceGraphInventoryReader } from './resourceGraph';

const config = (inventory?: object) =>
  new ConfigReader({ aksNetwork: inventory ? { inventory } : {} });

describe('aksNetwork.inventory.source', () => {
  it('is arm by default (Resource Graph hides what it may not read), and resourceGraph when asked', () => {
    expect(readInventorySource(config())).toBe('arm');
    expect(readInventorySource(config({ source: 'arm' }))).toBe('arm');
    expect(readInventorySource(config({ source: 'resourceGraph' }))).toBe(
      'resourceGraph',
    );
  });

  it('refuses another value, naming the key and the choices', () => {
    expect(() => readInventorySource(config({ source: 'graph' }))).toThrow(
      "aksNetwork.inventory.source: 'graph' is not one of 'resourceGraph', 'arm'",
    );
  });

  it('builds the reader of the source', () => {
    const access = AzureAccess.fromConfig(
      new ConfigReader({
        aksNetwork: {
          azure: {
            resourceManagerEndpoint: 'https://127.0.0.1:1',
            credential: { type: 'development', token: 'dev' },
          },
        },
      }),
      { logger: mockServices.logger.mock() },
    );
    expect(
      createInventoryReader(access, { source: 'resourceGraph' }),
    ).toBeInstanceOf(ResourceGraphInventoryReader);
    expect(createInventoryReader(access, { source: 'arm' })).toBeInstanceOf(
      AzureInventoryReader,
    );
  });
});
