/**
 * The AKS network domain, shared by the frontend and backend packages.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './cidr';
export * from './allocation';
