export * from './cluster';
export * from './subscription';
export * from './syncRun';
export * from './addressPool';
export * from './reservation';
export * from './posture';
export * from './notification';
