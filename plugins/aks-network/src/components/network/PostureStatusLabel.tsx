import type { PostureStatus } from '@aks-network/plugin-aks-network-common';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ReactNode } from 'react';

const WORDS: Record<PostureStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Unknown',
};

/**
 * A posture status as an icon and a word, never colour alone (the words read the same
 * to a screen reader and to someone who cannot tell red from green).
 */
export function PostureStatusLabel(props: {
  status: PostureStatus;
  children?: ReactNode;
}) {
  const text = props.children ?? WORDS[props.status];
  switch (props.status) {
    case 'pass':
      return <StatusOK>{text}</StatusOK>;
    case 'warn':
      return <StatusWarning>{text}</StatusWarning>;
    case 'unknown':
      // Neither pass nor fail: what the check needs was not read.
      return <StatusPending>{text}</StatusPending>;
    default:
      return <StatusError>{text}</StatusError>;
  }
}

export function postureStatusWord(status: PostureStatus): string {
  return WORDS[status];
}
