export { AksFleetPage } from './AksFleetPage';
