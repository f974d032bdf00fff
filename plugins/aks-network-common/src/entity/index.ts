export * from './AksEntityContract';
