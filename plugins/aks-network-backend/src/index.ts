/**
 * The AKS network backend plugin: cluster inventory, address pools and their HTTP API.
 *
 * @packageDocumentation
 */

export { aksNetworkPlugin as default } from './plugin';
export * from './model';
export * from './database';
export * from './config';
export * from './sync';
export * from './reservations';
export * from './service';
export * from './permissions';
