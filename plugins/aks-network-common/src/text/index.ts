export {
  codePointName,
  findUnsafeCharacter,
  unsafeTextProblem,
} from './unsafeCharacters';
export { LOG_SAFE_MAX_LENGTH, logSafe } from './logSafe';
export { errorMessage } from './errorMessage';
