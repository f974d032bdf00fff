export { createAzureCredential } from './createAzureCredential';
export type { CreateAzureCredentialOptions } from './createAzureCredential';
export {
  createDevelopmentCredential,
  DevelopmentCredentialRefusedError,
} from './developmentCredential';
export { isLoopbackEndpoint } from './isLoopbackEndpoint';
export { AzureCredentialError } from './secretScrubbingCredential';
