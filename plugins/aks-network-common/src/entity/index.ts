export * from './AksEntityContract';
export * from './tagEntityRefs';
