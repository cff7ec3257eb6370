// The frame of every vault screen: the whole window, with Roundtable's name and one card in the
// middle, shown instead of the app until the archive is open.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface VaultScreenProps {
  title: string;
  /** The recovery key screen is wider: the key is printed large. */
  wide?: boolean;
  /** Screens without a field to start in put focus on their title, so it is read out first. */
  focusTitle?: boolean;
  children: ReactNode;
}

export function VaultScreen({ title, wide = false, focusTitle = false, children }: VaultScreenProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — Roundtable`;
  }, [title]);

  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle]);

  return (
    <div className="vault-screen">
      <main className={wide ? 'vault-card wide' : 'vault-card'} aria-labelledby={`${id}-title`}>
        <p className="vault-brand">Roundtable</p>
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
