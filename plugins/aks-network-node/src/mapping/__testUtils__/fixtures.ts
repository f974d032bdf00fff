import fs from 'fs';
import path from 'path';
import { NetworkResourceIndex } from '../NetworkResourceIndex';
import {
  sdkFlowLogs,
  sdkNetworkSecurityGroup,
  sdkVirtualNetwork,
  sdkVirtualNetworkUsages,
} from './sdkFromArmJson';

/** Reads a raw ARM JSON fixture from `src/mapping/__fixtures__`. */
export function readArmFixture(relativePath: string): unknown {
  return JSON.parse(
    fs.readFileSync(
      path.resolve(__dirname, '..', '__fixtures__', relativePath),
      'utf8',
    ),
  );
}

/** The network fixtures (VNet, usages, NSG, flow logs) through the SDK, indexed. */
export async function fixtureNetworkIndex(): Promise<NetworkResourceIndex> {
  return new NetworkResourceIndex()
    .addVirtualNetwork(
      await sdkVirtualNetwork(readArmFixture('network/vnet-spoke.json')),
    )
    .addUsages(
      await sdkVirtualNetworkUsages(
        readArmFixture('network/vnet-spoke-usages.json'),
      ),
    )
    .addNetworkSecurityGroup(
      await sdkNetworkSecurityGroup(readArmFixture('network/nsg-aks.json')),
    )
    .addFlowLogs(
      await sdkFlowLogs(readArmFixture('network/flowLogs-westeurope.json')),
    );
}
