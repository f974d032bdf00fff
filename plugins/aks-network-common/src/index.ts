/**
 * The AKS network domain, shared by the frontend and backend packages.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './cidr';
export * from './allocation';
export * from './facts';
export * from './cluster';
export * from './model';
export * from './planner';
export * from './validation';
export * from './posture';
export * from './events';
export * from './api';
export * from './entity';
export * from './text';
