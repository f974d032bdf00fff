import { Progress } from '@backstage/core-components';
import { ComponentType, lazy, Suspense } from 'react';

/**
 * A field component whose code loads when a form first shows it: the legacy app
 * registers field extensions with the app's first bundle, and most pages have no
 * form. (The new frontend system loads `formFields.ts` lazily by itself.)
 */
export function lazyField<P extends {}>(
  load: () => Promise<(props: P) => JSX.Element | null>,
): (props: P) => JSX.Element {
  const Lazy = lazy(async () => ({
    default: (await load()) as ComponentType<P>,
  })) as unknown as ComponentType<P>;
  return function LazyField(props: P) {
    return (
      <Suspense fallback={<Progress />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
